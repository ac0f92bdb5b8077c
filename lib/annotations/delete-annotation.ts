import { can, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { conflict, forbidden, notFound, said } from "@/lib/errors";

/** Soft delete: annotators their own, admins any. The row and its history stay, restorable by admins, and by whoever deleted their own (undo): restore-annotation.ts. */
export async function deleteAnnotation(access: Access, articleId: string, annotationId: string) {
  await db.$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({
      where: { id: annotationId, articleId, workspaceId: access.workspace.id },
      select: { id: true, createdById: true, deletedAt: true, exact: true, claimId: true },
    });
    if (!annotation) throw notFound("Annotation not found");
    const own = annotation.createdById === access.userId;
    if (!(own && can(access.role, "annotation.create")) && !can(access.role, "annotation.deleteAny")) {
      throw forbidden(said("highlight_delete_own", "You can delete only your own highlights."));
    }
    if (annotation.deletedAt) throw conflict(said("highlight_already_deleted", "This highlight was already deleted."));
    await tx.annotation.update({
      where: { id: annotation.id },
      data: { deletedAt: new Date(), deletedById: access.userId, events: { create: { actorId: access.userId, kind: "deleted" } } },
    });
    await recordChange(tx, {
      kind: "annotation.deleted",
      workspaceId: access.workspace.id,
      actorId: access.userId,
      articleId,
      claimId: annotation.claimId,
      subjectId: annotation.id,
      data: { annotationId: annotation.id, exact: annotation.exact },
    });
  });
}
