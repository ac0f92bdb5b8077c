import { z } from "zod";
import { docSchema } from "@/lib/articles/doc-schema";
import { issueCode } from "@/lib/http/error-codes";
import { MAX_PDF_PAGES } from "@/lib/articles/page-starts";
import { CLAIM_EVENT_KINDS } from "@/lib/claims/claim-dto";
import { RELATION_TYPES, REVIEW_STATES, SOURCE_KINDS, STANCES } from "@/lib/claims/review-states";
import { VERDICTS } from "@/lib/claims/verdicts";

/**
 * The Claimtrail bundle as the importer accepts it: the shape
 * lib/export/formats/bundle.ts writes (format "claimtrail-bundle", version 1).
 * Unknown keys are refused inside entities, so a typo never loses data
 * silently; the header may carry more (filters are informative only).
 */
const id = z.string().min(1).max(200);
// PostgreSQL has no year 0: refused here rather than failing the insert.
const iso = z.iso.datetime({ offset: true }).refine((s) => !s.startsWith("0000"), { message: "Use a date from year 1 on.", params: { code: "bundle_year_zero" } });
const isoOrNull = iso.nullable();
const userId = id.nullable();
const json = z.json();

/** A tiptap document the app accepts (lib/articles/doc-schema.ts), kept exactly as given: checked, never stripped. */
const doc = z.json().superRefine((value, ctx) => {
  const checked = docSchema.safeParse(value);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      // Re-raised as custom issues: with the code each had, so the dry run still says it in the reader's language.
      const { code, limit, params } = issueCode(issue);
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path, params: { ...params, code, ...(limit !== undefined ? { limit } : {}) } });
    }
  }
});

const selector = z.discriminatedUnion("type", [
  z.object({ type: z.literal("TextPositionSelector"), start: z.number().int().min(0), end: z.number().int().min(0) }).strict(),
  z.object({ type: z.literal("TextQuoteSelector"), exact: z.string().min(1), prefix: z.string(), suffix: z.string() }).strict(),
]);

const revision = z
  .object({ number: z.number().int().min(1), title: z.string().min(1), contentHash: z.string(), createdById: userId, createdAt: iso, doc, text: z.string() })
  .strict();

const article = z
  .object({
    id,
    title: z.string().min(1),
    publisher: z.string().nullable(),
    author: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: isoOrNull,
    language: z.string().nullable(),
    tags: z.array(z.string()),
    /** PDFs: where each page starts in `text` (checker.ts checks them against it); absent in bundles from before it was carried. */
    pageStarts: z.array(z.number().int().min(0)).max(MAX_PDF_PAGES).optional(),
    contentHash: z.string(),
    revision: z.number().int().min(1),
    createdById: userId,
    createdAt: iso,
    updatedAt: iso,
    doc,
    text: z.string().min(1),
    revisions: z.array(revision).min(1).optional(),
  })
  .strict();

const annotation = z
  .object({
    id,
    articleId: id,
    claimId: id.nullable(),
    selectors: z
      .array(selector)
      .min(1)
      .max(2)
      .refine((s) => s.filter((x) => x.type === "TextQuoteSelector").length === 1, { message: "Exactly one TextQuoteSelector.", params: { code: "bundle_one_quote_selector" } })
      .refine((s) => s.filter((x) => x.type === "TextPositionSelector").length <= 1, { message: "At most one TextPositionSelector.", params: { code: "bundle_one_position_selector" } }),
    status: z.enum(["exact", "moved", "fuzzy", "orphaned"]),
    anchoredRevision: z.number().int().min(1),
    note: z.string().nullable(),
    createdById: userId,
    createdAt: iso,
    updatedAt: iso,
  })
  .strict();

const claim = z
  .object({
    id,
    statement: z.string().min(1),
    claimant: z.string().nullable(),
    claimDate: isoOrNull,
    reviewState: z.enum(REVIEW_STATES),
    verdict: z.enum(VERDICTS).nullable(),
    explanation: json,
    explanationText: z.string(),
    tags: z.array(z.string()),
    assigneeId: userId,
    createdById: userId,
    approvedById: userId,
    approvedAt: isoOrNull,
    version: z.number().int().min(1),
    createdAt: iso,
    updatedAt: iso,
  })
  .strict();

const source = z
  .object({
    id,
    claimId: id,
    url: z.string().nullable(),
    title: z.string().min(1),
    publisher: z.string().nullable(),
    publishedAt: isoOrNull,
    accessedAt: isoOrNull,
    kind: z.enum(SOURCE_KINDS),
    stance: z.enum(STANCES),
    note: z.string().nullable(),
    createdById: userId,
    createdAt: iso,
  })
  .strict();

const relation = z.object({ id, fromId: id, toId: id, type: z.enum(RELATION_TYPES), note: z.string().nullable(), createdById: userId, createdAt: iso }).strict();

const event = z.object({ id, claimId: id, kind: z.enum(CLAIM_EVENT_KINDS), data: z.record(z.string(), json), actorId: userId, createdAt: iso }).strict();

const comment = z.object({ id, claimId: id, authorId: userId, body: json, bodyText: z.string(), createdAt: iso, updatedAt: iso }).strict();

const person = z.object({ id, name: z.string(), email: z.string().min(3) }).strict();

const person_ = person;

/** Each section's entity schema, for checking a streamed bundle one entity at a time. */
export const ENTITY_SCHEMAS = { articles: article, annotations: annotation, claims: claim, sources: source, relations: relation, events: event, comments: comment, people: person_ } as const;
export type SectionName = keyof typeof ENTITY_SCHEMAS;
export const SECTIONS = Object.keys(ENTITY_SCHEMAS) as SectionName[];

export const bundleSchema = z.object({
  format: z.literal("claimtrail-bundle", { error: 'Not a Claimtrail bundle: "format" must be "claimtrail-bundle".' }),
  version: z.literal(1, { error: "Only version 1 bundles can be imported." }),
  exportedAt: iso,
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string(), createdAt: iso, verdictLabels: z.record(z.string(), z.string()), verdictLabelsByLocale: z.record(z.string(), z.record(z.string(), z.string())).optional() }).loose(),
  filters: z.record(z.string(), z.unknown()),
  articles: z.array(article),
  annotations: z.array(annotation),
  claims: z.array(claim),
  sources: z.array(source),
  relations: z.array(relation),
  events: z.array(event),
  comments: z.array(comment),
  tags: z.array(z.string()),
  people: z.array(person),
});

export type Bundle = z.output<typeof bundleSchema>;
export type BundleArticle = Bundle["articles"][number];
export type BundleAnnotation = Bundle["annotations"][number];
export type BundleEvent = Bundle["events"][number];
export type BundlePerson = Bundle["people"][number];

/** The sections with entities, in the order they are applied. */
export const ENTITY_KINDS = ["articles", "revisions", "annotations", "claims", "sources", "relations", "events", "comments"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
