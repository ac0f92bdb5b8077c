import { can, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { annotationSelect, toView, type AnnotationView } from "./annotation-dto";

export interface AnnotationSnapshot {
  revision: number;
  annotations: AnnotationView[];
}

/**
 * The article's highlights in document order (orphans last). Deleted ones are
 * included only for admins, who can restore them.
 */
export async function listAnnotations(access: Access, articleId: string, ids?: string[]): Promise<AnnotationSnapshot> {
  const article = await db.article.findFirst({
    where: { id: articleId, workspaceId: access.workspace.id },
    select: { revision: true },
  });
  if (!article) throw notFound("Article not found");
  const rows = await db.annotation.findMany({
    // `ids`: only these (a live page fetching what changed, never the whole list again).
    where: { articleId, ...(ids ? { id: { in: ids } } : {}), ...(can(access.role, "annotation.restore") ? {} : { deletedAt: null }) },
    orderBy: [{ start: { sort: "asc", nulls: "last" } }, { end: "desc" }, { createdAt: "asc" }],
    select: annotationSelect,
  });
  return { ...article, annotations: rows.map(toView) };
}
