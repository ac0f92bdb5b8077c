import { workspaceRoute } from "@/lib/http/handler";
import { getArticle } from "@/lib/articles/get-article";
import { articleEditSchema, updateArticle } from "@/lib/articles/update-article";

export const GET = workspaceRoute("workspace.view", {}, ({ access, params }) => getArticle(access.workspace.id, params.articleId));

/** Saves an edit as a new revision and re-anchors the highlights. */
export const PUT = workspaceRoute("article.edit", { body: articleEditSchema }, ({ access, params, body }) =>
  updateArticle(access, params.articleId, body),
);
