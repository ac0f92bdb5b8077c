import type { Access } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db/generated/client";
import { DomainError, invalid, invalidInput, said } from "@/lib/errors";
import { exportRows } from "./rows";
import { exportFiltersSchema, filtersFromSearchParams, hasClaimFilters, ONLY_SEPARATORS, onlySeparators, paramOf, type ExportFilters, type ExportFiltersInput } from "./filters";
import { tagsMatchSql } from "@/lib/claims/workspace-tags";

/**
 * The set an export holds, as SQL conditions that agree with each other (the
 * one definition the counts and every format use):
 *
 * - claims (alias `c`): live claims (not deleted, not merged into another)
 *   matching the filters; with chosen articles, only claims with a live
 *   mention in one of them;
 * - articles (alias `ar`): the chosen articles (all by default); when a claim
 *   filter is set, only those holding a live mention of an exported claim;
 * - annotations (alias `a`): live highlights on the exported articles that are
 *   mentions of exported claims, plus, when no claim filter is set, highlights
 *   not attached to any claim.
 *
 * A claim's mentions in an export are its annotations in the set
 * (`mentions`, alias `a`), so every mention points at an exported article.
 */
export interface ExportSet {
  filters: ExportFilters;
  workspaceId: string;
  claims: Prisma.Sql;
  articles: Prisma.Sql;
  annotations: Prisma.Sql;
  mentions: Prisma.Sql;
}

/** Parses filters from query parameters or an object; 400 naming the bad parameter. */
export function parseExportFilters(input: URLSearchParams | ExportFiltersInput): ExportFilters {
  const separators = input instanceof URLSearchParams ? onlySeparators(input) : null;
  // Coded as the schema's refusals are (invalid_fields, with the field's code), for the page to say it in the reader's language.
  if (separators) throw new DomainError(400, "Some export filters are invalid.", { [separators]: said("required", ONLY_SEPARATORS) }, { code: "invalid_fields" });
  const raw = input instanceof URLSearchParams ? filtersFromSearchParams(input) : input;
  const parsed = exportFiltersSchema.safeParse(raw);
  // Named as the query parameter is (`verdict`, not `verdict.0`; `tag`, not `tags`).
  if (!parsed.success) throw invalidInput("Some export filters are invalid.", parsed.error, paramOf);
  return parsed.data;
}

const DATE_COLUMNS = { claimDate: Prisma.raw(`c."claimDate"`), createdAt: Prisma.raw(`c."createdAt"`) };

/** `%`, `_` and `\` match themselves in the claimant substring. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export function exportSet(access: Access, input: URLSearchParams | ExportFiltersInput | ExportFilters): ExportSet {
  assertCan(access, "workspace.view");
  const f = parseExportFilters(input as ExportFiltersInput);
  const workspaceId = access.workspace.id;

  const and: Prisma.Sql[] = [Prisma.sql`c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL`];
  if (f.reviewState?.length) and.push(Prisma.sql`c."reviewState" = ANY(${f.reviewState}::text[])`);
  if (f.verdict?.length) {
    const real = f.verdict.filter((v) => v !== "none");
    const none = f.verdict.includes("none");
    and.push(Prisma.sql`(c."verdict" = ANY(${real}::text[])${none ? Prisma.sql` OR c."verdict" IS NULL` : Prisma.empty})`);
  }
  if (f.withVerdict) and.push(Prisma.sql`c."verdict" IS NOT NULL`);
  // Tags match whatever their case, as in the claims list.
  if (f.tags?.length) and.push(tagsMatchSql(workspaceId, f.tags));
  if (f.claimant) and.push(Prisma.sql`c."claimant" ILIKE ${`%${likeEscape(f.claimant)}%`}`);
  // Days as PostgreSQL dates: `to` + 1 day stays valid for 9999-12-31, which a JavaScript Date would write as +010000.
  if (f.from) and.push(Prisma.sql`${DATE_COLUMNS[f.dateField]} >= ${f.from}::date`);
  if (f.to) and.push(Prisma.sql`${DATE_COLUMNS[f.dateField]} < ${f.to}::date + 1`);
  const chosen = f.articles?.length ? f.articles : null;
  if (chosen) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" m WHERE m."claimId" = c."id" AND m."deletedAt" IS NULL AND m."articleId" = ANY(${chosen}::text[]))`);
  const claims = Prisma.join(and, " AND ");

  const narrowed = hasClaimFilters(f);
  const articles = Prisma.sql`ar."workspaceId" = ${workspaceId}${chosen ? Prisma.sql` AND ar."id" = ANY(${chosen}::text[])` : Prisma.empty}${
    narrowed ? Prisma.sql` AND EXISTS (SELECT 1 FROM "Annotation" m JOIN "Claim" c ON c."id" = m."claimId" WHERE m."articleId" = ar."id" AND m."deletedAt" IS NULL AND ${claims})` : Prisma.empty
  }`;
  const mentions = Prisma.sql`a."workspaceId" = ${workspaceId} AND a."deletedAt" IS NULL${chosen ? Prisma.sql` AND a."articleId" = ANY(${chosen}::text[])` : Prisma.empty}`;
  const annotations = Prisma.sql`${mentions} AND (EXISTS (SELECT 1 FROM "Claim" c WHERE c."id" = a."claimId" AND ${claims})${narrowed ? Prisma.empty : Prisma.sql` OR a."claimId" IS NULL`})`;
  return { filters: f, workspaceId, claims, articles, annotations, mentions };
}

/**
 * Runs the set's three conditions once in PostgreSQL, so anything in them the
 * database refuses fails here, before an export's first byte, rather than
 * cutting a download off after its header. EXISTS stops at the first row.
 */
