import { workspaceRoute } from "@/lib/http/handler";
import { createAnnotation, newAnnotationSchema } from "@/lib/annotations/create-annotation";
import { IDS_PER_REQUEST } from "@/lib/annotations/annotation-dto";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { methods, validate } from "@/lib/http/pipeline";
import { z } from "zod";
import { ID_PATTERN } from "@/lib/validation/id";

const idsQuery = z.object({
  ids: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.string().regex(ID_PATTERN, "Give highlight ids, comma-separated.")).min(1, "Give at least one highlight id.").max(IDS_PER_REQUEST, `At most ${IDS_PER_REQUEST} ids at once.`)),
});

/**
 * The article's highlights; `?ids=a,b` only those (the reader fetches what a
 * live change named, lib/live). Following changes is the change feed's job
 * (`/live`, `/changes?article=`), not a counter's: there is no `?since=`.
 */
const get = workspaceRoute("workspace.view", {}, async ({ access, params, req }) => {
  const url = new URL(req.url);
  const ids = url.searchParams.get("ids");
  if (ids !== null) {
    const { ids: list } = validate(idsQuery, { ids }, "query");
    return { ...(await listAnnotations(access, params.articleId, list)), changed: true };
  }
  return { ...(await listAnnotations(access, params.articleId)), changed: true };
});

const post = workspaceRoute("annotation.create", { body: newAnnotationSchema, status: 201 }, ({ access, params, body }) =>
  createAnnotation(access, params.articleId, body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
