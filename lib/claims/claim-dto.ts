import type { FieldErrors } from "@/lib/errors";
import type { RelationType, ReviewState, SourceKind, Stance } from "./review-states";
import type { RichDoc } from "./rich-text";
import type { Verdict } from "./verdicts";

/**
 * What the claims API returns. Client-safe: types only. Dates are ISO strings.
 */

export interface UserRef {
  id: string;
  name: string;
}

export const CLAIM_EVENT_KINDS = [
  "created",
  "edited",
  "mention-added",
  "mention-removed",
  "review-state",
  "verdict",
  "source-added",
  "source-removed",
  "source-edited",
  "relation-added",
  "relation-removed",
  "merged",
  "deleted",
  "restored",
  "commented",
] as const;
export type ClaimEventKind = (typeof CLAIM_EVENT_KINDS)[number];

/** Fields a `edited` event names; `from`/`to` are strings, ISO dates, string arrays, UserRefs or null. */
export type EditableField = "statement" | "claimant" | "claimDate" | "tags" | "assignee" | "explanation";

/**
 * Append-only history. `data` per kind (every change that bumps the version carries `version`, the claim's version after it):
 * - created: { annotationId, articleId, statement }
 * - edited: { field, from, to }
 * - mention-added / mention-removed: { annotationId, articleId, exact }
 * - review-state: { from, to, note }
 * - verdict: { from, to, note }
 * - source-added / source-removed: { sourceId, title, url, stance }
 * - source-edited: { sourceId, title, changes: [{ field, from, to }] } (title: the title after the edit; dates as ISO strings)
 * - relation-added / relation-removed: { relationId, type, direction: "outgoing" | "incoming", otherId, otherStatement, note }
 * - merged: { from, fromStatement, fromReviewState, fromVerdict, mentions, sources, relations, relationsDropped, tagsAdded, comments }
 * - deleted: { mentionIds }
 * - restored: { reattached, notReattached }
 * - commented: { commentId }
 */
export interface ClaimEventView {
  id: string;
  /** The claim the event was recorded on: this one, or one merged into it. */
  claimId: string;
  kind: ClaimEventKind;
  data: Record<string, unknown>;
  actor: UserRef | null;
  createdAt: string;
}

export interface MentionView {
  annotationId: string;
  /** `language`: the article's stored language (BCP 47) or null; the quote and title are in it. */
  article: { id: string; title: string; publishedAt: string | null; url: string | null; language: string | null };
  /** The quote as first highlighted. */
  exact: string;
  /** Quote selector context, as stored. */
  prefix: string;
  suffix: string;
  /** Up to ~200 characters of the current article text either side (prefix/suffix when orphaned). */
  before: string;
  after: string;
  /** Whether the article's text goes on before `before` and after `after` (an orphan's: whether prefix and suffix are non-empty). */
  contextCut: { before: boolean; after: boolean };
  status: "exact" | "moved" | "fuzzy" | "orphaned";
  start: number | null;
  end: number | null;
  /** PDFs: the page the mention starts on; null for other articles and orphans. */
  page: number | null;
  /** The highlight itself was deleted (it stays a mention until detached). */
  deleted: boolean;
  createdAt: string;
}

export interface SourceView {
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  accessedAt: string | null;
  kind: SourceKind;
  stance: Stance;
  note: string | null;
  createdBy: UserRef | null;
  createdAt: string;
}

export interface RelationView {
  id: string;
  type: RelationType;
  /** outgoing: this claim <type> other; incoming: other <type> this claim. */
  direction: "outgoing" | "incoming";
  /** From RELATION_WORDING, read from this claim's side: "Supported by". */
  wording: string;
  other: { id: string; statement: string; language: string | null; reviewState: ReviewState; verdict: Verdict | null };
  note: string | null;
  createdBy: UserRef | null;
  createdAt: string;
}

