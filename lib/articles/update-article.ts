import { z } from "zod";
import { anchorAll } from "@/lib/anchoring";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { conflict, invalid, notFound } from "@/lib/errors";
import { canonicalText, contentHash, type DocNode } from "./document";
import { articleMetadataSchema, type ArticleMetadata } from "./metadata";
import { docSchema } from "./doc-schema";
import { REVISION_MAX } from "./get-article";
import { assertStorableArticle } from "./storable";

export const articleEditSchema = z.object({
  /** The revision the editor started from: saving over someone else's newer edit is refused. */
  baseRevision: z.number().int().min(1).max(REVISION_MAX),
  doc: docSchema,
  metadata: articleMetadataSchema,
});

/**
 * Saves an edit as a new revision and re-anchors every highlight to the new
 * text, in one transaction: readers never see a revision whose highlights
 * still point into the old text.
 */
export async function updateArticle(access: Access, articleId: string, input: { baseRevision: number; doc: DocNode; metadata: ArticleMetadata }) {
  assertCan(access, "article.edit");
  const doc = input.doc;
  assertStorableArticle(doc, input.metadata);
  const text = canonicalText(doc);
  if (!text.trim()) throw invalid("The article can't be empty.", { doc: "The article can't be empty." });
  const hash = contentHash(text);
  return db.$transaction(async (tx) => {
    const [article] = await tx.$queryRaw<{ id: string; revision: number; contentHash: string }[]>`
      SELECT id, revision, "contentHash" FROM "Article" WHERE id = ${articleId} AND "workspaceId" = ${access.workspace.id} FOR UPDATE`;
    if (!article) throw notFound("Article not found");
    if (article.revision !== input.baseRevision) {
      throw conflict("Someone saved a newer version while you were editing. Reload to see it, then make your change again.");
    }
    const textChanged = hash !== article.contentHash;
    if (textChanged) {
      const twin = await tx.article.findFirst({ where: { workspaceId: access.workspace.id, contentHash: hash, id: { not: articleId } }, select: { title: true } });
      if (twin) throw conflict(`Another article in this workspace, “${twin.title}”, has exactly this text.`, { doc: "Same text as another article." });
    }
    const revision = article.revision + 1;
    await tx.articleRevision.create({
      data: { articleId, number: revision, title: input.metadata.title, doc: doc as object, text, contentHash: hash, createdById: access.userId },
    });
    let reanchored = 0;
    if (textChanged) reanchored = await reanchorAnnotations(tx, access.userId, articleId, text, revision);
    await tx.article.update({
      where: { id: articleId },
      data: { ...input.metadata, doc: doc as object, text, contentHash: hash, revision, annotationsVersion: { increment: 1 } },
    });
    return { revision, reanchored };
  }, TX_OPTIONS);
}

/** A 5 MB document written twice, and every highlight re-anchored, can take longer than Prisma's default 5 s on a busy server. */
const TX_OPTIONS = { timeout: 30_000 };

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Re-anchors every highlight of the article to its new text. The writes are
 * set-based: one UPDATE for the revision, one UPDATE … FROM unnest() for the
 * spans that moved and one multi-row INSERT of their "reanchored" events, so an
 * edit that shifts 10,000 highlights costs three statements, not 20,000 round
 * trips inside the article's row lock (issue 11: such an edit hit the timeout).
 */
async function reanchorAnnotations(tx: Tx, actorId: string, articleId: string, text: string, revision: number): Promise<number> {
  const rows = await tx.annotation.findMany({
    where: { articleId },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, status: true },
  });
  const anchors = anchorAll(
    text,
    rows.map((r) => ({ quote: { exact: r.exact, prefix: r.prefix, suffix: r.suffix }, position: r.start !== null && r.end !== null ? { start: r.start, end: r.end } : undefined })),
  );
  await tx.annotation.updateMany({ where: { articleId }, data: { anchoredRevision: revision } });
  const moved = { ids: [] as string[], starts: [] as (number | null)[], ends: [] as (number | null)[], statuses: [] as string[] };
  const events: { annotationId: string; actorId: string; kind: "reanchored"; data: object }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const next = anchors[i];
    const start = next.start ?? null;
    const end = next.end ?? null;
    if (row.start === start && row.end === end && row.status === next.status) continue;
    moved.ids.push(row.id);
    moved.starts.push(start);
    moved.ends.push(end);
    moved.statuses.push(next.status);
    events.push({
      annotationId: row.id,
      actorId,
      kind: "reanchored",
      data: { revision, from: { start: row.start, end: row.end, status: row.status }, to: { start, end, status: next.status, errors: next.errors ?? null } },
    });
  }
  if (moved.ids.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE "Annotation" AS a
    SET "start" = m."start", "end" = m."end", "status" = m."status"::"AnchorStatus", "updatedAt" = now()
    FROM unnest(${moved.ids}::text[], ${moved.starts}::int[], ${moved.ends}::int[], ${moved.statuses}::text[]) AS m("id", "start", "end", "status")
    WHERE a."id" = m."id"`;
  await tx.annotationEvent.createMany({ data: events });
  return moved.ids.length;
}
