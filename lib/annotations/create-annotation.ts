import { z } from "zod";
import { describeSpan } from "@/lib/anchoring";
import { splitsSurrogatePair } from "@/lib/anchoring/unicode";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes";
import { db, type Prisma } from "@/lib/db/client";
import { REVISION_MAX } from "@/lib/articles/get-article";
import { conflict, invalid, notFound, said } from "@/lib/errors";
import { annotationSelect, toView } from "./annotation-dto";
import { duplicateSpan, findLiveTwin } from "./live-twin";
import { trimSpan } from "./span";

/** The offsets' column range: past it, "At most 2147483647." names the field's own bound, not JavaScript's. */
export const OFFSET_MAX = 2_147_483_647;

export const newAnnotationSchema = z.strictObject({
  start: z.number({ error: "Give the start offset." }).int().min(0).max(OFFSET_MAX),
  end: z.number({ error: "Give the end offset." }).int().min(0).max(OFFSET_MAX),
  /** The revision the offsets were taken from: a stale page must not mark the wrong words. */
  revision: z.number({ error: "Give the article revision." }).int().min(1).max(REVISION_MAX),
  note: z.string().trim().max(5000, "Keep the note under 5,000 characters.").optional(),
})
  // A span given backwards was taken the right way round (10–50 for start 50, end 10): a client's mistake, named.
  .refine((v) => v.end >= v.start, { message: "The end comes before the start.", path: ["end"], params: { code: "selection_reversed" } });

export type NewAnnotation = z.infer<typeof newAnnotationSchema>;

/** A revision the article hasn't reached is the client's mistake (400 naming `revision`), not an edit it missed (409). */
export function assertRevisionReached(given: number | undefined, current: number): void {
  if (given === undefined || given <= current) return;
  const message = said("article_revision_ahead", "The article has no such revision yet: give the revision you read.");
  throw invalid(message, { revision: message });
}

export async function createAnnotation(access: Access, articleId: string, input: NewAnnotation) {
  assertCan(access, "annotation.create");
  return db.$transaction((tx) => createAnnotationIn(tx, access, articleId, input));
}

/** Inside a caller's transaction (mark-as-claim makes the highlight and its claim in one). */
export async function createAnnotationIn(tx: Prisma.TransactionClient, access: Access, articleId: string, input: NewAnnotation) {
  assertCan(access, "annotation.create");
  // Locking the article row serialises this with edits (a highlight is placed in the revision it names).
  const [article] = await tx.$queryRaw<{ id: string; text: string; revision: number }[]>`
    SELECT id, text, revision FROM "Article" WHERE id = ${articleId} AND "workspaceId" = ${access.workspace.id} FOR UPDATE`;
  if (!article) throw notFound("Article not found");
  assertRevisionReached(input.revision, article.revision);
  if (article.revision !== input.revision) {
    throw conflict(said("article_edited_since", "The article was edited since you opened it. Reload to see the new version, then select again."));
  }
  if (input.end > article.text.length || input.start > article.text.length) {
    throw invalid(said("selection_outside", "The selection is outside the article."), { start: said("selection_outside", "Outside the article.") });
  }
  // Offsets count UTF-16 code units: one inside an emoji (or any character beyond U+FFFF) would cut it in half.
  for (const field of ["start", "end"] as const) {
    if (splitsSurrogatePair(article.text, input[field])) {
      throw invalid(said("selection_splits_char", "The selection cuts a character in half."), {
        [field]: said("selection_splits_char", "Falls inside a character (between the two halves of a surrogate pair)."),
      });
    }
  }
  const span = trimSpan(article.text, input.start, input.end);
  if (!span) throw invalid(said("selection_empty", "Select some text first."), { start: said("selection_empty", "The selection is empty.") });
  // Never a second identical highlight: the article lock above makes this check race-free (see live-twin.ts).
  const twin = await findLiveTwin(tx, articleId, span);
  if (twin) throw duplicateSpan(twin.id);
  const { quote } = describeSpan(article.text, span.start, span.end);
  const row = await tx.annotation.create({
    data: {
      workspaceId: access.workspace.id,
      articleId,
      createdById: access.userId,
      note: input.note || null,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: span.start,
      end: span.end,
      status: "exact",
      anchoredRevision: article.revision,
      events: { create: { actorId: access.userId, kind: "created", data: { start: span.start, end: span.end } } },
    },
    select: annotationSelect,
  });
  await recordChange(tx, {
    kind: "annotation.created",
    workspaceId: access.workspace.id,
    actorId: access.userId,
    articleId,
    subjectId: row.id,
    data: { annotationId: row.id, exact: row.exact, claimId: null },
  });
  return toView(row);
}