export interface CommentView {
  id: string;
  body: RichDoc;
  bodyText: string;
  author: UserRef | null;
  createdAt: string;
  updatedAt: string;
  edited: boolean;
  /** Names @mentioned in this comment who aren't members of the workspace: nobody was told (only in the answer to adding it). */
  mentionsIgnored?: string[];
}

export interface ChangesRequested {
  reason: string;
  at: string;
  by: UserRef | null;
}

export interface ClaimDetail {
  id: string;
  statement: string;
  /** The statement's detected language (BCP 47, e.g. "en", "uk"), or null when too short to tell: the UI then guesses from the script. */
  language: string | null;
  claimant: string | null;
  claimDate: string | null;
  reviewState: ReviewState;
  verdict: Verdict | null;
  explanation: RichDoc | null;
  explanationText: string;
  tags: string[];
  version: number;
  createdBy: UserRef | null;
  createdAt: string;
  updatedAt: string;
  assignee: UserRef | null;
  approvedBy: UserRef | null;
  approvedAt: string | null;
  /** Set only for admins looking at a deleted claim. */
  deletedAt: string | null;
  deletedBy: UserRef | null;
  /** What approval still needs (empty when ready): { verdict, explanation, sources }. */
  approvalMissing: FieldErrors;
  /** Set by a send-back and cleared by the next submit: what the reviewer asked to change. */
  changesRequested: ChangesRequested | null;
  /** The workspace's "a second person must approve" setting. */
  secondApproverRequired: boolean;
  /** Who last set the verdict, its explanation, or submitted it (lib/claims/verdict-authors.ts): with the setting on, not its approver. */
  verdictAuthors: UserRef[];
  /** The oldest MENTIONS_PAGE mentions; `mentionsNextCursor` continues (GET …/claims/{id}/mentions?cursor=). */
  mentions: MentionView[];
  mentionsNextCursor: string | null;
  /** Live mentions (highlight not deleted) in all, and the articles they are in, however many `mentions` holds. */
  mentionCount: number;
  mentionArticleCount: number;
  sources: SourceView[];
  sourcesByStance: Record<Stance, SourceView[]>;
  relations: RelationView[];
  /** Newest first, the newest 50; includes the history of claims merged into this one. */
  events: ClaimEventView[];
  /** Where the history goes on after `events` (GET …/claims/{id}/history?cursor=), or null when that was all of it. */
  eventsNextCursor: string | null;
  /** Oldest first; deleted comments are left out. */
  comments: CommentView[];
  /** Claims merged into this one (their URLs redirect here). */
  mergedFrom: { id: string; statement: string; language: string | null; mergedAt: string | null }[];
}

/** getClaim's answer for a claim merged into another. */
export interface ClaimRedirect {
  redirectTo: string;
}

export interface ClaimListItem {
  id: string;
  statement: string;
  /** As ClaimDetail.language. */
  language: string | null;
  claimant: string | null;
  claimDate: string | null;
  reviewState: ReviewState;
  verdict: Verdict | null;
  /** Sent back and not yet resubmitted: the reviewer's reason. */
  changesRequested: { reason: string; at: string } | null;
  tags: string[];
  assignee: UserRef | null;
  mentionCount: number;
  articleCount: number;
  sourceCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ClaimPage {
  items: ClaimListItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Pass back as `cursor` for the page before (the list's Previous page); null on the first page. Not in API v1's pages. */
  prevCursor: string | null;
}

/** One field changed since the version a stale request was based on. */
export interface ClaimChange {
  field: EditableField | "reviewState" | "verdict" | "mentions" | "sources" | "relations" | "deleted";
  /** The current value (counts for mentions/sources/relations). */
  value: unknown;
  by: UserRef | null;
  at: string;
}

/** Extra members of the 409 problem body for a stale version. */
export interface StaleClaimProblem {
  currentVersion: number;
  changes: ClaimChange[];
}

export interface BulkResult {
  updated: string[];
  skipped: { id: string; reason: string }[];
}
