import type { z } from "zod";
import { CONTEXT_LENGTH } from "@/lib/anchoring/selectors";
import { splitsSurrogatePair } from "@/lib/anchoring/unicode";
import { newAnnotationSchema } from "@/lib/annotations/create-annotation";
import { articleMetadataSchema, importedMetadataLine as line } from "@/lib/articles/metadata";
import { plainText, type RichDoc } from "@/lib/claims/rich-text";
import { addRelationSchema, addSourceSchema, commentSchema, createClaimSchema, setVerdictSchema } from "@/lib/claims/schemas";
import { newUserSchema } from "@/lib/users/create-user";
import { emailSchema } from "@/lib/users/email";
import { languageVerdictLabelsSchema, verdictLabelsSchema } from "@/lib/workspaces/update-settings";
import { issueCode } from "@/lib/http/error-codes";
import { coded, type AddIssue } from "./issue";
import type { Bundle, BundleAnnotation, BundleArticle, BundlePerson } from "./schema";

/**
 * What the app's own forms and API refuse, refused in a bundle too: an import
 * must not store what no one could have entered (a `javascript:` link, an
 * explanation that isn't a rich-text document, an approved claim without a
 * verdict, a quote that isn't the text at its position, text past the API's
 * lengths). Each field is checked with the very schema the API uses for it,
 * so the two can't drift; values are only checked, never rewritten, so a
 * valid bundle imports exactly as exported.
 */

/** A stored quote is never longer than an article's text can be (lib/articles/doc-schema.ts). */
export const MAX_QUOTE = 1_000_000;
/** Event data is written by the app (a few fields, texts within the limits above): anything larger is not an export. */
export const MAX_EVENT_DATA = 100_000;

type Add = AddIssue;

/** Runs `schema` on `value`, reporting each issue under `path` with its code (the API's own for that field). */
function check(add: Add, path: string, schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) for (const issue of parsed.error.issues) add([path, ...issue.path.map(String)].join("."), issue.message, issueCode(issue));
}

const claimFields = createClaimSchema.shape;
const sourceFields = addSourceSchema.shape;

/** PostgreSQL text can't hold NUL: found anywhere, named by path, instead of a failed insert. */
export function noNul(add: Add, value: unknown, path: string) {
  if (typeof value === "string") {
    if (value.includes("\u0000")) add(path || "(root)", "Remove the NUL character (\\u0000): it can't be stored.", coded("unstorable_text"));
  } else if (Array.isArray(value)) value.forEach((v, i) => noNul(add, v, path ? `${path}.${i}` : String(i)));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) noNul(add, v, path ? `${path}.${k}` : k);
}

/**
 * The rules per entity, so a streamed bundle is checked one entity at a time
 * (checker.ts) with exactly the rules a whole one gets (checkApiRules).
 */
