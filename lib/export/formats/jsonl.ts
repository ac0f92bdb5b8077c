import { Prisma } from "@/lib/db/generated/client";
import type { Verdict } from "@/lib/claims/verdicts";
import { keysetPages, readAhead, type ExportClaim } from "../batches";
import { iso, verdictFields, type ExportContext } from "../context";
import { exportRows } from "../rows";

/** One JSON Lines record: a claim with its mentions, sources, review state and verdict. */
export function jsonlRecord(ctx: ExportContext, c: ExportClaim) {
  return {
    id: c.id,
    statement: c.statement,
    claimant: c.claimant,
    claimDate: iso(c.claimDate),
    reviewState: c.reviewState,
    ...verdictFields(ctx, c.verdict),
    explanation: c.explanationText,
    tags: c.tags,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    approvedAt: iso(c.approvedAt),
    mentions: c.mentions.map((m) => ({
      annotationId: m.annotationId,
      article: { id: m.article.id, title: m.article.title, url: m.article.url, publishedAt: iso(m.article.publishedAt) },
      quote: { exact: m.exact, prefix: m.prefix, suffix: m.suffix },
      start: m.start,
      end: m.end,
      status: m.status,
    })),
    sources: c.sources.map((s) => ({
      id: s.id,
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: iso(s.publishedAt),
      accessedAt: iso(s.accessedAt),
      kind: s.kind,
      stance: s.stance,
      note: s.note,
    })),
  };
}

/** Claims per query for JSON Lines: each page is one query, its lines built by PostgreSQL. */
export const JSONL_PAGE_SIZE = 2000;

// SQL building the same text JSON.stringify(jsonlRecord(…)) gives: keys in the same order, no
// spaces; strings through to_json (PostgreSQL escapes exactly what JSON.stringify does: `"`, `\`,
// control characters, the short forms \b \f \n \r \t, the rest as lowercase \u00xx); timestamps
// (stored as UTC `timestamp(3)`) as toISOString's "YYYY-MM-DDTHH:MM:SS.mmmZ"; null as null.
const str = (col: string) => `COALESCE(to_json(${col})::text, 'null')`;
const num = (col: string) => `COALESCE(${col}::text, 'null')`;
const time = (col: string) => `COALESCE('"' || to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`;
/** `'{"a":' || <a> || ',"b":' || <b> || '}'` from [key, SQL] pairs. */
const object = (fields: [string, string][], open = "{", close = "}") =>
  fields.map(([key, sql], i) => `'${i ? "," : open}"${key}":' || ${sql}`).join(" || ") + ` || '${close}'`;

const MENTION = object([
  ["annotationId", str(`a."id"`)],
  ["article", object([["id", str(`ar."id"`)], ["title", str(`ar."title"`)], ["url", str(`ar."url"`)], ["publishedAt", time(`ar."publishedAt"`)]])],
  ["quote", object([["exact", str(`a."exact"`)], ["prefix", str(`a."prefix"`)], ["suffix", str(`a."suffix"`)]])],
  ["start", num(`a."start"`)],
  ["end", num(`a."end"`)],
  ["status", str(`a."status"::text`)],
]);
const SOURCE = object([
  ["id", str(`s."id"`)],
  ["url", str(`s."url"`)],
  ["title", str(`s."title"`)],
  ["publisher", str(`s."publisher"`)],
  ["publishedAt", time(`s."publishedAt"`)],
  ["accessedAt", time(`s."accessedAt"`)],
  ["kind", str(`s."kind"`)],
  ["stance", str(`s."stance"`)],
  ["note", str(`s."note"`)],
]);
/** Up to the verdict fields, which come from the workspace's labels (`verdictFields`). */
const HEAD = object(
  [
    ["id", str(`c."id"`)],
    ["statement", str(`c."statement"`)],
    ["claimant", str(`c."claimant"`)],
    ["claimDate", time(`c."claimDate"`)],
    ["reviewState", str(`c."reviewState"`)],
  ],
  "{",
  ",",
);
/** After the verdict fields: the rest of the line. */
const TAIL = object(
  [
    ["explanation", str(`c."explanationText"`)],
    ["tags", str(`c."tags"`)],
    ["createdAt", time(`c."createdAt"`)],
    ["updatedAt", time(`c."updatedAt"`)],
    ["approvedAt", time(`c."approvedAt"`)],
    ["mentions", `'[' || COALESCE(m."list", '') || ']'`],
    ["sources", `'[' || COALESCE(s."list", '') || ']'`],
  ],
  "",
  "}",
);

interface LineRow {
  id: string;
  createdAt: Date;
  verdict: Verdict | null;
  head: string;
  tail: string;
}

/**
 * JSON Lines: one claim per line, "\n" after each, in (createdAt, id) order:
 * the same text as JSON.stringify(jsonlRecord(…)) for each of claimBatches'
 * claims (the tests compare the two), but each page of claims with its
 * mentions and sources is one query whose rows are the lines already written
 * by PostgreSQL, so Node only joins strings; the next page is read while this
 * one is written.
 */
export async function* jsonlExport(ctx: ExportContext): AsyncGenerator<string> {
  const { set } = ctx;
  const verdicts = new Map<Verdict | null, string>();
  const verdictText = (v: Verdict | null) => {
    let text = verdicts.get(v);
    if (text === undefined) verdicts.set(v, (text = `${JSON.stringify(verdictFields(ctx, v)).slice(1, -1)},`));
    return text;
  };
  const pages = keysetPages<LineRow>(
    "c",
    (after, take) =>
      exportRows<LineRow>(Prisma.sql`
        SELECT c."id", c."createdAt", c."verdict", ${Prisma.raw(HEAD)} AS "head", ${Prisma.raw(TAIL)} AS "tail"
        FROM (SELECT c.* FROM "Claim" c WHERE ${set.claims}${after} ORDER BY c."createdAt", c."id" LIMIT ${take}) c
        LEFT JOIN LATERAL (
          SELECT string_agg(${Prisma.raw(MENTION)}, ',' ORDER BY a."createdAt", a."id") AS "list"
          FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
          WHERE ${set.mentions} AND a."claimId" = c."id"
        ) m ON true
        LEFT JOIN LATERAL (
          SELECT string_agg(${Prisma.raw(SOURCE)}, ',' ORDER BY s."createdAt", s."id") AS "list"
          FROM "Source" s WHERE s."claimId" = c."id"
        ) s ON true
        ORDER BY c."createdAt", c."id"`),
    JSONL_PAGE_SIZE,
  );
  for await (const page of readAhead(pages)) {
    let chunk = "";
    for (const r of page) chunk += r.head + verdictText(r.verdict) + r.tail + "\n";
    yield chunk;
  }
}
