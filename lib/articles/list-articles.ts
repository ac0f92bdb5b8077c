import { db } from "@/lib/db/client";

export async function listArticles(workspaceId: string) {
  const rows = await db.article.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      publisher: true,
      author: true,
      publishedAt: true,
      createdAt: true,
      tags: true,
      language: true,
      _count: { select: { annotations: { where: { deletedAt: null } } } },
    },
  });
  return rows.map(({ _count, ...a }) => ({ ...a, annotationCount: _count.annotations }));
}
