import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { CLAIM_EVENT_KINDS } from "@/lib/claims/claim-dto";
import { RELATION_TYPES, REVIEW_STATES, SOURCE_KINDS, STANCES } from "@/lib/claims/review-states";
import { VERDICTS } from "@/lib/claims/verdicts";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * Response shapes of /api/v1. They are documentation (the OpenAPI document is
 * generated from them) and a contract: the integration tests validate every
 * response against the generated document. Named schemas become components.
 */

const dateTime = z.iso.datetime({ offset: true });
const nullableDateTime = dateTime.nullable();
const userRef = z.object({ id: z.string(), name: z.string() }).meta({ id: "UserRef" });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    /** A stable machine code for the problem (lib/http/error-codes.ts), e.g. invalid_fields, not_found, stale_version. */
    code: z.string().optional(),
    /** Each offending field and what is wrong with it. */
    errors: z.record(z.string(), z.string()).optional(),
    /** Beside `errors`: each field's machine code (required, too_long, invalid_url, …) and the limit it broke, if any. */
    fieldCodes: z
      .record(z.string(), z.object({ code: z.string(), limit: z.number().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }))
      .optional(),
    /** The values a specific `code` names (a term, a host, a number of seconds), for saying it in another language. */
    codeParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** On a stale change (409): the current version. */
    currentVersion: z.int().optional(),
    /** On a stale claim change (409): each field changed since. */
    changes: z.array(z.looseObject({ field: z.string() })).optional(),
    mergedIntoId: z.string().optional(),
    /** On a duplicate highlight (409): the live annotation already on exactly these words. */
    existingAnnotationId: z.string().optional(),
    limit: z.int().optional(),
    /** On a page that could not be imported by URL (422): why, e.g. not-found, refused-address, timeout. */
    kind: z.string().optional(),
  })
  .catchall(z.unknown())
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export const workspaceSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    /** The role this token acts with (its owner's current role). */
    role: z.enum(ROLES),
    createdAt: dateTime,
    verdictLabels: z
      .partialRecord(z.enum(LOCALES), z.partialRecord(z.enum(VERDICTS), z.string()))
      .meta({
        id: "VerdictLabels",
        description:
          "The workspace's own names for verdicts per UI language, only those it renamed, e.g. {\"ru\": {\"mostly-false\": \"Манипуляция\"}}. A verdict without a label in a language shows the built-in name in that language (never another language's label).",
      }),
  })
  .meta({ id: "Workspace" });

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .meta({ id });

export const articleSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    author: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: nullableDateTime,
    language: z.string().nullable(),
    tags: z.array(z.string()),
    canonicalUrl: z.string().nullable().meta({ description: "Pages imported by URL: the page's own canonical address (one article per canonical address in a workspace)." }),
    originalUrl: z.string().nullable().meta({ description: "Pages imported by URL: the address given, before redirects." }),
    modifiedAt: nullableDateTime.meta({ description: "Pages imported by URL: when the page says it was last updated (the day)." }),
    /** The current revision; send it back as the version of an update. */
    version: z.int(),
    annotationCount: z.int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "ArticleSummary" });

export const articleSchema = articleSummarySchema
  .omit({ annotationCount: true })
  .extend({
    /** Canonical text: annotation offsets (UTF-16 code units) refer to it. */
    text: z.string(),
    pageStarts: z.array(z.int()).meta({ description: "PDFs: the offset in `text` where each page starts (the first is page 1); empty for other articles and for earlier revisions." }),
    /** The body as a tiptap (ProseMirror) JSON document. */
    doc: z.looseObject({ type: z.literal("doc") }),
    /** The revision shown (the current one unless ?revision= asked for another). */
    shownRevision: z.int(),
    createdBy: z.object({ name: z.string() }).nullable(),
    revisions: z.array(z.object({ number: z.int(), title: z.string(), createdAt: dateTime, createdBy: z.object({ name: z.string() }).nullable() })),
  })
  .meta({ id: "Article" });

export const importResultSchema = z
  .object({
    status: z.enum(["created", "duplicate"]).meta({ description: "duplicate: the same text was already in the workspace; nothing was stored." }),
    article: z.object({ id: z.string(), title: z.string() }),
  })
  .meta({ id: "ImportResult" });

