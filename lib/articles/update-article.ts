import { z } from "zod";
import { anchorAll } from "@/lib/anchoring";
import { idFactory } from "@/lib/bundle-import/ids";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChanges, type ChangeInput } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { conflict, invalid, notFound } from "@/lib/errors";
import { calendarDateSchema } from "./dates";
import { canonicalText, contentHash, type DocNode } from "./document";
import { articleMetadataSchema, type ArticleMetadata } from "./metadata";
import { movePageStarts } from "./page-starts";
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
 * still point into the old text.
 */
export async function updateArticle(access: Access, articleId: string, input: { baseRevision: number; doc: DocNode; metadata: ArticleMetadata; source?: ArticleSourcePatch }) {
  assertCan(access, "article.edit");
  const doc = input.doc;
  assertStorableArticle(doc, input.metadata);
  const text = canonicalText(doc);
  if (!text.trim()) throw invalid("The article can't be empty.", { doc: "The article can't be empty." });
  const hash = contentHash(text);
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
      if (twin) throw conflict(`Another article in this workspace, “${twin.title}”, has exactly this text.`, { doc: "Same text as another article." });
    }
    const source = Object.fromEntries(Object.entries(input.source ?? {}).filter(([, v]) => v !== undefined)) as ArticleSourcePatch;
    if (source.canonicalUrl) {
      // One article per canonical address (a unique index): say which one has it rather than fail on the index.
      const holder = await tx.article.findFirst({ where: { workspaceId: access.workspace.id, canonicalUrl: source.canonicalUrl, id: { not: articleId } }, select: { title: true } });
      if (holder) throw conflict(`Another article in this workspace, “${holder.title}”, has this canonical address.`, { canonicalUrl: "Another article has this canonical address." });
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
    await tx.articleRevision.create({
      data: { articleId, number: revision, title: input.metadata.title, doc: doc as object, text, contentHash: hash, createdById: access.userId },
    });
    let reanchored = { count: 0, orphaned: 0 };
    let pageStarts = article.pageStarts ?? [];
    if (textChanged) {
      reanchored = await reanchorAnnotations(tx, access.userId, articleId, text, revision);
      if (pageStarts.length) {
        const old = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { text: true } });
        pageStarts = movePageStarts(old.text, text, pageStarts);
      }
    }
    await tx.article.update({
      where: { id: articleId },
      data: { ...input.metadata, ...source, doc: doc as object, text, contentHash: hash, revision, pageStarts },
    });
    const subject = { workspaceId: access.workspace.id, actorId: access.userId, articleId };
    const changes: ChangeInput[] = [{ ...subject, kind: "article.edited", data: { title: input.metadata.title, revision, fields } }];
    if (reanchored.count) changes.push({ ...subject, kind: "annotation.reanchored", data: { ...reanchored, revision } });
    await recordChanges(tx, changes);
    return { revision, reanchored: reanchored.count };
  }, TX_OPTIONS).catch((err: unknown) => {
    // Two edits giving two articles one canonical address at once: the unique index lets one through.
    if ((err as { code?: string }).code === "P2002") throw conflict("Another article in this workspace has this canonical address.", { canonicalUrl: "Another article has this canonical address." });
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

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Re-anchors every highlight of the article to its new text in two set-based
 * statements: one UPDATE … FROM unnest() writing every highlight's revision
 * and span, and one INSERT … SELECT of a "reanchored" event per changed span
 * with its JSON built in SQL. (Issue 11: a statement per highlight, then
 * Prisma's createMany of JSON events, made a 10,000-highlight edit take 20-40 s
 * inside the article's row lock.) The rows read here are all of the article's:
 * creating a highlight locks the article row too, so none can appear meanwhile.
 */
async function reanchorAnnotations(tx: Tx, actorId: string, articleId: string, text: string, revision: number): Promise<{ count: number; orphaned: number }> {
  const rows = await tx.annotation.findMany({
    where: { articleId },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, status: true },
  });
  if (rows.length === 0) return { count: 0, orphaned: 0 };
  const anchors = anchorAll(
    text,
    rows.map((r) => ({ quote: { exact: r.exact, prefix: r.prefix, suffix: r.suffix }, position: r.start !== null && r.end !== null ? { start: r.start, end: r.end } : undefined })),
  );
  const all = { ids: rows.map((r) => r.id), starts: anchors.map((a) => a.start ?? null), ends: anchors.map((a) => a.end ?? null), statuses: anchors.map((a) => a.status as string) };
  const nextId = idFactory();
  const changed = { eventIds: [] as string[], ids: [] as string[], fromStarts: [] as (number | null)[], fromEnds: [] as (number | null)[], fromStatuses: [] as string[], errors: [] as (number | null)[] };
  rows.forEach((row, i) => {
    const next = anchors[i];
    if (row.start === all.starts[i] && row.end === all.ends[i] && row.status === next.status) return;
    changed.eventIds.push(nextId());
    changed.ids.push(row.id);
    changed.fromStarts.push(row.start);
    changed.fromEnds.push(row.end);
    changed.fromStatuses.push(row.status);
    changed.errors.push(next.errors ?? null);
  });
  await tx.$executeRaw`
    UPDATE "Annotation" AS a
    SET "start" = m."start", "end" = m."end", "status" = m."status"::"AnchorStatus", "anchoredRevision" = ${revision}, "updatedAt" = now()
    FROM unnest(${all.ids}::text[], ${all.starts}::int[], ${all.ends}::int[], ${all.statuses}::text[]) AS m("id", "start", "end", "status")
    WHERE a."id" = m."id"`;
  if (changed.ids.length === 0) return { count: 0, orphaned: 0 };
  const orphaned = rows.filter((row, i) => anchors[i].status === "orphaned" && row.status !== "orphaned").length;
  // The event's data has the shape the history views read: { revision, from: {start, end, status}, to: {start, end, status, errors} }.
  await tx.$executeRaw`
    INSERT INTO "AnnotationEvent" ("id", "annotationId", "actorId", "kind", "data", "createdAt")
    SELECT c."eventId", c."id", ${actorId}, 'reanchored'::"AnnotationEventKind",
      jsonb_build_object(
        'revision', ${revision}::int,
        'from', jsonb_build_object('start', c."fromStart", 'end', c."fromEnd", 'status', c."fromStatus"),
        'to', jsonb_build_object('start', a."start", 'end', a."end", 'status', a."status", 'errors', c."errors")),
      now()
    FROM unnest(${changed.eventIds}::text[], ${changed.ids}::text[], ${changed.fromStarts}::int[], ${changed.fromEnds}::int[], ${changed.fromStatuses}::text[], ${changed.errors}::int[])
      AS c("eventId", "id", "fromStart", "fromEnd", "fromStatus", "errors")
    JOIN "Annotation" AS a ON a."id" = c."id"`;
  return { count: changed.ids.length, orphaned };
}