export const apiRules = {
  header(b: Pick<Bundle, "workspace" | "tags">, add: Add) {
    check(add, "workspace.verdictLabels", languageVerdictLabelsSchema, b.workspace.verdictLabels);
    if (b.workspace.verdictLabelsByLocale !== undefined) check(add, "workspace.verdictLabelsByLocale", verdictLabelsSchema, b.workspace.verdictLabelsByLocale);
    // The claims' tags, each under a claim tag's rules (the list itself may be longer than one claim's).
    b.tags.forEach((t, i) => {
      const parsed = claimFields.tags.safeParse([t]);
      if (!parsed.success) add(`tags.${i}`, parsed.error.issues[0].message, issueCode(parsed.error.issues[0]));
    });
  },
  people(p: BundlePerson, i: number, add: Add) {
    check(add, `people.${i}.name`, newUserSchema.shape.name, p.name);
    check(add, `people.${i}.email`, emailSchema, p.email);
  },
  articles(a: BundleArticle, i: number, add: Add) {
    const p = `articles.${i}`;
    // Titles, publishers, authors and tags are checked as apply.ts writes them: on one line (a bundle from before the
    // one-line rule, or from another tool, comes in with its line breaks collapsed rather than refused).
    check(add, p, articleMetadataSchema, { title: line(a.title), publisher: line(a.publisher), author: line(a.author), url: a.url, publishedAt: a.publishedAt, language: a.language, tags: a.tags.map(line) });
    a.revisions?.forEach((r, j) => check(add, `${p}.revisions.${j}.title`, articleMetadataSchema.shape.title, line(r.title)));
  },
  /** `article`: the annotation's article, when the bundle holds it (its revision, text and revisions' texts). */
  annotations(a: BundleAnnotation, i: number, article: { revision: number; text: string; revisions?: { number: number; text: string }[] } | undefined, add: Add) {
    const p = `annotations.${i}`;
    if (a.note !== null) check(add, `${p}.note`, newAnnotationSchema.shape.note, a.note);
    const quoteAt = a.selectors.findIndex((s) => s.type === "TextQuoteSelector");
    const quote = a.selectors[quoteAt] as { exact: string; prefix: string; suffix: string };
    if (quote.exact.length > MAX_QUOTE) add(`${p}.selectors.${quoteAt}.exact`, `Keep the quote under ${MAX_QUOTE.toLocaleString("en")} characters.`, { code: "too_long", limit: MAX_QUOTE });
    for (const key of ["prefix", "suffix"] as const) {
      if (quote[key].length > CONTEXT_LENGTH) add(`${p}.selectors.${quoteAt}.${key}`, `The ${key} holds at most ${CONTEXT_LENGTH} characters.`, { code: "too_long", limit: CONTEXT_LENGTH });
    }
    const position = a.selectors.find((s) => s.type === "TextPositionSelector");
    if (!position || !article || position.end <= position.start) return;
    // The text the position counts in: the revision it was anchored to when the bundle holds it, else the
    // article's. An edit of the text writes the new revision on every highlight it moves, so an older
    // anchoredRevision means the highlight's words have stayed where they were: the text there is the same.
    const text = (a.anchoredRevision === article.revision ? undefined : article.revisions?.find((r) => r.number === a.anchoredRevision)?.text) ?? article.text;
    if (position.end > text.length) return;
    if (splitsSurrogatePair(text, position.start) || splitsSurrogatePair(text, position.end)) add(`${p}.selectors`, "The position splits a character (a surrogate pair).", coded("bundle_position_splits"));
    // Exact and moved highlights hold their quote at their position; only a fuzzy one may differ.
    else if ((a.status === "exact" || a.status === "moved") && text.slice(position.start, position.end) !== quote.exact) {
      add(`${p}.selectors.${quoteAt}.exact`, `The quote is not the text at its position (${a.status} highlights quote exactly what they mark).`, coded("bundle_quote_mismatch", { status: a.status }));
    }
  },
  claims(c: Bundle["claims"][number], i: number, add: Add) {
    const p = `claims.${i}`;
    check(add, `${p}.statement`, claimFields.statement, c.statement);
    if (c.claimant !== null) check(add, `${p}.claimant`, claimFields.claimant, c.claimant);
    check(add, `${p}.tags`, claimFields.tags, c.tags);
    check(add, `${p}.explanation`, setVerdictSchema.shape.explanation, c.explanation);
    const explained = setVerdictSchema.shape.explanation.safeParse(c.explanation);
    if (explained.success && c.explanationText !== (explained.data ? plainText(explained.data as RichDoc) : "")) {
      add(`${p}.explanationText`, "The explanation's text is not the plain text of its document.", coded("bundle_explanation_text"));
    }
    if (c.reviewState === "approved" && c.verdict === null) add(`${p}.verdict`, "An approved claim needs a verdict.", coded("bundle_approved_no_verdict"));
    if (c.reviewState === "approved" && c.approvedAt === null) add(`${p}.approvedAt`, "An approved claim needs its approval date.", coded("bundle_approved_no_date"));
  },
  sources(s: Bundle["sources"][number], i: number, add: Add) {
    const p = `sources.${i}`;
    check(add, `${p}.url`, sourceFields.url, s.url);
    check(add, `${p}.title`, sourceFields.title, s.title);
    check(add, `${p}.publisher`, sourceFields.publisher, s.publisher);
    check(add, `${p}.note`, sourceFields.note, s.note);
  },
  relations(r: Bundle["relations"][number], i: number, add: Add) {
    check(add, `relations.${i}.note`, addRelationSchema.shape.note, r.note);
  },
  events(e: Bundle["events"][number], i: number, add: Add) {
    if (JSON.stringify(e.data).length > MAX_EVENT_DATA) add(`events.${i}.data`, `Keep an event's data under ${MAX_EVENT_DATA.toLocaleString("en")} characters.`, { code: "too_long", limit: MAX_EVENT_DATA });
  },
  comments(c: Bundle["comments"][number], i: number, add: Add) {
    const p = `comments.${i}`;
    check(add, `${p}.body`, commentSchema.shape.body, c.body);
    const body = commentSchema.shape.body.safeParse(c.body);
    if (body.success && c.bodyText !== plainText(body.data as RichDoc)) add(`${p}.bodyText`, "The comment's text is not the plain text of its body.", coded("bundle_comment_text"));
  },
};

/** Every rule over a whole bundle (the same functions the streamed check runs per entity). */
export function checkApiRules(b: Bundle, add: Add): void {
  noNul(add, b, "");
  apiRules.header(b, add);
  b.people.forEach((p, i) => apiRules.people(p, i, add));
  const articles = new Map(b.articles.map((a) => [a.id, a]));
  b.articles.forEach((a, i) => apiRules.articles(a, i, add));
  b.annotations.forEach((a, i) => apiRules.annotations(a, i, articles.get(a.articleId), add));
  b.claims.forEach((c, i) => apiRules.claims(c, i, add));
  b.sources.forEach((s, i) => apiRules.sources(s, i, add));
  b.relations.forEach((r, i) => apiRules.relations(r, i, add));
  b.events.forEach((e, i) => apiRules.events(e, i, add));
  b.comments.forEach((c, i) => apiRules.comments(c, i, add));
}
