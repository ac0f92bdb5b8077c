import { z } from "zod";

/**
 * Every kind of change the workspace feed records, one schema each. The
 * stored `data` is checked against its kind's schema when written
 * (recordChange) and when read (parseChange), so a reader never meets a shape
 * it doesn't know. Add a kind here, never an ad-hoc JSON blob elsewhere.
 *
 * Subjects (`claimId`, `articleId`, `subjectId`) live in columns beside
 * `data`, not in it: they are what streams and filters select by.
 */

/** How an article came in (article.created's `via`). */
export const ARTICLE_VIAS = ["paste", "file", "url", "pdf", "docx", "bundle", "annotations", "api", "cli", "demo"] as const;
export type ArticleVia = (typeof ARTICLE_VIAS)[number];

const userRef = z.object({ id: z.string(), name: z.string() }).strict();
const note = z.string().max(20_000).nullable();
const reviewState = z.string();
const verdict = z.string().nullable();
/** A person in `claim.edited` (assignee); the id is null for someone a bundle import found no account for. */
const personValue = z.object({ id: z.string().nullable(), name: z.string() });
/** Field values in `claim.edited`: strings, ISO dates, string arrays, people, or nothing. */
const fieldValue = z.union([z.string(), z.array(z.string()), personValue, z.null()]);

/** The claim's version after the change (every change that bumps it says so; stale-version answers read it). */
const claimVersion = z.number().int().optional();
/** Set on history imported from a bundle whose actor has no account here: who it was. */
const originalActor = z.object({ name: z.string(), email: z.string() }).optional();
/** What every claim change may carry besides its own fields. */
const common = { version: claimVersion, originalActor };
/** Set on changes made by a bulk action of the claims list. */
const bulk = z.literal(true).optional();
/** Set on what an annotation import made: the importer's format and the claim's key in the file. */
const imported = { importedFrom: z.string().optional(), importedId: z.string().optional() };
const mention = z.object({ annotationId: z.string(), articleId: z.string(), exact: z.string(), ...common, ...imported });
const source = z.object({
  sourceId: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  stance: z.string().nullable(),
  publisher: z.string().nullable().optional(),
  kind: z.string().nullable().optional(),
  note: note.optional(),
  ...common,
});
const relation = z.object({
  relationId: z.string(),
  type: z.string(),
  direction: z.enum(["outgoing", "incoming"]),
  otherId: z.string(),
  otherStatement: z.string(),
  note,
  ...common,
});

