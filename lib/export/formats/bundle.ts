import { HISTORY_FEED_KINDS } from "@/lib/claims/claim-changes";
import { db } from "@/lib/db/client";
import { labelsByLocale, verdictLabels } from "@/lib/claims/verdicts";
import { Prisma } from "@/lib/db/generated/client";
import { iso, type ExportContext } from "../context";
import { closeAll, copyTuples, copyValues, snapshotConnections } from "../copy-stream";
import type { ExportChunk } from "../export";
import type { ExportSet } from "../export-set";
import { jsonb, num, object, str, time } from "../json-sql";

export const BUNDLE_FORMAT = "claimtrail-bundle";
export const BUNDLE_VERSION = 1;

/**
 * The Claimtrail bundle: everything needed to rebuild the set in another
 * instance, ids as they are here (an importer remaps them). Sections in a
 * fixed order and keys in a fixed order; articles and claims in (createdAt,
 * id) order; each article's annotations and each claim's sources,
 * relations, events and comments follow their parent's order, then
 * (createdAt, id). So two exports of unchanged data differ only in
 * `exportedAt`, and every section is one query whose rows PostgreSQL writes as JSON and COPY
 * streams (copy-stream.ts), so memory holds a few network chunks at any size.
 *
 * Mentions are the annotations' `claimId`s. `people` lists everyone the
 * other sections name (creators, assignees, approvers, actors, authors).
 * Only live rows: deleted highlights, claims and comments, and claims merged
 * into others, are left out. Relations are those with both ends in the set.
 */
export async function* bundleExport(ctx: ExportContext): AsyncGenerator<ExportChunk> {
  const { set } = ctx;
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: ctx.workspace.id }, select: { id: true, slug: true, name: true, createdAt: true, verdictLabels: true } });
  const header = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: ctx.exportedAt.toISOString(),
    workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, createdAt: iso(workspace.createdAt), verdictLabels: verdictLabels(labelsByLocale(workspace.verdictLabels).en), verdictLabelsByLocale: labelsByLocale(workspace.verdictLabels) },
    filters: set.filters,
  };
  const exported = bundleQueries(set);
  // Every section, the tags and the people from one snapshot, taken before the first byte, one query after another
  // on one connection: a claim merged or a highlight deleted while the bundle streams changes none of them, so the
  // sections agree with each other.
  const [connection] = await snapshotConnections(1);
  const opts = { connection, signal: ctx.signal };
  try {
    yield JSON.stringify(header).slice(0, -1);
    for (const [key, sql] of exported.sections) {
      yield `,\n${JSON.stringify(key)}:[`;
      yield* items(copyValues(sql, opts));
      yield "]";
    }
    const tags: string[] = [];
    for await (const rows of copyTuples(exported.tags, opts)) for (const [tag] of rows) tags.push(tag!.toString("utf8"));
    yield `,\n"tags":${JSON.stringify(tags.sort())}`;
    yield ',\n"people":[';
    yield* items(copyValues(exported.people, opts));
    yield "]\n}\n";
  } finally {
    await closeAll([connection]);
  }
}

/**
 * Each row is `,\n<item>`; the array's first item goes without the comma, and
 * a non-empty array ends with "\n" (the layout jsonArrayItems writes).
 */
async function* items(rows: AsyncGenerator<Buffer>): AsyncGenerator<ExportChunk> {
  let first = true;
  for await (const chunk of rows) {
    yield first ? chunk.subarray(1) : chunk;
    first = false;
  }
  if (!first) yield "\n";
}

const row = (sql: string) => Prisma.raw(`',\n' || ${sql}`);

/**
 * The bundle's sections as queries whose rows are the items' JSON (json-sql.ts),
 * each one query in the sections' order, children after their parents' order;
 * the tags, and the people every section names, from the same sets.
 */
