import { z } from "zod";
import { cursorField, decodeBase64UrlJson } from "@/lib/validation/cursor";
import { calendarDate, isCalendarDate } from "@/lib/validation/date";
import { ID_PATTERN, isId } from "@/lib/validation/id";
import { PG_INT_MAX, queryInt } from "@/lib/validation/numbers";
import { hasNoDirectionControl, hasVisibleText, isOneLine, text, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/text";
import { RELATION_TYPES, REVIEW_FILTER_STATES, SOURCE_KINDS, STANCES } from "./review-states";
import { nonEmptyRichTextSchema, richTextSchema } from "./rich-text";
import { VERDICTS } from "./verdicts";

/**
 * Request shapes for the claims API, shared by the routes and the UI's forms.
 * Client-safe: nothing here touches the database.
 */

const id = (what: string) =>
  text(undefined, `Give the ${what}.`)
    .trim()
    .min(1, `Give the ${what}.`)
    .regex(ID_PATTERN, `Give a valid id for the ${what}.`);
/** A user id (assignee), "me" or "none" in filters: the same characters as ids. */
const userRef = () => text().trim().min(1).regex(ID_PATTERN, "Give a valid user id.");

/** The claim version the change was based on; a stale one is refused with 409. */
// Missing, or sent wrongly ("1", 1.5, 1e300, -1): each said as what it is (black-box s34, L4: all four had read as missing).
export const versionField = z
  .int({ error: (issue) => (issue.input === undefined ? "Send the claim version you based this change on." : "The claim's version is a whole number: send the version you read with the claim.") })
  .min(1, "That is not a version of this claim.")
  .max(PG_INT_MAX, "That is not a version of this claim.");
export const versionSchema = z.object({ version: versionField });

/** "2024-05-01" or a full ISO timestamp with its offset: a real date in years 1–9999 (lib/validation/date). */
const dateField = calendarDate();

// Line ends as one LF: a page shows CR, CRLF and LF alike (HTML reads them so), and the CSV cell and the API then
// hold what the claim page shows; a bare CR in a cell is also what spreadsheet importers trip over (black-box, session 31).
const statementField = text()
  .overwrite((s) => s.replace(/\r\n?/g, "\n"))
  .trim()
  .min(1, "Write the claim's statement.")
  .max(2000, "Keep the statement under 2,000 characters.")
  .refine(hasVisibleText, { message: "Write the claim's statement.", params: { code: "required" } })
  .refine(hasNoDirectionControl, {
    message: "Remove the invisible direction controls (U+202A–U+202E, U+2066–U+2069): they show the statement differently from what is stored, searched and exported.",
    params: { code: "direction_control" },
  });
// A claimant is a name (the claimants filter and the alias registry read it as one): one line, no direction controls (X23).
const claimantField = text().trim().max(300, "Keep the claimant under 300 characters.").refine(isOneLine, { message: "Write it on one line, without tabs, control or invisible direction characters.", params: { code: "one_line" } });
const noteField = text().trim().max(5000, "Keep the note under 5,000 characters.");
const tagsField = z
  .array(text().trim().min(1, "Tags can't be empty.").max(50, "Keep tags under 50 characters.").refine(hasVisibleText, { message: "Tags can't be empty.", params: { code: "required" } }))
  .max(30, "At most 30 tags.")
  // One spelling per tag on a claim: "Health" and "health" are one tag (matching ignores case), the first kept.
  .transform((tags) => [...new Map(tags.map((t) => [t.toLowerCase(), t] as const).reverse()).values()].reverse());

/*
 * Claim writes are strict objects: a field a write doesn't take is refused, named ("reviewState": not allowed),
 * not ignored. A PATCH with {"reviewState": "approved"} answered 200 with the claim still unreviewed, so a script
 * believed it had approved it (black-box, session 32); review and verdict have their own requests.
 */
export const createClaimSchema = z.strictObject({
  annotationId: id("highlight to make a claim of"),
  /** Defaults to the highlighted text. */
  statement: statementField.optional(),
  claimant: claimantField.optional(),
  claimDate: dateField.optional(),
  tags: tagsField.optional(),
});
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const updateClaimSchema = z
  .strictObject({
    version: versionField,
    statement: statementField.optional(),
    /** null or "" clears it. */
    claimant: claimantField.nullable().optional(),
    claimDate: dateField.nullable().optional(),
    tags: tagsField.optional(),
    /** A workspace member's user id, or null to unassign. */
    assigneeId: userRef().nullable().optional(),
  })
  .refine((v) => ["statement", "claimant", "claimDate", "tags", "assigneeId"].some((k) => k in v), { message: "Change at least one field.", params: { code: "nothing_changed" } });
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

export const mentionSchema = z.strictObject({ annotationId: id("highlight"), version: versionField });

export const reviewActionSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.literal("submit"), version: versionField, note: noteField.optional() }),
    z.strictObject({ action: z.literal("approve"), version: versionField, note: noteField.optional() }),
    z.strictObject({
      action: z.literal("send-back"),
      version: versionField,
      note: text(undefined, "Say what needs to change before sending it back.").trim().min(1, "Say what needs to change before sending it back.").max(5000),
    }),
    z.strictObject({ action: z.literal("reopen"), version: versionField, note: noteField.optional() }),
  ],
  { error: "Choose an action: submit, approve, send-back or reopen." },
);
export type ReviewActionInput = z.infer<typeof reviewActionSchema>;