export async function checkExportSet(set: ExportSet): Promise<void> {
  await checkChosenArticles(set);
  await exportRows(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM "Claim" c WHERE ${set.claims}) AS claims,
           EXISTS (SELECT 1 FROM "Article" ar WHERE ${set.articles}) AS articles,
           EXISTS (SELECT 1 FROM "Annotation" a WHERE ${set.annotations}) AS annotations`);
}

/**
 * Chosen articles must be this workspace's: an id that isn't (mistyped, another workspace's, a claim's) would
 * otherwise be dropped without a word, and an export of it alone would be an empty file (black-box B10).
 */
async function checkChosenArticles(set: ExportSet): Promise<void> {
  const chosen = set.filters.articles;
  if (!chosen?.length) return;
  const found = new Set((await exportRows<{ id: string }>(Prisma.sql`SELECT id FROM "Article" WHERE "workspaceId" = ${set.workspaceId} AND id = ANY(${chosen}::text[])`)).map((r) => r.id));
  const missing = chosen.find((id) => !found.has(id));
  if (missing === undefined) return;
  const value = missing.slice(0, 64);
  const message = said("unknown_article", `No article in this workspace has the id “${value}”.`, { value });
  throw invalid(message, { articles: message });
}

export interface ExportCounts {
  articles: number;
  annotations: number;
  claims: number;
}

/** How many articles, annotations and claims an export with these filters holds. */
export async function countExportSet(access: Access, input: URLSearchParams | ExportFiltersInput): Promise<ExportCounts> {
  const set = exportSet(access, input);
  await checkChosenArticles(set);
  if (hasClaimFilters(set.filters)) return countNarrowed(set);
  return set.filters.articles?.length ? countBySearch(set) : countWholeWorkspace(set.workspaceId);
}

/**
 * A set narrowed by claim filters, in one statement: its claims read once, their live mentions (in the chosen
 * articles, if any) through the mentions' covering index, and the articles those are in. The same numbers as
 * countBySearch (lib/export/count-tally.test.ts holds them together), whose three counts tested each of the
 * workspace's highlights and articles against the filters: 0.75–1.3 s at 100k claims for `reviewState=approved`
 * (black-box, session 37), against 0.12–0.2 s here.
 */
async function countNarrowed(set: ExportSet): Promise<ExportCounts> {
  const [row] = await exportRows<{ articles: string; annotations: string; claims: string }>(Prisma.sql`
    WITH c AS MATERIALIZED (SELECT c."id" FROM "Claim" c WHERE ${set.claims}),
         a AS MATERIALIZED (SELECT a."articleId" FROM c JOIN "Annotation" a ON a."claimId" = c."id" WHERE ${set.mentions})
    SELECT (SELECT count(*) FROM c) AS claims, (SELECT count(*) FROM a) AS annotations,
           (SELECT count(*) FROM (SELECT DISTINCT "articleId" FROM a) d) AS articles`);
  return { articles: Number(row.articles), annotations: Number(row.annotations), claims: Number(row.claims) };
}

/** Counts the set's rows: as many as the filters leave. */
export async function countBySearch(set: ExportSet): Promise<ExportCounts> {
  const count = async (sql: Prisma.Sql) => Number((await exportRows<{ n: string }>(sql))[0].n);
  const [articles, annotations, claims] = await Promise.all([
    count(Prisma.sql`SELECT count(*) AS n FROM "Article" ar WHERE ${set.articles}`),
    count(Prisma.sql`SELECT count(*) AS n FROM "Annotation" a WHERE ${set.annotations}`),
    count(Prisma.sql`SELECT count(*) AS n FROM "Claim" c WHERE ${set.claims}`),
  ]);
  return { articles, annotations, claims };
}

/**
 * The whole workspace (what the export page counts first) from the counts the database keeps (migrations
 * dashboard_claim_tally and workspace_content_tally), in one statement so the three agree: counting every row took
 * 305 ms at 100k claims and grew with the workspace. lib/export/count-tally.test.ts holds it to countBySearch.
 */
async function countWholeWorkspace(workspaceId: string): Promise<ExportCounts> {
  const [row] = await exportRows<{ articles: number; annotations: number; claims: string }>(Prisma.sql`
    SELECT coalesce(t."articleCount", 0) AS articles, coalesce(t."annotationCount", 0) AS annotations,
           (SELECT coalesce(sum("claimCount"), 0) FROM "WorkspaceClaimTally" WHERE "workspaceId" = ${workspaceId}) AS claims
      FROM (SELECT 1) one LEFT JOIN "WorkspaceContentTally" t ON t."workspaceId" = ${workspaceId}`);
  return { articles: Number(row.articles), annotations: Number(row.annotations), claims: Number(row.claims) };
}
