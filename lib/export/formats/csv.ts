import { stringify } from "csv-stringify/sync";
import { Prisma } from "@/lib/db/generated/client";
import { VERDICT_RATING, VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import type { ExportClaim } from "../batches";
import { verdictFields, type ExportContext } from "../context";
import { sqlLiteral } from "../copy-stream";
import { copyInParts, type Part } from "../ranges";
import type { ExportChunk } from "../export";

/**
 * CSV: one row per claim, RFC 4180 (comma, double quotes doubled, CRLF line
 * ends), UTF-8 starting with a byte-order mark so Excel reads non-Latin text
 * correctly (csv-parse and most tools drop it with `bom: true`).
 */
export const CSV_BOM = "\uFEFF";

export const CSV_COLUMNS = [
  "Claim ID",
  "Statement",
  "Claimant",
  "Review state",
  "Verdict",
  "Verdict label",
  "Rating",
  "Mentions",
  "Articles",
  "Source URLs",
  "Last changed",
] as const;

/** Joins several values in one cell. */
export const CSV_JOINER = " | ";

/**
 * A cell a spreadsheet would read as a formula (starting with = + - @, tab or
 * carriage return) gets a leading apostrophe, as OWASP recommends against CSV
 * injection: the spreadsheet shows the text instead of running it.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvRow(ctx: ExportContext, c: ExportClaim): (string | number)[] {
  const v = verdictFields(ctx, c.verdict);
  const titles = [...new Set(c.mentions.map((m) => m.article.title))];
  const urls = [...new Set(c.sources.map((s) => s.url).filter((u): u is string => Boolean(u)))];
  const text = [c.id, c.statement, c.claimant ?? "", c.reviewState, v.verdict ?? "", v.verdictLabel ?? "", v.rating ?? "", c.mentions.length, titles.join(CSV_JOINER), urls.join(CSV_JOINER), c.updatedAt.toISOString()];
  return text.map((cell) => (typeof cell === "string" ? neutralise(cell) : cell));
}

/**
 * `quote_record_delimiter`: csv-stringify quotes a value holding a bare CR or
 * LF only with this once `record_delimiter` is set; unquoted, Python's csv,
 * papaparse and d3-dsv read one claim as several records, and a formula on
 * the value's second line would start a record of its own, past `neutralise`.
 */
export const OPTIONS = { record_delimiter: "\r\n", quote_record_delimiter: true, quoted_match: /^\s|\s$/ } as const;

// The same rules in SQL, for the export itself (the tests compare it with csvRow + csv-stringify).
/** `neutralise`: a leading = + - @ tab or CR gets an apostrophe. */
const neutraliseSql = (x: string) => `CASE WHEN left(${x}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${x} ELSE ${x} END`;
/**
 * JavaScript's \s, for `quoted_match` (PostgreSQL's \s follows the locale), as the characters themselves: a cell's
 * first and last are looked up in it with strpos, which at 100k claims cost a fraction of a regular expression
 * match per cell (the quoting took ~0.4 s of each part's query with `~`).
 */
export const JS_SPACES = "\t\n\v\f\r \u00a0\u1680" + Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)).join("") + "\u2028\u2029\u202f\u205f\u3000\ufeff";
const spaces = sqlLiteral(JS_SPACES);
/** csv-stringify's quoting: a value holding a comma, quote, CR or LF, or starting or ending with white space, is quoted, quotes doubled. */
const quoteSql = (v: string) =>
  `CASE WHEN strpos(${v}, '"') > 0 OR strpos(${v}, ',') > 0 OR strpos(${v}, E'\\n') > 0 OR strpos(${v}, E'\\r') > 0 OR (${v} <> '' AND (strpos(${spaces}, left(${v}, 1)) > 0 OR strpos(${spaces}, right(${v}, 1)) > 0)) THEN '"' || replace(${v}, '"', '""') || '"' ELSE ${v} END`;
