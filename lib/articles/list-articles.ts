import { z } from "zod";
import { decodeDateCursor, pageFrom, pageQuery, type Page } from "@/lib/api-v1/pagination";
import { db, type Prisma } from "@/lib/db/client";
import { displayableDate } from "./dates";
import { articleMetadataSelect } from "./article-metadata-select";

export interface ArticleListOptions {
  /** Substring of the title, case-insensitive. */
  q?: string;
  tag?: string;
  /** Keyset: only articles created before this one (newest first). */
  before?: { createdAt: Date; id: string };
  limit?: number;
}

/** A workspace's articles, newest first, with their live highlight counts: the workspace page and the API. */
export async function listArticles(workspaceId: string, opts: ArticleListOptions = {}) {
  const and: Prisma.ArticleWhereInput[] = [{ workspaceId }];
  if (opts.q) and.push({ title: { contains: opts.q, mode: "insensitive" } });
  if (opts.tag) and.push({ tags: { has: opts.tag } });
  if (opts.before) {
    const { createdAt, id } = opts.before;
    and.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  const rows = await db.article.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit,
    select: {
      ...articleMetadataSelect,
      revision: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  // Counted for these articles only, by their index. Prisma's `_count` of a relation joins a count of every
  // highlight in the database grouped by article, so one page cost in proportion to all of them (black-box B4).
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db.$queryRaw<{ articleId: string; n: number }[]>`
        SELECT "articleId", count(*)::int AS n FROM "Annotation" WHERE "articleId" = ANY(${ids}::text[]) AND "deletedAt" IS NULL GROUP BY "articleId"`
    : [];
  const countOf = new Map(counts.map((c) => [c.articleId, c.n]));
  return rows.map((a) => ({ ...a, publishedAt: displayableDate(a.publishedAt), modifiedAt: displayableDate(a.modifiedAt), annotationCount: countOf.get(a.id) ?? 0 }));
}

/** The newest articles by id and title, for a chooser (the annotation import's target): at most `limit`. */
export async function recentArticleChoices(workspaceId: string, limit = 500): Promise<{ id: string; title: string }[]> {
  return db.article.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: { id: true, title: true } });
}

export type ArticleListItem = Awaited<ReturnType<typeof listArticles>>[number];

/** The query of a page of the article list (cookie API, v1, and the workspace page): `q`, `tag`, `limit` (1–100, 50), `cursor`. */
export const articlePageQuery = z.object({
  q: z.string().trim().min(1).max(300).optional().meta({ description: "Substring of the title, case-insensitive." }),
  tag: z.string().trim().min(1).max(40).optional().meta({ description: "Only articles with this tag." }),
  ...pageQuery,
});

/**
 * One page of a workspace's articles, newest first, and the cursor of the next: a workspace of
 * thousands of articles is never read (nor its highlights counted) whole for one page (black-box
 * finding: the workspace page listed 2,000 articles, 2 MB of HTML, in 0.85 s).
 */
export async function articlePage(workspaceId: string, query: z.output<typeof articlePageQuery>): Promise<Page<ArticleListItem>> {
  let before: { createdAt: Date; id: string } | undefined;
  if (query.cursor) {
    const { at, id } = decodeDateCursor(query.cursor);
    before = { createdAt: at, id };
  }
  const rows = await listArticles(workspaceId, { q: query.q, tag: query.tag, before, limit: query.limit + 1 });
  return pageFrom(rows, query.limit, (r) => ({ key: r.createdAt.toISOString(), id: r.id }), (r) => r);
}