export const articleUpdateResultSchema = z
  .object({ id: z.string(), version: z.int(), reanchored: z.int().meta({ description: "Highlights whose position or status changed." }) })
  .meta({ id: "ArticleUpdateResult" });

export const annotationSchema = z
  .object({
    id: z.string(),
    articleId: z.string(),
    start: z.int().nullable(),
    end: z.int().nullable(),
    status: z.enum(["exact", "moved", "fuzzy", "orphaned"]),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    note: z.string().nullable(),
    originalCreator: z.string().nullable().meta({ description: "Imported annotations: who made it in the other tool." }),
    importedFrom: z.string().nullable().meta({ description: "Imported annotations: the tool (Hypothesis, Label Studio, doccano, W3C Web Annotation)." }),
    tags: z.array(z.string()).meta({ description: "Labels an imported annotation carried." }),
    createdAt: dateTime,
    createdBy: userRef.nullable(),
    deletedAt: nullableDateTime,
    deletedBy: userRef.nullable(),
    claim: z.object({ id: z.string(), statement: z.string(), verdict: z.string().nullable(), reviewState: z.string() }).nullable(),
    /** The same span as W3C Web Annotation selectors (position is absent when orphaned). */
    selectors: z.array(
      z.union([
        z.object({ type: z.literal("TextPositionSelector"), start: z.int(), end: z.int() }),
        z.object({ type: z.literal("TextQuoteSelector"), exact: z.string(), prefix: z.string(), suffix: z.string() }),
      ]),
    ),
  })
  .meta({ id: "Annotation" });

const verdict = z.enum(VERDICTS);
/** Added in the multilingual UI (issue 14); additive: older clients ignore it. */
export const statementLanguage = z
  .string()
  .nullable()
  .meta({ description: "The statement's language as detected when it was written (BCP 47: \"en\", \"ru\", \"uk\", …), or null when it was too short to tell. Readers use it to mark the text's language (e.g. HTML `lang`)." });
const reviewState = z.enum(REVIEW_STATES);
const richDoc = z.looseObject({ type: z.literal("doc") });

export const mentionSchema = z
  .object({
    annotationId: z.string(),
    article: z.object({ id: z.string(), title: z.string(), publishedAt: nullableDateTime, url: z.string().nullable(), language: z.string().nullable().meta({ description: "The article's language (BCP 47), or null when unknown: the title and the quote are in it." }) }),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    before: z.string(),
    after: z.string(),
    contextCut: z
      .object({ before: z.boolean(), after: z.boolean() })
      .meta({ description: "Whether the article's text goes on beyond `before` and `after` (where a reader shows an ellipsis); for an orphaned mention, whether the stored prefix and suffix are non-empty." }),
    status: z.enum(["exact", "moved", "fuzzy", "orphaned"]),
    start: z.int().nullable(),
    end: z.int().nullable(),
    page: z.int().nullable().meta({ description: "PDFs: the page the mention starts on; null for other articles and for orphans." }),
    deleted: z.boolean(),
    createdAt: dateTime,
  })
  .meta({ id: "Mention" });

export const sourceSchema = z
  .object({
    id: z.string(),
    url: z.string().nullable(),
    title: z.string(),
    publisher: z.string().nullable(),
    publishedAt: nullableDateTime,
    accessedAt: nullableDateTime,
    kind: z.enum(SOURCE_KINDS),
    stance: z.enum(STANCES),
    note: z.string().nullable(),
    createdBy: userRef.nullable(),
    createdAt: dateTime,
  })
  .meta({ id: "Source" });

export const relationSchema = z
  .object({
    id: z.string(),
    type: z.enum(RELATION_TYPES),
    direction: z.enum(["outgoing", "incoming"]),
    wording: z.string(),
    other: z.object({ id: z.string(), statement: z.string(), language: statementLanguage, reviewState, verdict: verdict.nullable() }),
    note: z.string().nullable(),
    createdBy: userRef.nullable(),
    createdAt: dateTime,
  })
  .meta({ id: "Relation" });

export const eventSchema = z
  .object({
    id: z.string(),
    claimId: z.string(),
    kind: z.enum(CLAIM_EVENT_KINDS),
    data: z.record(z.string(), z.unknown()),
    actor: userRef.nullable(),
    createdAt: dateTime,
  })
  .meta({ id: "Event" });

