import { workspaceRoute } from "@/lib/http/handler";
import { restoreAnnotation } from "@/lib/annotations/restore-annotation";
import { methods } from "@/lib/http/pipeline";

/** Undo a delete, or an admin's restore: the domain decides who may (restore-annotation.ts). */
const post = workspaceRoute("annotation.create", {}, ({ access, params }) => restoreAnnotation(access, params.articleId, params.annotationId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