function bundleQueries(set: ExportSet) {
  const revisions = set.filters.revisions
    ? `, "revisions":' || COALESCE((SELECT '[' || string_agg(${object([
        ["number", num(`v."number"`)],
        ["title", str(`v."title"`)],
        ["contentHash", str(`v."contentHash"`)],
        ["createdById", str(`v."createdById"`)],
        ["createdAt", time(`v."createdAt"`)],
        ["doc", jsonb(`v."doc"`)],
        ["text", str(`v."text"`)],
      ])}, ',' ORDER BY v."number") || ']' FROM "ArticleRevision" v WHERE v."articleId" = ar."id"), '[]') || '`
    : "";
  const article = object([
    ["id", str(`ar."id"`)],
    ["title", str(`ar."title"`)],
    ["publisher", str(`ar."publisher"`)],
    ["author", str(`ar."author"`)],
    ["url", str(`ar."url"`)],
    ["publishedAt", time(`ar."publishedAt"`)],
    ["language", str(`ar."language"`)],
    ["tags", str(`ar."tags"`)],
    ["pageStarts", str(`ar."pageStarts"`)],
    ["contentHash", str(`ar."contentHash"`)],
    ["revision", num(`ar."revision"`)],
    ["createdById", str(`ar."createdById"`)],
    ["createdAt", time(`ar."createdAt"`)],
    ["updatedAt", time(`ar."updatedAt"`)],
    ["doc", jsonb(`ar."doc"`)],
    ["text", str(`ar."text"`)],
  ]).replace(/ \|\| '}'$/, () => ` || '${revisions.replace(/^, /, ",")}}'`);
  const quote = object([["type", `'"TextQuoteSelector"'`], ["exact", str(`a."exact"`)], ["prefix", str(`a."prefix"`)], ["suffix", str(`a."suffix"`)]]);
  const position = object([["type", `'"TextPositionSelector"'`], ["start", num(`a."start"`)], ["end", num(`a."end"`)]]);
  const annotation = object([
    ["id", str(`a."id"`)],
    ["articleId", str(`a."articleId"`)],
    ["claimId", str(`a."claimId"`)],
    ["selectors", `'[' || CASE WHEN a."start" IS NOT NULL AND a."end" IS NOT NULL THEN ${position} || ',' ELSE '' END || ${quote} || ']'`],
    ["status", str(`a."status"::text`)],
    ["anchoredRevision", num(`a."anchoredRevision"`)],
    ["note", str(`a."note"`)],
    ["createdById", str(`a."createdById"`)],
    ["createdAt", time(`a."createdAt"`)],
    ["updatedAt", time(`a."updatedAt"`)],
  ]);
  const claim = object([
    ["id", str(`c."id"`)],
    ["statement", str(`c."statement"`)],
    ["claimant", str(`c."claimant"`)],
    ["claimDate", time(`c."claimDate"`)],
    ["reviewState", str(`c."reviewState"`)],
    ["verdict", str(`c."verdict"`)],
    ["explanation", jsonb(`c."explanation"`)],
    ["explanationText", str(`c."explanationText"`)],
    ["tags", str(`c."tags"`)],
    ["assigneeId", str(`c."assigneeId"`)],
    ["createdById", str(`c."createdById"`)],
    ["approvedById", str(`c."approvedById"`)],
    ["approvedAt", time(`c."approvedAt"`)],
    ["version", num(`c."version"`)],
    ["createdAt", time(`c."createdAt"`)],
    ["updatedAt", time(`c."updatedAt"`)],
  ]);
  const source = object([
    ["id", str(`s."id"`)],
    ["claimId", str(`s."claimId"`)],
    ["url", str(`s."url"`)],
    ["title", str(`s."title"`)],
    ["publisher", str(`s."publisher"`)],
    ["publishedAt", time(`s."publishedAt"`)],
    ["accessedAt", time(`s."accessedAt"`)],
    ["kind", str(`s."kind"`)],
    ["stance", str(`s."stance"`)],
    ["note", str(`s."note"`)],
    ["createdById", str(`s."createdById"`)],
    ["createdAt", time(`s."createdAt"`)],
  ]);
  const relation = object([
    ["id", str(`r."id"`)],
    ["fromId", str(`r."fromId"`)],
    ["toId", str(`r."toId"`)],
    ["type", str(`r."type"`)],
    ["note", str(`r."note"`)],
    ["createdById", str(`r."createdById"`)],
    ["createdAt", time(`r."createdAt"`)],
  ]);
  // A claim's history is its part of the change feed, written out under the history's names ("edited",
  // "commented"; lib/claims/claim-changes.ts). Members @mentioned in a comment aren't carried (the comment is).
  const event = object([
    ["id", str(`e."id"::text`)],
    ["claimId", str(`e."claimId"`)],
    ["kind", str(`CASE e."kind" WHEN 'comment.created' THEN 'commented' ELSE substr(e."kind", 7) END`)],
    // Most events hold no `mentioned`: their data is written as stored, not copied by `-` first.
    ["data", jsonb(`CASE WHEN e."data" ? 'mentioned' THEN e."data" - 'mentioned' ELSE e."data" END`)],
    // The feed keeps the id of an account since removed; the bundle names no one it can't list among its people
    // (joined, not looked up event by event: a third of the section's database CPU).
    ["actorId", str(`eu."id"`)],
    ["createdAt", time(`e."createdAt"`)],
  ]);
  const comment = object([
    ["id", str(`k."id"`)],
    ["claimId", str(`k."claimId"`)],
    ["authorId", str(`k."authorId"`)],
    ["body", jsonb(`k."body"`)],
    ["bodyText", str(`k."bodyText"`)],
    ["createdAt", time(`k."createdAt"`)],
    ["updatedAt", time(`k."updatedAt"`)],
  ]);
  const relationInSet = Prisma.sql`EXISTS (SELECT 1 FROM "Claim" c WHERE c."id" = r."toId" AND ${set.claims})`;
  const sections: [string, Prisma.Sql][] = [
    ["articles", Prisma.sql`SELECT ${row(article)} FROM "Article" ar WHERE ${set.articles} ORDER BY ar."createdAt", ar."id"`],
    [
      "annotations",
      Prisma.sql`SELECT ${row(annotation)} FROM "Article" ar JOIN "Annotation" a ON a."articleId" = ar."id"
        WHERE ${set.articles} AND ${set.annotations} ORDER BY ar."createdAt", ar."id", a."createdAt", a."id"`,
    ],
    ["claims", Prisma.sql`SELECT ${row(claim)} FROM "Claim" c WHERE ${set.claims} ORDER BY c."createdAt", c."id"`],
    ["sources", Prisma.sql`SELECT ${row(source)} FROM "Claim" c JOIN "Source" s ON s."claimId" = c."id" WHERE ${set.claims} ORDER BY c."createdAt", c."id", s."createdAt", s."id"`],
    [
      "relations",
      Prisma.sql`SELECT ${row(relation)} FROM "Claim" c JOIN "ClaimRelation" r ON r."fromId" = c."id" WHERE ${set.claims} AND ${relationInSet} ORDER BY c."createdAt", c."id", r."createdAt", r."id"`,
    ],
    [
      "events",
      Prisma.sql`SELECT ${row(event)} FROM "Claim" c JOIN "Change" e ON e."claimId" = c."id" AND e."workspaceId" = c."workspaceId"
        LEFT JOIN "User" eu ON eu."id" = e."actorId"
        WHERE ${set.claims} AND e."seq" IS NOT NULL AND e."kind" = ANY(${HISTORY_FEED_KINDS}::text[]) ORDER BY c."createdAt", c."id", e."seq"`,
    ],
    [
      "comments",
      Prisma.sql`SELECT ${row(comment)} FROM "Claim" c JOIN "ClaimComment" k ON k."claimId" = c."id" WHERE ${set.claims} AND k."deletedAt" IS NULL ORDER BY c."createdAt", c."id", k."createdAt", k."id"`,
    ],
  ];
  // Everyone the sections above name: creators, assignees, approvers, actors (and the people an assignee change names), authors.
  // Each part DISTINCT: the planner then knows it holds a few people (the column's statistics) and hashes them, where
  // the UNION of every row (1.9 million at 100k claims) was sorted on disk to find the same few.
  const named = Prisma.sql`
    SELECT DISTINCT ar."createdById" AS id FROM "Article" ar WHERE ${set.articles}
    ${set.filters.revisions ? Prisma.sql`UNION SELECT DISTINCT v."createdById" FROM "Article" ar JOIN "ArticleRevision" v ON v."articleId" = ar."id" WHERE ${set.articles}` : Prisma.empty}
    UNION SELECT DISTINCT a."createdById" FROM "Article" ar JOIN "Annotation" a ON a."articleId" = ar."id" WHERE ${set.articles} AND ${set.annotations}
    UNION SELECT DISTINCT unnest(ARRAY[c."assigneeId", c."createdById", c."approvedById"]) FROM "Claim" c WHERE ${set.claims}
    UNION SELECT DISTINCT s."createdById" FROM "Claim" c JOIN "Source" s ON s."claimId" = c."id" WHERE ${set.claims}
    UNION SELECT DISTINCT r."createdById" FROM "Claim" c JOIN "ClaimRelation" r ON r."fromId" = c."id" WHERE ${set.claims} AND ${relationInSet}
    UNION SELECT DISTINCT unnest(ARRAY[e."actorId", CASE WHEN e."data"->>'field' = 'assignee' THEN e."data"->'from'->>'id' END, CASE WHEN e."data"->>'field' = 'assignee' THEN e."data"->'to'->>'id' END])
      FROM "Claim" c JOIN "Change" e ON e."claimId" = c."id" AND e."workspaceId" = c."workspaceId" WHERE ${set.claims} AND e."kind" LIKE 'claim.%'
    UNION SELECT DISTINCT k."authorId" FROM "Claim" c JOIN "ClaimComment" k ON k."claimId" = c."id" WHERE ${set.claims} AND k."deletedAt" IS NULL`;
  const person = object([["id", str(`u."id"`)], ["name", str(`u."name"`)], ["email", str(`u."email"`)]]);
  return {
    sections,
    tags: Prisma.sql`SELECT DISTINCT unnest(c."tags") AS tag FROM "Claim" c WHERE ${set.claims}`,
    // Ids are cuids (ASCII): byte order is the order JavaScript's sort gives.
    people: Prisma.sql`SELECT ${row(person)} FROM "User" u WHERE u."id" IN (${named}) ORDER BY u."id" COLLATE "C"`,
  };
}