const claimData = {
  "claim.created": z.object({ statement: z.string(), annotationId: z.string().nullable(), articleId: z.string().nullable(), ...common, ...imported }),
  "claim.edited": z.object({
    field: z.enum(["statement", "claimant", "claimDate", "tags", "assignee", "explanation"]),
    from: fieldValue,
    to: fieldValue,
    /** An explanation edited without a verdict change carries the note given with it. */
    note: note.optional(),
    bulk,
    ...common,
  }),
  "claim.mention-added": mention,
  "claim.mention-removed": mention,
  /** `commentId`: the comment a send-back wrote with its reason. */
  "claim.review-state": z.object({ from: reviewState, to: reviewState, note, commentId: z.string().optional(), bulk, ...common }),
  "claim.verdict": z.object({ from: verdict, to: verdict, note, ...common }),
  "claim.source-added": source,
  "claim.source-removed": source,
  "claim.source-edited": z.object({
    sourceId: z.string(),
    title: z.string(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
    ...common,
  }),
  "claim.relation-added": relation,
  "claim.relation-removed": relation,
  /** `claimId` is the claim kept; `from` the one merged into it (also `subjectId`). */
  "claim.merged": z.object({
    from: z.string(),
    fromStatement: z.string(),
    fromClaimant: z.string().nullable().optional(),
    fromReviewState: reviewState,
    fromVerdict: verdict,
    fromExplanation: z.string().optional(),
    mentions: z.number().int(),
    sources: z.number().int(),
    relations: z.number().int(),
    /** Relations of the merged claim that couldn't move (duplicates of the survivor's, or onto itself). */
    relationsDropped: z.array(
      z.object({ relationId: z.string(), type: z.string(), fromId: z.string(), toId: z.string(), note, reason: z.enum(["self", "duplicate"]) }),
    ),
    tagsAdded: z.array(z.string()),
    comments: z.number().int(),
    ...common,
  }),
  "claim.deleted": z.object({ mentionIds: z.array(z.string()), ...common }),
  "claim.restored": z.object({ reattached: z.array(z.string()), notReattached: z.array(z.string()), ...common }),
  /** `subjectId` is the comment; `mentioned` the members @mentioned in it. */
  "comment.created": z.object({ commentId: z.string(), mentioned: z.array(z.string()), originalActor }),
  /** `newlyMentioned`: the members this edit @mentions who the comment didn't before (they are told); absent on changes recorded before it existed. */
  "comment.edited": z.object({ commentId: z.string(), mentioned: z.array(z.string()), newlyMentioned: z.array(z.string()).optional() }),
  "comment.deleted": z.object({ commentId: z.string() }),
};

const articleData = {
  /** `via`: the import path; "annotations" is an annotation file (lib/annotation-import) that brought its own article. */
  "article.created": z.object({ title: z.string(), via: z.enum(ARTICLE_VIAS) }),
  /** `fields`: the metadata fields that changed, and "text" when the body did. */
  "article.edited": z.object({ title: z.string(), revision: z.number().int(), fields: z.array(z.string()) }),
  "article.deleted": z.object({ title: z.string() }),
  /** `subjectId` is the annotation (highlight). */
  "annotation.created": z.object({ annotationId: z.string(), exact: z.string(), claimId: z.string().nullable() }),
  "annotation.deleted": z.object({ annotationId: z.string(), exact: z.string() }),
  "annotation.restored": z.object({ annotationId: z.string(), exact: z.string() }),
  /** One per edit that moved highlights: `count` highlights changed span or status, `orphaned` of them lost their words. */
  "annotation.reanchored": z.object({ count: z.number().int(), orphaned: z.number().int(), revision: z.number().int() }),
};

const teamData = {
  /** `subjectId` is the member's user id. */
  "member.joined": z.object({ user: userRef, role: z.string(), via: z.enum(["invite", "created", "cli", "demo"]) }),
  "member.role-changed": z.object({ user: userRef, from: z.string(), to: z.string() }),
  "member.removed": z.object({ user: userRef, role: z.string() }),
  /** `subjectId` is the invite. */
  "invite.created": z.object({ role: z.string(), expiresAt: z.string() }),
  "invite.accepted": z.object({ role: z.string(), user: userRef, invitedById: z.string() }),
  "invite.revoked": z.object({ role: z.string() }),
  /** `subjectId` is the token. */
  "token.created": z.object({ name: z.string(), prefix: z.string(), owner: userRef }),
  "token.revoked": z.object({ name: z.string(), prefix: z.string(), owner: userRef }),
  "settings.changed": z.object({ changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })) }),
  "export.created": z.object({ format: z.string(), filters: z.record(z.string(), z.unknown()), rows: z.number().int().nullable() }),
  /** `kind`: "bundle" (a Claimtrail export) or the annotation tool's id (lib/annotation-import). */
  "import.completed": z.object({
    kind: z.string(),
    articles: z.number().int(),
    claims: z.number().int(),
    annotations: z.number().int(),
  }),
  /** `secret-rotated`: a new signing secret replaced the old one (neither is recorded). */
  "webhook.changed": z.object({ action: z.enum(["created", "edited", "deleted", "secret-rotated"]), url: z.string(), kinds: z.array(z.string()) }),
  /** `subjectId` is the webhook; an admin queued a delivery again. */
  "webhook.resent": z.object({ url: z.string(), deliveryId: z.string(), changeKind: z.string() }),
  /** `subjectId` is the pair (for `proposal-rejected`, the proposal); `proposalId`: the proposal an accepted pair came from. */
  "glossary.changed": z.object({
    action: z.enum(["created", "edited", "deleted", "proposal-rejected"]),
    language: z.string(),
    term: z.string(),
    english: z.string(),
    from: z.object({ language: z.string(), term: z.string(), english: z.string() }).optional(),
    proposalId: z.string().optional(),
  }),
  /** `subjectId` is the alias; `names`: its names (for `deleted`, the names it had). */
  "alias.changed": z.object({ action: z.enum(["confirmed", "dismissed", "deleted"]), names: z.array(z.string()) }),
};

export const CHANGE_DATA = { ...claimData, ...articleData, ...teamData } as const;

export type ChangeKind = keyof typeof CHANGE_DATA;
export const CHANGE_KINDS = Object.keys(CHANGE_DATA) as ChangeKind[];
export type ChangeData<K extends ChangeKind> = z.infer<(typeof CHANGE_DATA)[K]>;

/** What a writer gives recordChange: a kind, its data and the subjects it is about. */
export type ChangeInput = {
  [K in ChangeKind]: {
    kind: K;
    data: ChangeData<K>;
    workspaceId: string;
    /** Null for changes made by the system (migrations, the demo seed). */
    actorId: string | null;
    claimId?: string | null;
    articleId?: string | null;
    subjectId?: string | null;
  };
}[ChangeKind];

/** A committed change as readers see it. */
export type Change = {
  [K in ChangeKind]: {
    seq: number;
    kind: K;
    data: ChangeData<K>;
    workspaceId: string;
    actorId: string | null;
    claimId: string | null;
    articleId: string | null;
    subjectId: string | null;
    createdAt: Date;
  };
}[ChangeKind];

export function isChangeKind(kind: string): kind is ChangeKind {
  return Object.hasOwn(CHANGE_DATA, kind);
}

/** The kind's area, for filters: "claim", "comment", "article", "annotation", "member", … */
export function changeArea(kind: ChangeKind): string {
  return kind.slice(0, kind.indexOf("."));
}