/** What a claim and its list entry share. */
const claimCore = {
  id: z.string(),
  statement: z.string(),
  language: statementLanguage,
  claimant: z.string().nullable(),
  claimDate: nullableDateTime,
  reviewState,
  verdict: verdict.nullable(),
  /** Sent back by a reviewer and not yet resubmitted (the claim is unreviewed): the reason given; null otherwise. */
  changesRequested: z.object({ reason: z.string(), at: dateTime }).nullable(),
  tags: z.array(z.string()),
  assignee: userRef.nullable(),
  /** Send it back (If-Match or `version`) with any change. */
  version: z.int(),
  createdAt: dateTime,
  updatedAt: dateTime,
  deletedAt: nullableDateTime,
};

export const claimSchema = z
  .object({
    ...claimCore,
    explanation: richDoc.nullable(),
    explanationText: z.string(),
    createdBy: userRef.nullable(),
    approvedBy: userRef.nullable(),
    approvedAt: nullableDateTime,
    deletedBy: userRef.nullable(),
    /** What approval still needs (empty when ready). */
    approvalMissing: z.record(z.string(), z.string()),
    /** The workspace's "a second person must approve" setting, and whom it excludes: who last set the verdict, its explanation, or submitted the claim. */
    secondApproverRequired: z.boolean(),
    verdictAuthors: z.array(userRef),
    mentions: z.array(mentionSchema).meta({ description: "The oldest 20 mentions; `mentionsNextCursor` continues at GET …/claims/{claimId}/mentions." }),
    mentionsNextCursor: z.string().nullable().meta({ description: "The cursor for the rest of the mentions (GET …/claims/{claimId}/mentions?cursor=), or null." }),
    mentionCount: z.int().meta({ description: "Live mentions in all (their highlight not deleted)." }),
    mentionArticleCount: z.int().meta({ description: "The articles the live mentions are in." }),
    sources: z.array(sourceSchema),
    sourcesByStance: z.object({ supports: z.array(sourceSchema), refutes: z.array(sourceSchema), context: z.array(sourceSchema) }),
    relations: z.array(relationSchema),
    events: z.array(eventSchema).meta({ description: "The newest 50 events, newest first (with those of claims merged into this one)." }),
    eventsNextCursor: z.string().nullable().meta({ description: "The cursor for the rest of the history (GET …/claims/{claimId}/history), or null." }),
    comments: z.array(
      z.object({ id: z.string(), body: richDoc, bodyText: z.string(), author: userRef.nullable(), createdAt: dateTime, updatedAt: dateTime, edited: z.boolean() }),
    ),
    mergedFrom: z.array(z.object({ id: z.string(), statement: z.string(), language: statementLanguage, mergedAt: nullableDateTime })),
  })
  .meta({ id: "Claim" });

export const claimSummarySchema = z
  .object({
    ...claimCore,
    mentionCount: z.int(),
    articleCount: z.int(),
    sourceCount: z.int(),
  })
  .meta({ id: "ClaimSummary" });

export const deletedClaimSchema = z.object({ id: z.string(), version: z.int(), deletedAt: dateTime }).meta({ id: "DeletedClaim" });

export const mergedRedirectSchema = z
  .object({ mergedIntoId: z.string().meta({ description: "The claim this one was merged into; Location points to it." }) })
  .meta({ id: "MergedClaim" });

/** One change of the workspace feed (lib/changes), as listChanges and the stream send it. */
export const changeSchema = z
  .object({
    seq: z.int().min(1),
    kind: z.string(),
    actorId: z.string().nullable(),
    claimId: z.string().nullable(),
    articleId: z.string().nullable(),
    subjectId: z.string().nullable(),
    /** The articles the change touches (a claim's change: every article it is mentioned in). */
    articleIds: z.array(z.string()),
    data: z.record(z.string(), z.unknown()),
    createdAt: dateTime,
  })
  .meta({ id: "Change" });

export const changePageSchema = z
  .object({
    changes: z.array(changeSchema),
    seq: z.int().min(0),
    more: z.boolean(),
  })
  .meta({ id: "ChangePage" });
