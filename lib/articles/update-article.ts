import { z } from "zod";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { idFactory } from "@/lib/bundle-import/ids";
import { recordChanges, type ChangeInput } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { conflict, invalid, notFound, said } from "@/lib/errors";
import { calendarDateSchema } from "./dates";
import { canonicalText, contentHash, type DocNode } from "./document";
import { articleMetadataSchema, type ArticleMetadata } from "./metadata";
import { movePageStarts } from "./page-starts";
import { applyReanchoring, planReanchoring, type ReanchorPlan } from "./reanchor";
import { docSchema } from "./doc-schema";
import { REVISION_MAX } from "./get-article";
import { assertStorableArticle } from "./storable";

/**
 * Where a page imported by URL came from, as far as people may correct it: its
 * canonical address and the day it was last updated. The address it was
 * imported from (originalUrl) is a record of the import and stays as it is.
 * A field left out stays as it is; blank or null clears it.
 */
export const articleSourceSchema = z.object({
  canonicalUrl: articleMetadataSchema.shape.url,
  modifiedAt: calendarDateSchema.nullish(),
});
export type ArticleSourcePatch = z.output<typeof articleSourceSchema>;

export const articleEditSchema = z.object({
  /** The revision the editor started from: saving over someone else's newer edit is refused. */
  baseRevision: z.number().int().min(1).max(REVISION_MAX),
  doc: docSchema,
  metadata: articleMetadataSchema,
  source: articleSourceSchema.optional(),
});

/**
 * Saves an edit as a new revision and re-anchors every highlight to the new
 * text, in one transaction: readers never see a revision whose highlights
 * still point into the old text. The highlights are read and matched before
 * it (planReanchoring), so the article's row lock is held only for the writes.
 */
