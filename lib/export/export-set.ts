import type { Access } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/problem";
import { exportFiltersSchema, filtersFromSearchParams, hasClaimFilters, type ExportFilters, type ExportFiltersInput } from "./filters";

/**
 * The set an export holds, as three Prisma filters that agree with each other:
 *
 * - claims: live claims (not deleted, not merged into another) matching the
 *   filters; with chosen articles, only claims with a live mention in one of them;
 * - articles: the chosen articles (all by default); when a claim filter is
 *   set, only those holding a live mention of an exported claim;
 * - annotations: live highlights on the exported articles that are mentions
 *   of exported claims, plus, when no claim filter is set, highlights not
 *   attached to any claim.
 *
 * A claim's mentions in an export are its annotations in the set, so every
 * mention points at an exported article.
 */
export interface ExportSet {
  filters: ExportFilters;
  claims: Prisma.ClaimWhereInput;
  articles: Prisma.ArticleWhereInput;
  annotations: Prisma.AnnotationWhereInput;
  /** Mentions of one batch of exported claims: add `claimId: { in: ids }`. */
  mentions: Prisma.AnnotationWhereInput;
}

/** Parses filters from query parameters or an object; 400 naming the bad parameter. */
export function parseExportFilters(input: URLSearchParams | ExportFiltersInput): ExportFilters {
  const raw = input instanceof URLSearchParams ? filtersFromSearchParams(input) : input;
  const parsed = exportFiltersSchema.safeParse(raw);
  if (!parsed.success) throw invalid("Some export filters are invalid.", fieldErrors(parsed.error));
  return parsed.data;
}

const DAY_MS = 86_400_000;

export function exportSet(access: Access, input: URLSearchParams | ExportFiltersInput | ExportFilters): ExportSet {
  assertCan(access, "workspace.view");
  const f = parseExportFilters(input as ExportFiltersInput);
  const workspaceId = access.workspace.id;
  const chosen = f.articles?.length ? { in: f.articles } : undefined;

  const and: Prisma.ClaimWhereInput[] = [{ workspaceId, deletedAt: null, mergedIntoId: null }];
  if (f.reviewState?.length) and.push({ reviewState: { in: f.reviewState } });
  if (f.verdict?.length) {
    const real = f.verdict.filter((v) => v !== "none");
    and.push({ OR: [...(real.length ? [{ verdict: { in: real } }] : []), ...(f.verdict.includes("none") ? [{ verdict: null }] : [])] });
  }
  if (f.withVerdict) and.push({ verdict: { not: null } });
  if (f.tags?.length) and.push({ tags: { hasSome: f.tags } });
  if (f.claimant) and.push({ claimant: { contains: f.claimant, mode: "insensitive" } });
  if (f.from || f.to) {
    const range: Prisma.DateTimeFilter = {};
    if (f.from) range.gte = new Date(`${f.from}T00:00:00Z`);
    if (f.to) range.lt = new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS);
    and.push({ [f.dateField]: range });
  }
  if (chosen) and.push({ mentions: { some: { deletedAt: null, articleId: chosen } } });
  const claims: Prisma.ClaimWhereInput = { AND: and };

  const narrowed = hasClaimFilters(f);
  const articles: Prisma.ArticleWhereInput = {
    workspaceId,
    ...(chosen ? { id: chosen } : {}),
    ...(narrowed ? { annotations: { some: { deletedAt: null, claim: claims } } } : {}),
  };
  const mentions: Prisma.AnnotationWhereInput = { workspaceId, deletedAt: null, ...(chosen ? { articleId: chosen } : {}) };
  const annotations: Prisma.AnnotationWhereInput = {
    ...mentions,
    OR: [{ claim: claims }, ...(narrowed ? [] : [{ claimId: null }])],
  };
  return { filters: f, claims, articles, annotations, mentions };
}

export interface ExportCounts {
  articles: number;
  annotations: number;
  claims: number;
}

/** How many articles, annotations and claims an export with these filters holds. */
export async function countExportSet(access: Access, input: URLSearchParams | ExportFiltersInput): Promise<ExportCounts> {
  const set = exportSet(access, input);
  const [articles, annotations, claims] = await Promise.all([
    db.article.count({ where: set.articles }),
    db.annotation.count({ where: set.annotations }),
    db.claim.count({ where: set.claims }),
  ]);
  return { articles, annotations, claims };
}
