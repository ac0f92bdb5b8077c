import { articlePageFromParams } from "@/lib/articles/list-articles";
import { importArticle, importRequestSchema } from "@/lib/articles/import";
import { workspaceRoute } from "@/lib/http/handler";
import { ARTICLE_BODY_BYTES, methods } from "@/lib/http/pipeline";

/** A page of the articles, newest first: `?q=&tag=&limit=&cursor=` as in API v1, answered with `{ items, nextCursor }`. */
const get = workspaceRoute("workspace.view", {}, ({ access, req }) => articlePageFromParams(access.workspace.id, new URL(req.url).searchParams));

/** One article: pasted text or one uploaded file. 201 when stored, 200 when the same text is already there. */
const post = workspaceRoute("article.create", { body: importRequestSchema, maxBodyBytes: ARTICLE_BODY_BYTES }, async ({ access, user, body }) => {
  const { filename, format, content, ...metadata } = body;
  const result = await importArticle({ workspaceId: access.workspace.id, actorId: user.id, filename, format, content, metadata });
  return Response.json(result, { status: result.status === "created" ? 201 : 200 });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
