import { z } from "zod";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { getAnnotationView, listAnnotationPage } from "@/lib/annotations/list-annotation-page";
import { restoreAnnotation } from "@/lib/annotations/restore-annotation";
import { highlightPassage, highlightSchema } from "@/lib/annotations/highlight";
import { endpoint } from "../endpoint";
import { decodeCursor, encodeCursor, pageQuery } from "../pagination";
import { annotationSchema, pageOf } from "../schemas";

/** The API's annotation: the reader's view plus its article and W3C selectors. */
function toApi(articleId: string, a: AnnotationView) {
  return {
    ...a,
    articleId,
    selectors: [
      ...(a.start !== null && a.end !== null ? [{ type: "TextPositionSelector" as const, start: a.start, end: a.end }] : []),
      { type: "TextQuoteSelector" as const, exact: a.exact, prefix: a.prefix, suffix: a.suffix },
    ],
  };
}

const bool = z.enum(["true", "false"]).transform((s) => s === "true");

export const listAnnotationsEndpoint = endpoint({
  id: "listAnnotations",
  method: "GET",
  path: "/workspaces/{ws}/articles/{articleId}/annotations",
  tag: "Annotations",
  summary: "List an article's annotations",
  description: "In document order, orphans last. Deleted ones appear only for admins, and only with `deleted=true`.",
  action: "workspace.view",
  query: z.object({
    status: z.enum(["exact", "moved", "fuzzy", "orphaned"]).optional().meta({ description: "Only annotations anchored this way." }),
    hasClaim: bool.optional().meta({ description: "true: only mentions of a claim; false: only plain highlights." }),
    deleted: bool.optional().meta({ description: "Admins: true lists deleted annotations instead." }),
    ...pageQuery,
  }),
  responses: { 200: { description: "A page of annotations.", schema: pageOf(annotationSchema, "AnnotationPage") } },
  handler: async ({ access, params, query }) => {
    const after = query.cursor ? decodeCursor(query.cursor).id : undefined;
    const { items, more } = await listAnnotationPage(access, params.articleId, { status: query.status, hasClaim: query.hasClaim, deleted: query.deleted, limit: query.limit, after });
    const last = items.at(-1);
    return { items: items.map((a) => toApi(params.articleId, a)), nextCursor: more && last ? encodeCursor("", last.id) : null };
  },
});

export const getAnnotationEndpoint = endpoint({
  id: "getAnnotation",
  method: "GET",
  path: "/workspaces/{ws}/articles/{articleId}/annotations/{annotationId}",
  tag: "Annotations",
  summary: "Get an annotation",
  action: "workspace.view",
  responses: { 200: { description: "The annotation.", schema: annotationSchema } },
  handler: async ({ access, params }) => toApi(params.articleId, await getAnnotationView(access, params.articleId, params.annotationId)),
});


export const createAnnotationEndpoint = endpoint({
  id: "createAnnotation",
  method: "POST",
  path: "/workspaces/{ws}/articles/{articleId}/annotations",
  tag: "Annotations",
  summary: "Highlight a passage",
  description:
    "Give W3C `selectors`, or `{start, end}` offsets, or a quote `{exact, prefix, suffix}` that is placed in the current text (lib/anchoring). " +
    "Whitespace at either end is left out. A quote that can't be found exactly is 422; offsets outside the text are 422; a stale `revision` is 409, one the article hasn't reached 400; a field it doesn't take is 400. " +
    "Exactly the words of a live annotation (same start and end, after trimming) are never highlighted twice: that is 409 with `existingAnnotationId`, even for two identical requests at once.",
  action: "annotation.create",
  body: highlightSchema,
  status: 201,
  responses: {
    201: { description: "Created.", schema: annotationSchema },
    409: { description: "`revision` is an earlier one than the article's current one (`currentVersion`), or a live annotation already covers exactly these words (`existingAnnotationId` names it)." },
    422: { description: "The quote isn't in the article, or the offsets are outside it or empty." },
  },
  example: { exact: "about 40,000 vehicles a day", prefix: "The bridge carries ", note: "Check the traffic count" },
  handler: async ({ access, params, body, headers }) => {
    const created = await highlightPassage(access, params.articleId, body);
    headers.set("location", `/api/v1/workspaces/${params.ws}/articles/${params.articleId}/annotations/${created.id}`);
    return toApi(params.articleId, created);
  },
});

export const deleteAnnotationEndpoint = endpoint({
  id: "deleteAnnotation",
  method: "DELETE",
  path: "/workspaces/{ws}/articles/{articleId}/annotations/{annotationId}",
  tag: "Annotations",
  summary: "Delete an annotation",
  description: "Soft delete: annotators their own, admins any (admins can restore in the app). 409 when already deleted.",
  action: "annotation.create",
  responses: { 204: { description: "Deleted." }, 409: { description: "Already deleted." } },
  handler: ({ access, params }) => deleteAnnotation(access, params.articleId, params.annotationId),
});

export const restoreAnnotationEndpoint = endpoint({
  id: "restoreAnnotation",
  method: "POST",
  path: "/workspaces/{ws}/articles/{articleId}/annotations/{annotationId}/restore",
  tag: "Annotations",
  summary: "Restore a deleted annotation",
  description:
    "Undoes a delete: the same annotation comes back with its quote and its claim link. Admins restore any; annotators only one they made and deleted themselves. " +
    "After an edit it is where its words are now (it was re-anchored with the others: `status` says how). 409 when it isn't deleted, or when a live annotation now covers exactly its words (`existingAnnotationId`).",
  action: "annotation.create",
  responses: {
    200: { description: "The restored annotation.", schema: annotationSchema },
    409: { description: "Not deleted, or a live annotation already covers exactly these words (`existingAnnotationId` names it)." },
  },
  handler: async ({ access, params }) => toApi(params.articleId, await restoreAnnotation(access, params.articleId, params.annotationId)),
});
