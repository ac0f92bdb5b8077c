import { stringify } from "csv-stringify/sync";
import { claimBatches, type ExportClaim } from "../batches";
import { verdictFields, type ExportContext } from "../context";

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
const OPTIONS = { record_delimiter: "\r\n", quote_record_delimiter: true, quoted_match: /^\s|\s$/ } as const;

/** The header goes out with the first batch, so a failure reading it comes before any byte. */
export async function* csvExport(ctx: ExportContext): AsyncGenerator<string> {
  let head = CSV_BOM + stringify([[...CSV_COLUMNS]], OPTIONS);
  for await (const batch of claimBatches(ctx.set)) {
    yield head +
      stringify(
        batch.map((c) => csvRow(ctx, c)),
        OPTIONS,
      );
    head = "";
  }
  if (head) yield head;
}
