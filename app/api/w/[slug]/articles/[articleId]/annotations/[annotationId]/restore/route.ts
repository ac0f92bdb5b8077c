import { workspaceRoute } from "@/lib/http/handler";
import { restoreAnnotation } from "@/lib/annotations/delete-annotation";
import { methods } from "@/lib/http/pipeline";

const post = workspaceRoute("annotation.restore", {}, ({ access, params }) =>
  restoreAnnotation(access, params.articleId, params.annotationId),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
