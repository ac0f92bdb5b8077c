import { workspaceRoute } from "@/lib/http/handler";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";

/** Soft delete; the domain decides between "own" (annotators) and "any" (admins). */
export const DELETE = workspaceRoute("annotation.create", {}, ({ access, params }) =>
  deleteAnnotation(access, params.articleId, params.annotationId),
);
