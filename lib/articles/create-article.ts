import { idFactory } from "@/lib/bundle-import/ids";
import { recordChange, type ArticleVia } from "@/lib/changes";
import { db, type Prisma } from "@/lib/db/client";
import { conflict, said } from "@/lib/errors";
import { canonicalText, contentHash, type DocNode } from "./document";
import type { ArticleMetadata } from "./metadata";
import { assertStorableArticle } from "./storable";

export interface NewArticle {
  workspaceId: string;
  actorId: string | null;
  doc: DocNode;
  metadata: ArticleMetadata;
  /** Where a page imported by URL came from (lib/articles/import-url.ts). */
  source?: ArticleSource;
  /** PDFs: where each page starts in the canonical text. */
  pageStarts?: number[];
  /** The import path, for the change feed; "paste" when not said. The demo's articles are recorded with no actor. */
  via?: ArticleVia;
}

export interface ArticleSource {
  originalUrl: string;
  canonicalUrl: string | null;
  modifiedAt: Date | null;
}

export type CreateArticleResult =
  | { status: "created"; article: { id: string; title: string } }
  | { status: "duplicate"; article: { id: string; title: string } };

function findByHash(client: Prisma.TransactionClient, workspaceId: string, hash: string) {
  return client.article.findUnique({ where: { workspaceId_contentHash: { workspaceId, contentHash: hash } }, select: { id: true, title: true } });
}

/** A page imported before under the same canonical address is the same article, even when its text has changed since. */
export function findByCanonicalUrl(client: Prisma.TransactionClient, workspaceId: string, canonicalUrl: string | null | undefined) {
  if (!canonicalUrl) return Promise.resolve(null);
  return client.article.findFirst({ where: { workspaceId, canonicalUrl }, select: { id: true, title: true }, orderBy: { createdAt: "asc" } });
}

interface Prepared {
  text: string;
  hash: string;
  /** The document as JSON text, written as such: Prisma's JSON input walks every node first (~2.3 s of event loop for 100,000 paragraphs, black-box s38 F8). */
  json: string;
}

/** The checks and the canonical text, done before any transaction opens (a 5 MB document takes a while). */
function prepare(input: NewArticle): Prepared {
  assertStorableArticle(input.doc, input.metadata);
  const text = canonicalText(input.doc);
  if (!text.trim()) throw conflict(said("article_no_text", "The article has no text."), { text: said("article_no_text", "The article has no text.") });
  return { text, hash: contentHash(text), json: JSON.stringify(input.doc) };
}

/** Inside a caller's transaction: the article and its first revision. */
export function createArticleIn(tx: Prisma.TransactionClient, input: NewArticle): Promise<CreateArticleResult> {
  return insertArticle(tx, input, prepare(input));
}

async function insertArticle(tx: Prisma.TransactionClient, input: NewArticle, { text, hash, json }: Prepared): Promise<CreateArticleResult> {
  const existing = (await findByHash(tx, input.workspaceId, hash)) ?? (await findByCanonicalUrl(tx, input.workspaceId, input.source?.canonicalUrl));
  if (existing) return { status: "duplicate", article: existing };
  const article = await tx.article.create({
    // The document follows as JSON text, in this transaction: no reader sees the empty one.
    data: { workspaceId: input.workspaceId, ...input.metadata, ...input.source, pageStarts: input.pageStarts ?? [], doc: {}, text, contentHash: hash, createdById: input.actorId },
    select: { id: true, title: true },
  });
  await tx.$executeRaw`UPDATE "Article" SET "doc" = ${json}::jsonb WHERE "id" = ${article.id}`;
  await tx.$executeRaw`
    INSERT INTO "ArticleRevision" ("id", "articleId", "number", "title", "doc", "text", "contentHash", "createdById")
    VALUES (${idFactory()()}, ${article.id}, 1, ${input.metadata.title}, ${json}::jsonb, ${text}, ${hash}, ${input.actorId})`;
  const via = input.via ?? "paste";
  await recordChange(tx, {
    kind: "article.created",
    workspaceId: input.workspaceId,
    actorId: via === "demo" ? null : input.actorId,
    articleId: article.id,
    data: { title: article.title, via },
  });
  return { status: "created", article };
}

/**
 * Stores a new article with its first revision, in one transaction. The same
 * canonical text, or the same canonical address, twice in one workspace is
 * reported as a duplicate, not stored; the unique indexes on (workspace,
 * content hash) and (workspace, canonical address) settle races: the import
 * that loses gets the winner as its duplicate.
 */
export async function createArticle(input: NewArticle): Promise<CreateArticleResult> {
  const prepared = prepare(input);
  try {
    // Writing a 5 MB document twice (article and revision) took over Prisma's default 5 s on a busy server.
    return await db.$transaction((tx) => insertArticle(tx, input, prepared), { timeout: 30_000 });
  } catch (err) {
    if ((err as { code?: string }).code !== "P2002") throw err;
    const winner = (await findByHash(db, input.workspaceId, prepared.hash)) ?? (await findByCanonicalUrl(db, input.workspaceId, input.source?.canonicalUrl));
    if (!winner) throw err;
    return { status: "duplicate", article: winner };
  }
}
