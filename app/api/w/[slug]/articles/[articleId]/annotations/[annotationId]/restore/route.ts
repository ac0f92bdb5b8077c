import { workspaceRoute } from "@/lib/http/handler";
import { restoreAnnotation } from "@/lib/annotations/delete-annotation";

export const POST = workspaceRoute("annotation.restore", {}, ({ access, params }) =>
  restoreAnnotation(access, params.articleId, params.annotationId),
);
