import { articlePage, articlePageQuery } from "@/lib/articles/list-articles";
import { importArticle, importRequestSchema } from "@/lib/articles/import";
import { workspaceRoute } from "@/lib/http/handler";
import { ARTICLE_BODY_BYTES, methods, validate } from "@/lib/http/pipeline";

/** A page of the articles, newest first: `?q=&tag=&limit=&cursor=` as in API v1, answered with `{ items, nextCursor }`; 400 naming a parameter it doesn't take. */
const get = workspaceRoute("workspace.view", {}, ({ access, req }) =>
  articlePage(access.workspace.id, validate(articlePageQuery.strict(), Object.fromEntries(new URL(req.url).searchParams), "query")),
);

/** One article: pasted text or one uploaded file. 201 when stored, 200 when the same text is already there. */
const post = workspaceRoute("article.create", { body: importRequestSchema, maxBodyBytes: ARTICLE_BODY_BYTES }, async ({ access, user, body }) => {
  const { filename, format, content, ...metadata } = body;
  const result = await importArticle({ workspaceId: access.workspace.id, actorId: user.id, filename, format, content, metadata });
  return Response.json(result, { status: result.status === "created" ? 201 : 200 });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