export const setVerdictSchema = z.strictObject({
  verdict: z.enum(VERDICTS, { error: `Choose a verdict: ${VERDICTS.join(", ")}, or null.` }).nullable(),
  /** Omitted: unchanged; null: cleared. */
  explanation: richTextSchema.nullable().optional(),
  note: noteField.optional(),
  version: versionField,
});
export type SetVerdictInput = z.infer<typeof setVerdictSchema>;

const urlField = text()
  .trim()
  .max(2000)
  .refine((s) => /^https?:\/\/\S+$/i.test(s), { message: "Use an http or https address.", params: { code: "invalid_url" } });

export const addSourceSchema = z.strictObject({
  version: versionField,
  url: urlField.nullable().optional(),
  title: text().trim().min(1, "Give the source a title.").max(500, "Keep the title under 500 characters."),
  publisher: text().trim().max(300).nullable().optional(),
  publishedAt: dateField.nullable().optional(),
  accessedAt: dateField.nullable().optional(),
  kind: z.enum(SOURCE_KINDS, { error: `Choose a kind: ${SOURCE_KINDS.join(", ")}.` }),
  stance: z.enum(STANCES, { error: `Choose a stance: ${STANCES.join(", ")}.` }),
  note: noteField.nullable().optional(),
});
export type AddSourceInput = z.infer<typeof addSourceSchema>;

/** The source fields an edit may change: those named are set (null or "" clears the optional ones), the rest stay. */
export const SOURCE_EDIT_FIELDS = ["url", "title", "publisher", "publishedAt", "accessedAt", "kind", "stance", "note"] as const;
export const editSourceSchema = addSourceSchema
  .partial()
  .extend({ version: versionField })
  .refine((v) => SOURCE_EDIT_FIELDS.some((k) => k in v), { message: "Change at least one field of the source.", params: { code: "nothing_changed" } });
export type EditSourceInput = z.infer<typeof editSourceSchema>;

export const addRelationSchema = z.strictObject({
  version: versionField,
  /** The other claim: this claim <type> that one. */
  toId: id("other claim"),
  type: z.enum(RELATION_TYPES, { error: `Choose a relation: ${RELATION_TYPES.join(", ")}.` }),
  note: noteField.nullable().optional(),
});
export type AddRelationInput = z.infer<typeof addRelationSchema>;

