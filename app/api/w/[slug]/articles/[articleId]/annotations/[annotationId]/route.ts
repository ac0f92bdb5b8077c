import { workspaceRoute } from "@/lib/http/handler";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { methods } from "@/lib/http/pipeline";

/** Soft delete; the domain decides between "own" (annotators) and "any" (admins). */
const remove = workspaceRoute("annotation.create", {}, ({ access, params }) =>
  deleteAnnotation(access, params.articleId, params.annotationId),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: remove });
