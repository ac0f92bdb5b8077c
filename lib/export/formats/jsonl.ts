import { pageAt } from "@/lib/articles/page-starts";
import { Prisma } from "@/lib/db/generated/client";
import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import type { ExportClaim } from "../batches";
import { iso, verdictFields, type ExportContext } from "../context";
import { sqlLiteral } from "../copy-stream";
import { copyInParts } from "../ranges";
import { num, object, str, time } from "../json-sql";

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
      page: m.start === null ? null : pageAt(m.article.pageStarts, m.start),
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

// The lines are built in SQL (json-sql.ts) to give the same text as JSON.stringify(jsonlRecord(…)).
const MENTION = object([
  ["annotationId", str(`a."id"`)],
  ["article", object([["id", str(`ar."id"`)], ["title", str(`ar."title"`)], ["url", str(`ar."url"`)], ["publishedAt", time(`ar."publishedAt"`)]])],
  ["quote", object([["exact", str(`a."exact"`)], ["prefix", str(`a."prefix"`)], ["suffix", str(`a."suffix"`)]])],
  ["start", num(`a."start"`)],
  ["end", num(`a."end"`)],
  // pageAt in SQL: page starts are ascending from 0, so the page is how many of them lie at or before the start.
  ["page", num(`CASE WHEN a."start" IS NULL OR cardinality(ar."pageStarts") = 0 THEN NULL ELSE (SELECT count(*) FROM unnest(ar."pageStarts") p WHERE p <= a."start") END`)],
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

/** The verdict fields (`verdictFields`) as JSON text, per verdict, from the workspace's labels: a CASE over c."verdict". */
function verdictSql(ctx: ExportContext): string {
  const text = (v: Verdict | null) => sqlLiteral(`${JSON.stringify(verdictFields(ctx, v)).slice(1, -1)},`);
  return `CASE c."verdict" ${VERDICTS.map((v) => `WHEN ${sqlLiteral(v)} THEN ${text(v)}`).join(" ")} ELSE ${text(null)} END`;
}

/**
 * JSON Lines: one claim per line, "\n" after each, in (createdAt, id) order:
 * the same text as JSON.stringify(jsonlRecord(…)) for each of claimBatches'
 * claims (the tests compare the two). One query whose rows are the lines
 * (two at once, on parts of the set, from 40,000 claims: lib/export/ranges.ts),
 * written by PostgreSQL and streamed by COPY (copy-stream.ts): Node only
 * passes bytes on.
 */
export async function* jsonlExport(ctx: ExportContext): AsyncGenerator<Buffer> {
  const { set } = ctx;
  // Each claim's mentions and sources are aggregated in one pass over the set (hash joins, one sort),
  // not looked up claim by claim. They are grouped by claim id in byte order (COLLATE "C"): the groups are
  // the same as by the database's collation (ids are equal only when their bytes are), the sort compares
  // bytes, not locale-aware text, and the planner no longer walks the claim id index to get that order (a
  // heap fetch per mention). At 100k claims the database's CPU for this query was 18% less (3 pairs, same data).
  // In two parts run at once, as the CSV (copyInParts).
  yield* copyInParts(set, (part) => Prisma.sql`
    WITH m AS (
      SELECT a."claimId" COLLATE "C" AS "claimId", string_agg(${Prisma.raw(MENTION)}, ',' ORDER BY a."createdAt", a."id") AS "list"
      FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
      WHERE ${set.mentions} AND a."claimId" IS NOT NULL AND ${part.mentions} GROUP BY 1
    ), s AS (
      SELECT s."claimId" COLLATE "C" AS "claimId", string_agg(${Prisma.raw(SOURCE)}, ',' ORDER BY s."createdAt", s."id") AS "list"
      FROM "Source" s JOIN "Claim" c ON c."id" = s."claimId" WHERE ${set.claims} AND ${part.claims} GROUP BY 1
    )
    SELECT ${Prisma.raw(HEAD)} || ${Prisma.raw(verdictSql(ctx))} || ${Prisma.raw(TAIL)} || E'\n'
    FROM "Claim" c LEFT JOIN m ON m."claimId" = c."id" COLLATE "C" LEFT JOIN s ON s."claimId" = c."id" COLLATE "C"
    WHERE ${set.claims} AND ${part.claims}
    ORDER BY c."createdAt", c."id"`, ctx.signal);
}