export const mergeClaimsSchema = z.strictObject({
  /** The claim merged into this one; it stops existing on its own. */
  from: id("claim to merge in"),
  version: versionField,
});
export type MergeClaimsInput = z.infer<typeof mergeClaimsSchema>;

export const commentSchema = z.strictObject({ body: nonEmptyRichTextSchema });
export type CommentInput = z.infer<typeof commentSchema>;

const claimIds = z.array(id("claim")).min(1, "Choose at least one claim.").max(500, "At most 500 claims at once.");
export const bulkSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.literal("assign"), claimIds, assigneeId: userRef().nullable() }),
    z.strictObject({ action: z.literal("submit"), claimIds }),
  ],
  { error: "Choose an action: assign or submit." },
);
export type BulkInput = z.infer<typeof bulkSchema>;

export const CLAIM_SORTS = ["updated", "created", "statement"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/**
 * Filter messages name the filter and the value that was refused, so a hand-edited or stale URL
 * says which part is wrong ("Review state: “foo” is not one of …") on the page and in the API's
 * problem+json alike. The names are the filter form's labels.
 */
export const CLAIM_FILTER_LABELS = {
  reviewState: "Review state",
  verdict: "Verdict",
  tag: "Tag",
  articleId: "Article",
  claimant: "Claimant",
  assignee: "Assignee",
  hasSources: "Sources",
  q: "Search",
  deleted: "Deleted",
  sort: "Sort",
  cursor: "Page",
  limit: "Limit",
} as const;

const quoted = (value: unknown) => `“${typeof value === "string" ? value.slice(0, 60) : JSON.stringify(value)}”`;
const notOneOf = (label: string, value: unknown, values: readonly string[]) => `${label}: ${quoted(value)} is not one of ${values.join(", ")}.`;

/** An array, or a comma-separated string as query parameters carry it; the message names the first value that isn't allowed. */
function list<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  const item = z.enum(values);
  const error = (input: unknown) => {
    const items = Array.isArray(input) ? input : typeof input === "string" ? input.split(",").map((x) => x.trim()) : [input];
    return notOneOf(label, items.find((x) => typeof x !== "string" || !(values as readonly string[]).includes(x)) ?? input, values);
  };
  return z.union(
    [
      z.array(item),
      z
        .string()
        .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
        .pipe(z.array(item)),
    ],
    { error: (issue) => error(issue.input) },
  );
}

/** "true" or "false" in a query string, or a boolean. */
const flag = (label: string) => z.union([z.boolean(), z.enum(["true", "false"]).transform((s) => s === "true")], { error: (issue) => notOneOf(label, issue.input, ["true", "false"]) });

/** Free text in a filter: storable, and at most `max` characters. */
const filterText = (label: string, max: number) =>
  text(`${label}: ${UNSTORABLE_TEXT_MESSAGE}`, `${label}: give it as text.`)
    .trim()
    .min(1, `${label}: give a value, or leave it out.`)
    .max(max, `${label}: keep it under ${max} characters.`)
    // Only control or invisible characters (`q=%01%02%03`, a zero-width space): refused as spaces are (black-box, session 33).
    .refine(hasVisibleText, { message: `${label}: give a value, or leave it out.`, params: { code: "required" } });

/**
 * An id filter's check: the English names the filter and the value (the API's `errors`); the code and the
 * value let the claims page say the same in the reader's language (ui.apiErrors.assigneeFilter, …).
 */
const idFilter = (code: "article_filter" | "assignee_filter", english: (value: string) => string) => (value: string, ctx: z.RefinementCtx) => {
  if (!ID_PATTERN.test(value)) ctx.addIssue({ code: "custom", message: english(value), params: { code, value: value.slice(0, 60) } });
};

