import { z } from "zod";
import { anchor } from "@/lib/anchoring";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { REVISION_MAX } from "@/lib/articles/get-article";
import { conflict, notFound, unprocessable } from "@/lib/errors";
import { assertRevisionReached, createAnnotation, OFFSET_MAX } from "./create-annotation";

/**
 * Highlighting a passage from outside the reader (API, scripts): by W3C
 * selectors, by offsets, or by a quote placed in the current text. The
 * reader selects offsets itself and calls createAnnotation directly.
 */
// Strict like the body: a misspelt `strat` inside a selector is named, not taken as a selector without it.
const positionSelector = z.strictObject({ type: z.literal("TextPositionSelector"), start: z.int().min(0).max(OFFSET_MAX), end: z.int().min(0).max(OFFSET_MAX) });
const quoteSelector = z.strictObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(1000).optional(),
  suffix: z.string().max(1000).optional(),
});

export const highlightSchema = z
  // Strict: a misspelt `revison` would otherwise highlight against whatever the text is now (black-box s38, F7).
  .strictObject({
    /** W3C Web Annotation selectors: a position, a quote, or both (the quote then wins where they disagree). */
    selectors: z.array(z.discriminatedUnion("type", [positionSelector, quoteSelector], { error: "Use TextPositionSelector or TextQuoteSelector." })).min(1).max(2).optional(),
    start: z.int().min(0).max(OFFSET_MAX).optional().meta({ description: "Offset (UTF-16 code units) into the article's canonical text." }),
    end: z.int().min(0).max(OFFSET_MAX).optional(),
    exact: z.string().min(1).max(20_000).optional().meta({ description: "The quoted text; placed with prefix/suffix to tell repeats apart." }),
    prefix: z.string().max(1000).optional(),
    suffix: z.string().max(1000).optional(),
    /** The article revision offsets were taken from; a stale one is 409. Defaults to the current one. */
    revision: z.int().min(1).max(REVISION_MAX).optional().meta({ description: "The article version (revision) the offsets refer to; a stale one is 409. Defaults to the current one." }),
    note: z.string().trim().max(5000, "Keep the note under 5,000 characters.").optional(),
  })
  .refine((v) => v.selectors !== undefined || (v.start !== undefined && v.end !== undefined) || v.exact !== undefined, {
    message: "Give selectors, {start, end} or {exact, prefix, suffix}.",
    params: { code: "highlight_target" },
    path: ["selectors"],
  })
  // A reversed span is the request's own error, named as the cookie route names it (black-box s34, L4: v1 answered 422).
  .refine((v) => v.start === undefined || v.end === undefined || v.end >= v.start, { message: "The end comes before the start.", path: ["end"], params: { code: "selection_reversed" } });

export type HighlightInput = z.output<typeof highlightSchema>;

/** A quote that can't be found exactly, or offsets outside the text, are 422; a stale `revision` is 409. */
export async function highlightPassage(access: Access, articleId: string, input: HighlightInput) {
  assertCan(access, "annotation.create");
  const article = await db.article.findFirst({ where: { id: articleId, workspaceId: access.workspace.id }, select: { text: true, revision: true } });
  if (!article) throw notFound("Article not found");
  assertRevisionReached(input.revision, article.revision);
  if (input.revision !== undefined && input.revision !== article.revision) {
    throw conflict(`The article was edited since revision ${input.revision}; it is now at ${article.revision}.`, {}, { currentVersion: article.revision });
  }
  const position =
    input.selectors?.find((s) => s.type === "TextPositionSelector") ?? (input.start !== undefined && input.end !== undefined ? { start: input.start, end: input.end } : undefined);
  const quote = input.selectors?.find((s) => s.type === "TextQuoteSelector") ?? (input.exact !== undefined ? { exact: input.exact, prefix: input.prefix, suffix: input.suffix } : undefined);
  let span: { start: number; end: number };
  if (quote) {
    const found = anchor(article.text, { quote, position });
    if (found.status === "orphaned" || found.status === "fuzzy") {
      throw unprocessable("The quote can't be found in the article's current text.", { exact: "Not in the article." });
    }
    span = { start: found.start, end: found.end };
  } else {
    span = position!;
    if (span.end <= span.start || span.end > article.text.length) {
      throw unprocessable(`The span must lie inside the article's text (0–${article.text.length}) and not be empty.`, { end: "Outside the article or empty." });
    }
  }
  if (!article.text.slice(span.start, span.end).trim()) throw unprocessable("The span is only whitespace.", { start: "Only whitespace." });
  // createAnnotation re-reads the article under a row lock: an edit in between is a 409, never a misplaced highlight.
  return createAnnotation(access, articleId, { ...span, revision: article.revision, note: input.note });
}
