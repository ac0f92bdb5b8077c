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
      _count: { select: { annotations: { where: { deletedAt: null } } } },
    },
  });
  return rows.map(({ _count, ...a }) => ({ ...a, publishedAt: displayableDate(a.publishedAt), modifiedAt: displayableDate(a.modifiedAt), annotationCount: _count.annotations }));
}