const time = (col: string) => `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A CASE over c."verdict" giving `pick(verdict)` as a finished CSV cell ('' without a verdict). */
function byVerdict(pick: (v: Verdict) => string | number | null): string {
  const cell = (value: string | number | null) => (value === null ? "" : stringify([[typeof value === "string" ? neutralise(value) : value]], OPTIONS).slice(0, -2));
  return `CASE c."verdict" ${VERDICTS.map((v) => `WHEN ${sqlLiteral(v)} THEN ${sqlLiteral(cell(pick(v)))}`).join(" ")} ELSE '' END`;
}

/**
 * One record per claim, each written by PostgreSQL (cells as csvRow makes
 * them, quoted as csv-stringify quotes them, CRLF after each) and streamed
 * by COPY (copy-stream.ts). Mentions and sources are aggregated in one pass
 * over the set, not claim by claim, grouped in byte order (COLLATE "C", see
 * jsonl.ts: the same groups, bytes compared, not locale-aware text). Ids, review states, verdicts, counts and
 * times can't need quoting or neutralising; labels and ratings are finished
 * cells from the workspace's labels. The BOM and header go out with the first
 * rows, so a failure reading them comes before any byte.
 */
export async function* csvExport(ctx: ExportContext): AsyncGenerator<ExportChunk> {
  const { set } = ctx;
  const head = Buffer.from(CSV_BOM + stringify([[...CSV_COLUMNS]], OPTIONS));
  const record = [
    `t."id"`,
    quoteSql(`t."statement"`),
    quoteSql(`t."claimant"`),
    `t."reviewState"`,
    `t."verdict"`,
    `t."label"`,
    `t."rating"`,
    `t."mentions"`,
    quoteSql(`t."articles"`),
    quoteSql(`t."urls"`),
    `t."updated"`,
  ].join(` || ',' || `);
  // In two parts run at once (copyInParts), each with 16 MB to sort in: PostgreSQL aggregates and sorts all of a
  // part's rows before its first. At 100k claims, side by side in one session (bench/results/export-100k-2026-12-02-session27.md):
  // one part 17.2 MB/s with 16 MB, two parts 16.9–18.4 with 4 MB, three or four 16.7–18.1, two with 16 MB 24.1, with 32 MB 21.9–23.5.
  //
  // Mentions and sources are grouped by their claim's (createdAt, id), the order the file is written in, not by
  // claim id: the groups then come out of their aggregates already in that order and PostgreSQL merges them with
  // the claims (merge joins) instead of sorting every finished record again at the end (34 MB through a temporary
  // file at 100k claims), and the first records go out while later groups are still being aggregated. In SQL on
  // 100k claims: 1.63 s → 1.42 s, first row after 0.64 s instead of 1.54 s.
  const claim = (part: Part) => Prisma.sql`${set.claims} AND ${part.claims}`;
  const rows = copyInParts(set, (part) => Prisma.sql`
    WITH m AS (
      SELECT x."ca", x."cid", count(*) AS n, string_agg(x."title", ${CSV_JOINER} ORDER BY x."createdAt", x."id") FILTER (WHERE x."first") AS "titles"
      FROM (
        SELECT c."createdAt" AS "ca", c."id" AS "cid", a."createdAt", a."id", ar."title",
          row_number() OVER (PARTITION BY c."createdAt", c."id", ar."title" COLLATE "C" ORDER BY a."createdAt", a."id") = 1 AS "first"
        FROM "Annotation" a JOIN "Claim" c ON c."id" = a."claimId" JOIN "Article" ar ON ar."id" = a."articleId"
        WHERE ${set.mentions} AND ${claim(part)}
      ) x GROUP BY 1, 2
    ), u AS (
      SELECT x."ca", x."cid", string_agg(x."url", ${CSV_JOINER} ORDER BY x."createdAt", x."id") AS "urls"
      FROM (
        SELECT DISTINCT ON (c."createdAt", c."id", s."url" COLLATE "C") c."createdAt" AS "ca", c."id" AS "cid", s."url", s."createdAt", s."id"
        FROM "Source" s JOIN "Claim" c ON c."id" = s."claimId"
        WHERE ${claim(part)} AND s."url" <> '' ORDER BY c."createdAt", c."id", s."url" COLLATE "C", s."createdAt", s."id"
      ) x GROUP BY 1, 2
    )
    SELECT ${Prisma.raw(record)} || E'\r\n'
    FROM (
      SELECT c."createdAt", c."id",
        ${Prisma.raw(neutraliseSql(`c."statement"`))} AS "statement",
        ${Prisma.raw(neutraliseSql(`COALESCE(c."claimant", '')`))} AS "claimant",
        c."reviewState", COALESCE(c."verdict", '') AS "verdict",
        ${Prisma.raw(byVerdict((v) => ctx.labels[v]))} AS "label",
        ${Prisma.raw(byVerdict((v) => VERDICT_RATING[v]))} AS "rating",
        COALESCE(m."n", 0)::text AS "mentions",
        ${Prisma.raw(neutraliseSql(`COALESCE(m."titles", '')`))} AS "articles",
        ${Prisma.raw(neutraliseSql(`COALESCE(u."urls", '')`))} AS "urls",
        ${Prisma.raw(time(`c."updatedAt"`))} AS "updated"
      FROM "Claim" c LEFT JOIN m ON m."ca" = c."createdAt" AND m."cid" = c."id" LEFT JOIN u ON u."ca" = c."createdAt" AND u."cid" = c."id"
      WHERE ${claim(part)}
      -- A subquery of its own (OFFSET 0), so each cell is computed once and quoted from that; sorted in it, so that
      -- its plan is the one with merge joins, whose order the ORDER BY below then keeps without sorting again.
      ORDER BY c."createdAt", c."id"
      OFFSET 0
    ) t
    ORDER BY t."createdAt", t."id"`, ctx.signal);
  let first = true;
  for await (const chunk of rows) {
    yield first ? Buffer.concat([head, chunk]) : chunk;
    first = false;
  }
  if (first) yield head;
}
