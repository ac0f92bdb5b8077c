import { pageAt } from "@/lib/articles/page-starts";
import { db, type Prisma } from "@/lib/db/client";
import { Prisma as P } from "@/lib/db/generated/client";
import { readClaimChanges } from "./claim-changes";
import type { ClaimEventView, MentionView, RelationView, SourceView, UserRef } from "./claim-dto";
import { RELATION_WORDING, type RelationType, type ReviewState, type SourceKind, type Stance } from "./review-states";
import { encodeHistoryCursor } from "./history-cursor";
import { CONTEXT_CHARS } from "./mention-context";
import type { Verdict } from "./verdicts";

/**
 * The parts of a claim, read in SQL a page at a time (the claim page, every
 * claim change's answer and the REST API's lists share them). Each reads only
 * the rows it returns: a claim's cost doesn't grow with the workspace, and
 * mention context is cut in the database instead of loading whole articles.
 */

/** The app's client or a transaction. */
export type Reader = Prisma.TransactionClient | typeof db;

export { CONTEXT_CHARS };
/** How far merges are followed (the app never makes cycles; this bounds a corrupted chain). */
const MAX_MERGE_DEPTH = 50;

/** Keyset position: rows strictly after (createdAt, id) in the list's order. */
export interface After {
  at: Date;
  id: string;
}
export interface PageOpts {
  after?: After;
  /** Rows to read (callers ask for one more than they show, to know whether there is a next page). */
  take?: number;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const userRef = (id: string | null, name: string | null): UserRef | null => (id ? { id, name: name ?? "" } : null);
const limit = (take: number | undefined) => (take === undefined ? P.empty : P.sql`LIMIT ${take}`);

/** The standing claim a merged claim's URL leads to: the end of its merge chain, in one query. */
export async function mergeTarget(client: Reader, claimId: string): Promise<string | null> {
  const rows = await client.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, "mergedIntoId", 0 AS depth FROM "Claim" WHERE id = ${claimId}
      UNION ALL
      SELECT c.id, c."mergedIntoId", chain.depth + 1 FROM "Claim" c JOIN chain ON c.id = chain."mergedIntoId" WHERE chain.depth < ${MAX_MERGE_DEPTH})
    SELECT id FROM chain WHERE depth > 0 ORDER BY depth DESC LIMIT 1`;
  return rows[0]?.id ?? null;
}

/** Every claim merged into this one, transitively (their histories are its history), in one query. */
export async function mergedInto(client: Reader, claimId: string): Promise<{ id: string; statement: string; language: string | null; mergedAt: Date | null }[]> {
  return client.$queryRaw`
    WITH RECURSIVE tree AS (
      SELECT id, statement, language, "mergedAt", 1 AS depth FROM "Claim" WHERE "mergedIntoId" = ${claimId}
      UNION ALL
      SELECT c.id, c.statement, c.language, c."mergedAt", tree.depth + 1 FROM "Claim" c JOIN tree ON c."mergedIntoId" = tree.id WHERE tree.depth < ${MAX_MERGE_DEPTH})
    SELECT id, statement, language, "mergedAt" FROM tree ORDER BY depth, "mergedAt", id`;
}

// A mention's offsets count UTF-16 code units (lib/articles/document.ts); PostgreSQL counts code points. They agree
// up to a position unless a character outside the Basic Multilingual Plane (an emoji, say) comes before it, which
// the database checks on the text up to the end of the context. Only then is the article's text read here to cut
// the context in JavaScript. The check looks for the bytes that begin such a character in UTF-8 (F0–F4, which
// nothing else contains): a byte search, several times cheaper than a regular expression over the text.
const ASTRAL_LEADS = P.raw(["f0", "f1", "f2", "f3", "f4"].map((b) => `position('\\x${b}'::bytea IN t.bytes) > 0`).join(" OR "));

interface MentionRow {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  status: MentionView["status"];
  deletedAt: Date | null;
  createdAt: Date;
  articleId: string;
  title: string;
  publishedAt: Date | null;
  url: string | null;
  language: string | null;
  pageStarts: number[];
  before: string | null;
  after: string | null;
  /** The article's text goes on after `after` (read one character further than shown). */
  more: boolean | null;
  text: string | null;
}

/** Drops a surrogate half left at a cut edge, so context never carries half a character. */
export function trimSurrogates(before: string, after: string): { before: string; after: string } {
  const low = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  const high = (c: number) => c >= 0xd800 && c <= 0xdbff;
  return {
    before: before.length && low(before.charCodeAt(0)) ? before.slice(1) : before,
    after: after.length && high(after.charCodeAt(after.length - 1)) ? after.slice(0, -1) : after,
  };
}

/** Context either side of [start, end) in `text`, by UTF-16 offsets, as the reader counts them. */
export function cutContext(text: string, start: number, end: number, chars = CONTEXT_CHARS): { before: string; after: string } {
  return trimSurrogates(text.slice(Math.max(0, start - chars), start), text.slice(end, end + chars));
}

/** A claim's mentions, oldest first, each with up to CONTEXT_CHARS of current article text either side. */
export async function readMentions(client: Reader, claimId: string, page: PageOpts = {}): Promise<MentionView[]> {
  const after = page.after ? P.sql`AND (n."createdAt", n.id) > (${page.after.at}::timestamp(3), ${page.after.id})` : P.empty;
  // The page of mentions first; then, for those only, the article's text up to the end of the context is
  // decompressed once per mention and both sides are cut from it (OFFSET 0 keeps each subquery from being
  // inlined into, and recomputed by, every expression that uses it). Each mention's article is looked up by its
  // primary key, with that head cut in the same lookup: a plain join let PostgreSQL hash every article once a
  // page held ~50 mentions (a sequential scan of 2,000 articles at 100k claims, 200 at 10k: the page's cost grew
  // with the workspace), and a head cut in a lateral of its own could be memoized on the article's whole text,
  // which decompressed every text a second time to hash it.
  const rows = await client.$queryRaw<MentionRow[]>`
    SELECT n.id, n.exact, n.prefix, n.suffix, n.start, n."end", n.status::text AS status, n."deletedAt", n."createdAt",
           a.id AS "articleId", a.title, a."publishedAt", a.url, a.language, a."pageStarts",
           CASE WHEN NOT x.astral THEN substr(a.head, greatest(n.start - ${CONTEXT_CHARS}, 0) + 1, n.start - greatest(n.start - ${CONTEXT_CHARS}, 0)) END AS before,
           CASE WHEN NOT x.astral THEN substr(a.head, n."end" + 1, ${CONTEXT_CHARS}) END AS after,
           CASE WHEN NOT x.astral THEN length(a.head) > n."end" + ${CONTEXT_CHARS} END AS more,
           CASE WHEN x.astral THEN a.text END AS text
      FROM (SELECT * FROM "Annotation" n WHERE n."claimId" = ${claimId} ${after} ORDER BY n."createdAt", n.id ${limit(page.take)}) n
      CROSS JOIN LATERAL (
        SELECT a.id, a.title, a."publishedAt", a.url, a.language, a."pageStarts", a.text,
               CASE WHEN n.start IS NOT NULL AND n."end" IS NOT NULL THEN left(a.text, n."end" + ${CONTEXT_CHARS} + 1) END AS head
          FROM "Article" a WHERE a.id = n."articleId" OFFSET 0) a
      CROSS JOIN LATERAL (SELECT (${ASTRAL_LEADS}) AS astral FROM (SELECT convert_to(a.head, 'UTF8') AS bytes) t OFFSET 0) x
     ORDER BY n."createdAt", n.id`;
  return rows.map((m) => {
    const anchored = m.start !== null && m.end !== null;
    const context = !anchored
      ? { before: m.prefix, after: m.suffix }
      : m.text !== null
        ? cutContext(m.text, m.start!, m.end!)
        : { before: m.before ?? "", after: m.after ?? "" };
    // Where the article goes on past what is shown, for an ellipsis there only (black-box s31 and s33: "…" had
    // been guessed from the context's length, and shown after an article's last word when exactly 200 followed).
    // A mention that lost its place shows the quote's stored prefix and suffix, which can't say: cut if any.
    const contextCut = !anchored
      ? { before: m.prefix !== "", after: m.suffix !== "" }
      : { before: m.start! > CONTEXT_CHARS, after: m.text !== null ? m.end! + CONTEXT_CHARS < m.text.length : m.more === true };
    return {
      annotationId: m.id,
      article: { id: m.articleId, title: m.title, publishedAt: iso(m.publishedAt), url: m.url, language: m.language },
      exact: m.exact,
      prefix: m.prefix,
      suffix: m.suffix,
      before: context.before,
      after: context.after,
      contextCut,
      status: m.status,
      start: m.start,
      end: m.end,
      page: anchored ? pageAt(m.pageStarts, m.start!) : null,
      deleted: m.deletedAt !== null,
      createdAt: m.createdAt.toISOString(),
    };
  });
}

interface SourceRow {
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  publishedAt: Date | null;
  accessedAt: Date | null;
  kind: string;
  stance: string;
  note: string | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
}

/** A claim's sources, oldest first. */
export async function readSources(client: Reader, claimId: string, page: PageOpts & { stance?: Stance } = {}): Promise<SourceView[]> {
  const after = page.after ? P.sql`AND (s."createdAt", s.id) > (${page.after.at}::timestamp(3), ${page.after.id})` : P.empty;
  const stance = page.stance ? P.sql`AND s.stance = ${page.stance}` : P.empty;
  const rows = await client.$queryRaw<SourceRow[]>`
    SELECT s.id, s.url, s.title, s.publisher, s."publishedAt", s."accessedAt", s.kind, s.stance, s.note, s."createdAt",
           s."createdById", u.name AS "createdByName"
      FROM "Source" s LEFT JOIN "User" u ON u.id = s."createdById"
     WHERE s."claimId" = ${claimId} ${stance} ${after}
     ORDER BY s."createdAt", s.id
     ${limit(page.take)}`;
  return rows.map((s) => ({
    id: s.id,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedAt: iso(s.publishedAt),
    accessedAt: iso(s.accessedAt),
    kind: s.kind as SourceKind,
    stance: s.stance as Stance,
    note: s.note,
    createdBy: userRef(s.createdById, s.createdByName),
    createdAt: s.createdAt.toISOString(),
  }));
}

interface RelationRow {
  id: string;
  type: string;
  direction: "outgoing" | "incoming";
  note: string | null;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
  otherId: string;
  otherStatement: string;
  otherLanguage: string | null;
  otherReviewState: string;
  otherVerdict: string | null;
}

/** A claim's relations in both directions (or one), oldest first; relations to deleted claims are left out. */
export async function readRelations(client: Reader, claimId: string, page: PageOpts & { direction?: "outgoing" | "incoming" } = {}): Promise<RelationView[]> {
  const after = page.after ? P.sql`WHERE (r."createdAt", r.id) > (${page.after.at}::timestamp(3), ${page.after.id})` : P.empty;
  const outgoing = page.direction !== "incoming";
  const incoming = page.direction !== "outgoing";
  const rows = await client.$queryRaw<RelationRow[]>`
    SELECT r.id, r.type, r.direction, r.note, r."createdAt", r."createdById", u.name AS "createdByName",
           o.id AS "otherId", o.statement AS "otherStatement", o.language AS "otherLanguage", o."reviewState" AS "otherReviewState", o.verdict AS "otherVerdict"
      FROM (
        SELECT id, type, note, "createdAt", "createdById", "toId" AS other, 'outgoing' AS direction FROM "ClaimRelation" WHERE "fromId" = ${claimId} AND ${outgoing}
        UNION ALL
        SELECT id, type, note, "createdAt", "createdById", "fromId", 'incoming' FROM "ClaimRelation" WHERE "toId" = ${claimId} AND ${incoming}
      ) r
      JOIN "Claim" o ON o.id = r.other AND o."deletedAt" IS NULL
      LEFT JOIN "User" u ON u.id = r."createdById"
     ${after}
     ORDER BY r."createdAt", r.id
     ${limit(page.take)}`;
  return rows.map((r) => ({
    id: r.id,
    type: r.type as RelationType,
    direction: r.direction,
    wording: RELATION_WORDING[r.type as RelationType]?.[r.direction] ?? r.type,
    other: { id: r.otherId, statement: r.otherStatement, language: r.otherLanguage, reviewState: r.otherReviewState as ReviewState, verdict: r.otherVerdict as Verdict | null },
    note: r.note,
    createdBy: userRef(r.createdById, r.createdByName),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The history of `claimIds` (a claim and those merged into it), newest first, strictly before `before`. */
export async function readHistory(client: Reader, claimIds: string[], page: { before?: After; take: number }): Promise<ClaimEventView[]> {
  return readClaimChanges(client, claimIds, page);
}

/** The cursor of the page after the first `size` of `rows` (read with one more than `size`), or null when they were all. */
export function partCursor<T extends { createdAt: string }>(rows: T[], size: number, idOf: (row: T) => string): string | null {
  const last = rows[size - 1];
  return rows.length > size && last ? encodeHistoryCursor(afterOf({ createdAt: last.createdAt, id: idOf(last) })) : null;
}

/** Cursor for the next page after the last item shown: its time and id, as the REST API's and the history's cursors carry them. */
export function afterOf(item: { createdAt: string; id: string }): After {
  return { at: new Date(item.createdAt), id: item.id };
}
