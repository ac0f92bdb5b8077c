import { listArticles } from "@/lib/articles/list-articles";
import { importArticle, importRequestSchema } from "@/lib/articles/import";
import { workspaceRoute } from "@/lib/http/handler";

export const GET = workspaceRoute("workspace.view", {}, ({ access }) => listArticles(access.workspace.id));

/** One article: pasted text or one uploaded file. 201 when stored, 200 when the same text is already there. */
export const POST = workspaceRoute("article.create", { body: importRequestSchema }, async ({ access, user, body }) => {
  const { filename, format, content, ...metadata } = body;
  const result = await importArticle({ workspaceId: access.workspace.id, actorId: user.id, filename, format, content, metadata });
  return Response.json(result, { status: result.status === "created" ? 201 : 200 });
});
