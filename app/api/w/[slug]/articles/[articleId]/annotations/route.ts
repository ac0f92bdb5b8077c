import { workspaceRoute } from "@/lib/http/handler";
import { createAnnotation, newAnnotationSchema } from "@/lib/annotations/create-annotation";
import { annotationVersions, listAnnotations } from "@/lib/annotations/list-annotations";
import { methods } from "@/lib/http/pipeline";

/**
 * Readers poll this every few seconds with `?since=<annotationsVersion>`; when
 * nothing changed the answer is just the versions, so polling stays cheap.
 */
const get = workspaceRoute("workspace.view", {}, async ({ access, params, req }) => {
  const since = new URL(req.url).searchParams.get("since");
  if (since !== null) {
    const versions = await annotationVersions(access, params.articleId);
    if (String(versions.annotationsVersion) === since) return { ...versions, changed: false };
  }
  return { ...(await listAnnotations(access, params.articleId)), changed: true };
});

const post = workspaceRoute("annotation.create", { body: newAnnotationSchema, status: 201 }, ({ access, params, body }) =>
  createAnnotation(access, params.articleId, body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
