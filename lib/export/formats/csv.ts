import { stringify } from "csv-stringify/sync";
import { Prisma } from "@/lib/db/generated/client";
import { VERDICT_RATING, VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import type { ExportClaim } from "../batches";
import { verdictFields, type ExportContext } from "../context";
import { copyValues, sqlLiteral } from "../copy-stream";
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
const NEUTRALISE = `CASE WHEN u.v ~ '^[=+@\\t\\r-]' THEN '''' || u.v ELSE u.v END`;
/** JavaScript's \s, for `quoted_match` (PostgreSQL's \s follows the locale). */
const JS_SPACE = `[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]`;
/** csv-stringify's quoting: a value holding a comma, quote, CR or LF, or starting or ending with white space, is quoted, quotes doubled. */
const QUOTE = `CASE WHEN w.v ~ '[",\\r\\n]' OR w.v ~ '^${JS_SPACE}|${JS_SPACE}$' THEN '"' || replace(w.v, '"', '""') || '"' ELSE w.v END`;
const time = (col: string) => `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A CASE over c."verdict" giving `pick(verdict)`'s text ('' without a verdict). */
function byVerdict(pick: (v: Verdict) => string | number | null): string {
  return `CASE c."verdict" ${VERDICTS.map((v) => `WHEN ${sqlLiteral(v)} THEN ${sqlLiteral(String(pick(v) ?? ""))}`).join(" ")} ELSE '' END`;
}

/**
 * One record per claim, each written by PostgreSQL (cells as csvRow makes
 * them, quoted as csv-stringify quotes them, CRLF after each) and streamed
 * by COPY (copy-stream.ts). The BOM and header go out with the first rows,
 * so a failure reading them comes before any byte.
 */
export async function* csvExport(ctx: ExportContext): AsyncGenerator<ExportChunk> {
  const { set } = ctx;
  const head = Buffer.from(CSV_BOM + stringify([[...CSV_COLUMNS]], OPTIONS));
  const cells = [
    `c."id"`,
    `c."statement"`,
    `COALESCE(c."claimant", '')`,
    `c."reviewState"`,
    `COALESCE(c."verdict", '')`,
    byVerdict((v) => ctx.labels[v]),
    byVerdict((v) => VERDICT_RATING[v]),
    `COALESCE(mc."n", 0)::text`,
    `COALESCE(mt."list", '')`,
    `COALESCE(su."list", '')`,
    time(`c."updatedAt"`),
  ];
  const rows = copyValues(Prisma.sql`
    SELECT (SELECT string_agg(${Prisma.raw(QUOTE)}, ',' ORDER BY u.n)
            FROM unnest(ARRAY[${Prisma.raw(cells.join(", "))}]::text[]) WITH ORDINALITY u(v, n)
            CROSS JOIN LATERAL (SELECT ${Prisma.raw(NEUTRALISE)} AS v) w) || E'\r\n'
    FROM "Claim" c
    LEFT JOIN LATERAL (SELECT count(*) AS n FROM "Annotation" a WHERE ${set.mentions} AND a."claimId" = c."id") mc ON true
    LEFT JOIN LATERAL (
      SELECT string_agg(x."title", ${CSV_JOINER} ORDER BY x."createdAt", x."id") AS list FROM (
        SELECT DISTINCT ON (ar."title") ar."title", a."createdAt", a."id"
        FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
        WHERE ${set.mentions} AND a."claimId" = c."id" ORDER BY ar."title", a."createdAt", a."id") x
    ) mt ON true
    LEFT JOIN LATERAL (
      SELECT string_agg(x."url", ${CSV_JOINER} ORDER BY x."createdAt", x."id") AS list FROM (
        SELECT DISTINCT ON (s."url") s."url", s."createdAt", s."id"
        FROM "Source" s WHERE s."claimId" = c."id" AND s."url" <> '' ORDER BY s."url", s."createdAt", s."id") x
    ) su ON true
    WHERE ${set.claims}
    ORDER BY c."createdAt", c."id"`);
  let first = true;
  for await (const chunk of rows) {
    yield first ? Buffer.concat([head, chunk]) : chunk;
    first = false;
  }
  if (first) yield head;
}
