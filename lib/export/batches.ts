import { Prisma } from "@/lib/db/generated/client";
import { exportRows } from "./rows";
import type { ReviewState } from "@/lib/claims/review-states";
import type { Verdict } from "@/lib/claims/verdicts";
import type { ExportSet } from "./export-set";

/** Claims read per query; each batch's children come in one query per kind. */
export const BATCH_SIZE = 1000;

export interface Keyed {
  createdAt: Date;
  id: string;
}

/**
 * `AND (alias."createdAt", alias."id") > (last)`: a row comparison, which
 * PostgreSQL can answer from an index on (…, "createdAt", "id") where there is one.
 */
export function afterSql(alias: string, last: Keyed | undefined): Prisma.Sql {
  return last ? Prisma.sql` AND (${Prisma.raw(`${alias}."createdAt"`)}, ${Prisma.raw(`${alias}."id"`)}) > (${last.createdAt}::timestamp(3), ${last.id})` : Prisma.empty;
}

/**
 * Keyset pagination in (createdAt, id) order: `read(after, take)` returns the
 * next rows; yields one array per query, so memory holds one batch at a time
 * however many rows there are, and rows written meanwhile never shift a page.
 */
export async function* keysetPages<T extends Keyed>(alias: string, read: (after: Prisma.Sql, take: number) => Promise<T[]>, size = BATCH_SIZE): AsyncGenerator<T[]> {
  let last: T | undefined;
  for (;;) {
    const rows = await read(afterSql(alias, last), size);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    last = rows[rows.length - 1];
  }
}

/**
 * Hands out `source`'s items, asking for the next one as soon as one is handed
 * out: reading page N+1 overlaps writing page N. One item ahead at most, so
 * memory holds two pages however many there are; the consumer's pace
 * (backpressure) still sets how far reading goes.
 */
export async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    let next = source.next();
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = source.next();
      next.catch(() => {}); // awaited on the next turn; if the consumer stops first, not an unhandled rejection
      yield r.value;
    }
  } finally {
    await source.return(undefined);
  }
}

export interface ExportMention {
  annotationId: string;
  /** `text`: the article's current canonical text, only when asked for (`texts`). */
  article: { id: string; title: string; url: string | null; publishedAt: Date | null; language: string | null; text?: string; /** PDFs: page start offsets (lib/articles/page-starts.ts). */ pageStarts?: number[] };
  /** Who made the highlight; null once their account is gone. */
  creator: { id: string; name: string } | null;
  /** Who made it in the tool it was imported from (lib/annotation-import), when it was. */
  originalCreator?: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  status: "exact" | "moved" | "fuzzy" | "orphaned";
  note: string | null;
  createdAt: Date;
}

export interface ExportSource {
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  publishedAt: Date | null;
  accessedAt: Date | null;
  kind: string;
  stance: string;
  note: string | null;
}

export interface ExportRelation {
  type: string;
  direction: "outgoing" | "incoming";
  otherId: string;
}

export interface ExportClaim {
  id: string;
  statement: string;
  claimant: string | null;
  claimDate: Date | null;
  reviewState: ReviewState;
  verdict: Verdict | null;
  explanationText: string;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  approvedAt: Date | null;
  /** Live mentions within the set, oldest first. */
  mentions: ExportMention[];
  /** Oldest first. */
  sources: ExportSource[];
  /** Only when asked for (`links`): relations to live claims, oldest first. */
  relations: ExportRelation[];
  /** Only when asked for (`links`): claims merged into this one. */
  mergedFrom: string[];
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

type ClaimRow = Omit<ExportClaim, "mentions" | "sources" | "relations" | "mergedFrom">;
type MentionRow = Omit<ExportMention, "article" | "annotationId" | "creator"> & { annotationId: string; claimId: string; articleId: string; creatorId: string | null; creatorName: string | null };
type ArticleRow = ExportMention["article"];
type SourceRow = ExportSource & { claimId: string };

/** Characters of article text kept between batches (about this many bytes to twice as many). */
export const TEXT_CACHE_CHARS = 16 * 1024 * 1024;

/** Article id → text, least recently used dropped first once the texts pass `limit` characters. */
export class TextCache {
  private readonly map = new Map<string, string>();
  private size = 0;
  constructor(private readonly limit: number) {}

  has(id: string): boolean {
    return this.map.has(id);
  }

  get(id: string): string | undefined {
    const text = this.map.get(id);
    if (text !== undefined) {
      this.map.delete(id);
      this.map.set(id, text);
    }
    return text;
  }

