import { db } from "@/lib/db/client";

export async function listArticles(workspaceId: string) {
  return db.article.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, publisher: true, author: true, publishedAt: true, createdAt: true, tags: true, language: true },
  });
}
