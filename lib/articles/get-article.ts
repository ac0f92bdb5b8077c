import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { DocNode } from "./document";

/** An article of the workspace, with its current document; `revision` picks an earlier one. */
export async function getArticle(workspaceId: string, articleId: string, revision?: number) {
  const article = await db.article.findFirst({
    where: { id: articleId, workspaceId },
    select: {
      id: true,
      title: true,
      publisher: true,
      author: true,
      url: true,
      publishedAt: true,
      language: true,
      tags: true,
      doc: true,
      text: true,
      revision: true,
      annotationsVersion: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      revisions: { orderBy: { number: "desc" }, select: { number: true, createdAt: true, title: true, createdBy: { select: { name: true } } } },
    },
  });
  if (!article) throw notFound("Article not found");
  if (revision === undefined || revision === article.revision) return { ...article, doc: article.doc as unknown as DocNode, shownRevision: article.revision };
  const old = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number: revision } },
    select: { doc: true, text: true, title: true },
  });
  if (!old) throw notFound("Revision not found");
  return { ...article, title: old.title, doc: old.doc as unknown as DocNode, text: old.text, shownRevision: revision };
}