  set(id: string, text: string): void {
    const old = this.map.get(id);
    if (old !== undefined) this.size -= old.length;
    this.map.delete(id);
    this.map.set(id, text);
    this.size += text.length;
    for (const [key, value] of this.map) {
      if (this.size <= this.limit || key === id) break;
      this.map.delete(key);
      this.size -= value.length;
    }
  }
}

type BatchOptions = { links?: boolean; texts?: boolean; where?: Prisma.Sql; size?: number };

/**
 * The set's claims in (createdAt, id) order, a batch at a time, each with its
 * mentions and sources (and, with `links`, relations and merged claims):
 * one query per kind per batch, never one per claim; the next batch is read
 * while this one is written (`readAhead`). `where` narrows the set further
 * (SQL over alias `c`); `texts` adds each mentioned article's current text
 * (once per article per batch).
 */
export function claimBatches(set: ExportSet, opts: BatchOptions = {}): AsyncGenerator<ExportClaim[]> {
  return readAhead(readClaimBatches(set, opts));
}

async function* readClaimBatches(set: ExportSet, opts: BatchOptions): AsyncGenerator<ExportClaim[]> {
  // Article texts are read once each while they fit, not once per batch that mentions them.
  const texts = new TextCache(TEXT_CACHE_CHARS);
  const where = opts.where ? Prisma.sql`${set.claims} AND ${opts.where}` : set.claims;
  const pages = keysetPages(
    "c",
    (after, take) =>
      exportRows<ClaimRow>(Prisma.sql`
        SELECT c."id", c."statement", c."claimant", c."claimDate", c."reviewState", c."verdict", c."explanationText", c."tags", c."createdAt", c."updatedAt", c."approvedAt"
        FROM "Claim" c WHERE ${where}${after}
        ORDER BY c."createdAt", c."id" LIMIT ${take}`),
    opts.size,
  );
  for await (const page of pages) {
    const ids = page.map((c) => c.id);
    const [mentions, sources, relations, merged] = await Promise.all([
      exportRows<MentionRow>(Prisma.sql`
        SELECT a."id" AS "annotationId", a."claimId", a."articleId", a."exact", a."prefix", a."suffix", a."start", a."end", a."status"::text AS "status", a."note", a."createdAt",
          u."id" AS "creatorId", u."name" AS "creatorName"
        FROM "Annotation" a LEFT JOIN "User" u ON u."id" = a."createdById" WHERE ${set.mentions} AND a."claimId" = ANY(${ids}::text[])
        ORDER BY a."createdAt", a."id"`),
      exportRows<SourceRow>(Prisma.sql`
        SELECT s."id", s."claimId", s."url", s."title", s."publisher", s."publishedAt", s."accessedAt", s."kind", s."stance", s."note"
        FROM "Source" s WHERE s."claimId" = ANY(${ids}::text[])
        ORDER BY s."createdAt", s."id"`),
      opts.links
        ? exportRows<{ fromId: string; toId: string; type: string }>(Prisma.sql`
            SELECT r."fromId", r."toId", r."type" FROM "ClaimRelation" r
            JOIN "Claim" f ON f."id" = r."fromId" AND f."deletedAt" IS NULL AND f."mergedIntoId" IS NULL
            JOIN "Claim" t ON t."id" = r."toId" AND t."deletedAt" IS NULL AND t."mergedIntoId" IS NULL
            WHERE r."fromId" = ANY(${ids}::text[]) OR r."toId" = ANY(${ids}::text[])
            ORDER BY r."createdAt", r."id"`)
        : [],
      opts.links
        ? exportRows<{ id: string; mergedIntoId: string }>(Prisma.sql`
            SELECT m."id", m."mergedIntoId" FROM "Claim" m WHERE m."mergedIntoId" = ANY(${ids}::text[]) ORDER BY m."createdAt", m."id"`)
        : [],
    ]);
    const articleIds = [...new Set(mentions.map((m) => m.articleId))];
    const articles = new Map(
      (
        await exportRows<ArticleRow>(Prisma.sql`
          SELECT ar."id", ar."title", ar."url", ar."publishedAt", ar."language", ar."pageStarts" FROM "Article" ar WHERE ar."id" = ANY(${articleIds}::text[])`)
      ).map((a) => [a.id, a]),
    );
    if (opts.texts) {
      for (const [id, a] of articles) a.text = texts.get(id);
      const missing = articleIds.filter((id) => articles.get(id)?.text === undefined);
      if (missing.length) {
        for (const t of await exportRows<{ id: string; text: string }>(Prisma.sql`SELECT ar."id", ar."text" FROM "Article" ar WHERE ar."id" = ANY(${missing}::text[])`)) {
          articles.get(t.id)!.text = t.text;
          texts.set(t.id, t.text);
        }
      }
    }
    const mentionsOf = groupBy(mentions, (m) => m.claimId);
    const sourcesOf = groupBy(sources, (s) => s.claimId);
    const inBatch = new Set(ids);
    const relationsOf = new Map<string, ExportRelation[]>();
    const relate = (id: string, r: ExportRelation) => {
      const list = relationsOf.get(id);
      if (list) list.push(r);
      else relationsOf.set(id, [r]);
    };
    for (const r of relations) {
      if (inBatch.has(r.fromId)) relate(r.fromId, { type: r.type, direction: "outgoing", otherId: r.toId });
      if (inBatch.has(r.toId)) relate(r.toId, { type: r.type, direction: "incoming", otherId: r.fromId });
    }
    const mergedOf = groupBy(merged, (m) => m.mergedIntoId);
    yield page.map((c) => ({
      ...c,
      mentions: (mentionsOf.get(c.id) ?? []).map((m) => ({
        annotationId: m.annotationId,
        article: articles.get(m.articleId)!,
        creator: m.creatorId ? { id: m.creatorId, name: m.creatorName ?? "" } : null,
        exact: m.exact,
        prefix: m.prefix,
        suffix: m.suffix,
        start: m.start,
        end: m.end,
        status: m.status,
        note: m.note,
        createdAt: m.createdAt,
      })),
      sources: sourcesOf.get(c.id) ?? [],
      relations: relationsOf.get(c.id) ?? [],
      mergedFrom: (mergedOf.get(c.id) ?? []).map((m) => m.id),
    }));
  }
}