export async function updateArticle(access: Access, articleId: string, input: { baseRevision: number; doc: DocNode; metadata: ArticleMetadata; source?: ArticleSourcePatch }) {
  assertCan(access, "article.edit");
  const doc = input.doc;
  assertStorableArticle(doc, input.metadata);
  const text = canonicalText(doc);
  if (!text.trim()) throw invalid(said("article_empty", "The article can't be empty."), { doc: said("article_empty", "The article can't be empty.") });
  const hash = contentHash(text);
  const plan = await planFor(access.workspace.id, articleId, input.baseRevision, hash, text);
  const docJson = JSON.stringify(doc);
  return db.$transaction(async (tx) => {
    const [article] = await tx.$queryRaw<{ id: string; revision: number; contentHash: string; pageStarts: number[] }[]>`
      SELECT id, revision, "contentHash", "pageStarts" FROM "Article" WHERE id = ${articleId} AND "workspaceId" = ${access.workspace.id} FOR UPDATE`;
    if (!article) throw notFound("Article not found");
    if (article.revision !== input.baseRevision) {
      throw conflict("Someone saved a newer version while you were editing. Reload to see it, then make your change again.");
    }
    const textChanged = hash !== article.contentHash;
    if (textChanged) {
      const twin = await tx.article.findFirst({ where: { workspaceId: access.workspace.id, contentHash: hash, id: { not: articleId } }, select: { title: true } });
      if (twin) throw conflict(said("article_same_text", `Another article in this workspace, “${twin.title}”, has exactly this text.`, { title: twin.title }), {
          doc: said("article_same_text", "Same text as another article.", { title: twin.title }),
        });
    }
    const source = Object.fromEntries(Object.entries(input.source ?? {}).filter(([, v]) => v !== undefined)) as ArticleSourcePatch;
    if (source.canonicalUrl) {
      // One article per canonical address (a unique index): say which one has it rather than fail on the index.
      const holder = await tx.article.findFirst({ where: { workspaceId: access.workspace.id, canonicalUrl: source.canonicalUrl, id: { not: articleId } }, select: { title: true } });
      if (holder) throw conflict(`Another article in this workspace, “${holder.title}”, has this canonical address.`, { canonicalUrl: said("article_canonical_taken", "Another article has this canonical address.") });
    }
    const before = await tx.article.findUniqueOrThrow({
      where: { id: articleId },
      select: { title: true, publisher: true, author: true, url: true, publishedAt: true, language: true, tags: true, canonicalUrl: true, modifiedAt: true },
    });
    const { canonicalUrl: beforeCanonical, modifiedAt: beforeModified, ...beforeMetadata } = before;
    const fields = changedFields(beforeMetadata, input.metadata);
    const sourceBefore: Record<string, unknown> = { canonicalUrl: beforeCanonical, modifiedAt: beforeModified };
    fields.push(...Object.entries(source).filter(([k, v]) => !same(dayOf(sourceBefore[k]), dayOf(v))).map(([k]) => k));
    if (textChanged) fields.push("text");
    const revision = article.revision + 1;
    // The plan was made against this revision's text (checked above), unless the text is unchanged after all.
    const applied = textChanged ? (plan ?? (await planReanchoring(articleId, text))) : null;
    const { moves, ...reanchored } = applied ? await applyReanchoring(tx, applied, articleId, text, revision) : { count: 0, orphaned: 0, moves: [] };
    // JSON written as text: Prisma's JSON input walks every node of a 5 MB document and of a 10,000-entry record first.
    await tx.$executeRaw`
      INSERT INTO "ArticleRevision" ("id", "articleId", "number", "title", "doc", "text", "contentHash", "createdById", "reanchored")
      VALUES (${idFactory()()}, ${articleId}, ${revision}, ${input.metadata.title}, ${docJson}::jsonb, ${text}, ${hash}, ${access.userId}, ${moves.length ? JSON.stringify(moves) : null}::jsonb)`;
    let pageStarts = article.pageStarts ?? [];
    // The plan holds this revision's text already: no second read of up to 5 MB inside the lock.
    if (applied && pageStarts.length) pageStarts = movePageStarts(applied.oldText, text, pageStarts);
    await tx.article.update({
      where: { id: articleId },
      data: { ...input.metadata, ...source, text, contentHash: hash, revision, pageStarts },
    });
    // As JSON text: Prisma's JSON input walks every node of the document first (seconds of event loop for 100,000 paragraphs).
    await tx.$executeRaw`UPDATE "Article" SET "doc" = ${docJson}::jsonb WHERE "id" = ${articleId}`;
    const subject = { workspaceId: access.workspace.id, actorId: access.userId, articleId };
    const changes: ChangeInput[] = [{ ...subject, kind: "article.edited", data: { title: input.metadata.title, revision, fields } }];
    if (reanchored.count) changes.push({ ...subject, kind: "annotation.reanchored", data: { ...reanchored, revision } });
    await recordChanges(tx, changes);
    return { revision, reanchored: reanchored.count };
  }, TX_OPTIONS).catch((err: unknown) => {
    // Two edits giving two articles one canonical address at once: the unique index lets one through.
    if ((err as { code?: string }).code === "P2002") throw conflict("Another article in this workspace has this canonical address.", { canonicalUrl: said("article_canonical_taken", "Another article has this canonical address.") });
    throw err;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const dayOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

/** The metadata fields an edit changes (dates compared as days, which is all they hold). */
function changedFields(before: Record<keyof ArticleMetadata, unknown>, after: ArticleMetadata): string[] {
  return (Object.keys(before) as (keyof ArticleMetadata)[]).filter((k) => !same(dayOf(before[k]), dayOf(after[k])));
}

/** A 5 MB document written twice, and every highlight re-anchored, can take longer than Prisma's default 5 s on a busy server. */
const TX_OPTIONS = { timeout: 30_000 };

/**
 * The re-anchoring planned outside the transaction, when the edit changes the
 * text of the revision it was based on; null when there is nothing to plan
 * (the text is the same, or the revision is stale and the transaction will say so).
 */
async function planFor(workspaceId: string, articleId: string, baseRevision: number, hash: string, text: string): Promise<ReanchorPlan | null> {
  const current = await db.article.findFirst({ where: { id: articleId, workspaceId }, select: { revision: true, contentHash: true } });
  if (!current || current.revision !== baseRevision || current.contentHash === hash) return null;
  return planReanchoring(articleId, text);
}
