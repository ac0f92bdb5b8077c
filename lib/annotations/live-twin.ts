import type { Prisma } from "@/lib/db/client";
import { conflict, said } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

/**
 * The live highlight on exactly these words of the article's current text, if
 * any. Every row's start/end refer to the current text (an edit that changes
 * the text re-anchors all of them, writing those that move; `anchoredRevision`
 * stays behind on the others, so it is not compared). Callers
 * hold the article's row lock (SELECT … FOR UPDATE), which every write of an
 * article's highlights takes first: two identical requests at once are
 * serialised there, and the second one's check (a new statement, so a new
 * snapshot under READ COMMITTED) sees the first one's row. A unique index
 * could not do this job: re-anchoring after an edit may legitimately bring two
 * highlights onto the same words (a fuzzy match next to an exact one).
 */
export async function findLiveTwin(tx: Tx, articleId: string, span: { start: number; end: number }, exceptId?: string) {
  return tx.annotation.findFirst({
    where: { articleId, start: span.start, end: span.end, deletedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
}

/**
 * A highlight's words as imports compare them with the live highlights of an article (the annotation import,
 * the bundle import's already-here): its span, or, for an orphan (no span), its quote with its context.
 */
export function wordsKey(start: number | null, end: number | null, quote: { exact: string; prefix: string; suffix: string }): string {
  return start === null || end === null ? `orphan:${quote.exact}\u0000${quote.prefix}\u0000${quote.suffix}` : `${start}:${end}`;
}

/** 409 naming the highlight already on these words (`existingAnnotationId`), so clients can select it instead. */
export function duplicateSpan(existingId: string) {
  return conflict(
    said("highlight_duplicate", `These exact words are already highlighted (highlight ${existingId}); select that one instead of adding a copy.`),
    { start: said("highlight_duplicate", "Already highlighted.") },
    { existingAnnotationId: existingId },
  );
}