/** The list's filters, from query parameters (`?reviewState=unreviewed,in-review&verdict=none&assignee=me`). */
export const claimFiltersSchema = z.object({
  /** Review states, and "changes-requested": unreviewed claims sent back and not yet resubmitted. */
  reviewState: list(REVIEW_FILTER_STATES, CLAIM_FILTER_LABELS.reviewState).optional(),
  /** "none" for claims without a verdict. */
  verdict: list([...VERDICTS, "none"] as const, CLAIM_FILTER_LABELS.verdict).optional(),
  /** One tag, matched case-insensitively ("Health" finds "health"). */
  tag: filterText(CLAIM_FILTER_LABELS.tag, 50).optional(),
  articleId: filterText(CLAIM_FILTER_LABELS.articleId, 100)
    .superRefine(idFilter("article_filter", (v) => `${CLAIM_FILTER_LABELS.articleId}: ${quoted(v)} is not an article id.`))
    .optional(),
  /** Substring of the claimant, case-insensitive. */
  claimant: filterText(CLAIM_FILTER_LABELS.claimant, 300).optional(),
  /** A user id, "me" or "none". */
  assignee: filterText(CLAIM_FILTER_LABELS.assignee, 100)
    .superRefine(idFilter("assignee_filter", (v) => `${CLAIM_FILTER_LABELS.assignee}: ${quoted(v)} is not me, none or a member's id.`))
    .optional(),
  hasSources: flag(CLAIM_FILTER_LABELS.hasSources).optional(),
  /** Substring of the statement, case-insensitive. */
  q: filterText(CLAIM_FILTER_LABELS.q, 300).optional(),
  /** Admins only: list deleted claims instead. */
  deleted: flag(CLAIM_FILTER_LABELS.deleted).optional(),
  sort: z.enum(CLAIM_SORTS, { error: (issue) => notOneOf(CLAIM_FILTER_LABELS.sort, issue.input, CLAIM_SORTS) }).default("updated"),
  cursor: cursorField.optional(),
  limit: queryInt(CLAIM_FILTER_LABELS.limit, 1, 100).default(50),
}).superRefine((f, ctx) => {
  // The list's cursor is [sort, value, id] (lib/claims/list-claims.ts); for the time sorts the value is
  // compared with a timestamp column, so it must be a time PostgreSQL can hold, and the id one of ours.
  if (!f.cursor) return;
  const decoded = decodeBase64UrlJson(f.cursor);
  if (!Array.isArray(decoded)) return;
  const [sort, value, cursorId] = decoded as unknown[];
  const timeSorted = sort === "updated" || sort === "created";
  if ((timeSorted && (typeof value !== "string" || !isCalendarDate(value))) || (typeof cursorId === "string" && !isId(cursorId))) {
    ctx.addIssue({ code: "custom", path: ["cursor"], message: CURSOR_MESSAGE, params: { code: "invalid_cursor" } });
  }
});
export type ClaimFilters = z.input<typeof claimFiltersSchema>;
/** The query parameters the claims list takes; any other is refused, named (a misspelt filter would list every claim). */
export const CLAIM_FILTER_PARAMS: readonly string[] = Object.keys(claimFiltersSchema.shape);

const CURSOR_MESSAGE = `${CLAIM_FILTER_LABELS.cursor}: this link's page cursor is not valid for this list; start from the first page.`;

/**
 * Every filter error with its filter's name in front: most messages carry it already; shared
 * field schemas (the cursor's) don't, so they get it here. Keys stay the query parameters.
 */
export function namedFilterErrors(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, message]) => {
      const param = key.split(".")[0] as keyof typeof CLAIM_FILTER_LABELS;
      // Own keys only: `constructor=1` found Object's constructor here and named the filter "function Object() …".
      const label: string | undefined = Object.hasOwn(CLAIM_FILTER_LABELS, param) ? CLAIM_FILTER_LABELS[param] : undefined;
      if (param === "cursor") return [key, CURSOR_MESSAGE];
      // A parameter the list doesn't take (`reviewstate`) has no label: named as it was written.
      const name = label ?? key;
      return [key, message.startsWith(`${name}:`) ? message : `${name}: ${message}`];
    }),
  );
}
