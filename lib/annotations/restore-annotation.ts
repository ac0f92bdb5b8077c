import { assertCan, can, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { conflict, forbidden, notFound, said } from "@/lib/errors";
import { annotationSelect, toView, type AnnotationView } from "./annotation-dto";
import { duplicateSpan, findLiveTwin } from "./live-twin";

/**
 * Brings a soft-deleted highlight back as it was: the same row, so the same
 * quote and the same claim link. Admins restore any; anyone else only one they
 * made and deleted themselves (the reader's "Undo").
 *
 * If the article was edited meanwhile, the deleted highlight was re-anchored
 * with all the others in that edit (update-article.ts), so it comes back where
 * its words are now (moved, fuzzy, or orphaned), never at stale offsets. If
 * someone highlighted the very same words in the meantime, it stays deleted
 * and the answer is a 409 naming that highlight.
 */
export async function restoreAnnotation(access: Access, articleId: string, annotationId: string): Promise<AnnotationView> {
  assertCan(access, "annotation.create", "Viewers can't restore highlights.");
  return db.$transaction(async (tx) => {
    // The same lock as creating a highlight: the duplicate check below can't race a create or another restore.
    const [article] = await tx.$queryRaw<{ id: string; revision: number }[]>`
      SELECT id, revision FROM "Article" WHERE id = ${articleId} AND "workspaceId" = ${access.workspace.id} FOR UPDATE`;
    if (!article) throw notFound("Article not found");
    const row = await tx.annotation.findFirst({
      where: { id: annotationId, articleId },
      select: { id: true, createdById: true, deletedById: true, deletedAt: true, start: true, end: true, status: true },
    });
    if (!row) throw notFound("Highlight not found");
    // Live highlights are visible to every member, so saying this one isn't deleted tells nothing new.
    if (!row.deletedAt) throw conflict(said("highlight_not_deleted", "This highlight isn't deleted (it may have been restored already)."));
    const ownUndo = row.createdById === access.userId && row.deletedById === access.userId;
    if (!ownUndo && !can(access.role, "annotation.restore")) {
      throw forbidden(said("highlight_restore_admin", "Only admins can restore highlights someone else deleted."));
    }
    if (row.start !== null && row.end !== null) {
      const twin = await findLiveTwin(tx, articleId, { start: row.start, end: row.end }, row.id);
      if (twin) throw duplicateSpan(twin.id);
    }
    const restored = await tx.annotation.update({
      where: { id: row.id },
      data: {
        deletedAt: null,
        deletedById: null,
        events: { create: { actorId: access.userId, kind: "restored", data: { start: row.start, end: row.end, status: row.status, revision: article.revision } } },
      },
      select: annotationSelect,
    });
    await recordChange(tx, {
      kind: "annotation.restored",
      workspaceId: access.workspace.id,
      actorId: access.userId,
      articleId,
      claimId: restored.claim?.id ?? null,
      subjectId: restored.id,
      data: { annotationId: restored.id, exact: restored.exact },
    });
    return toView(restored);
  });
}
