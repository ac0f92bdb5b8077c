import { workspaceRoute } from "@/lib/http/handler";
import { getArticle } from "@/lib/articles/get-article";
import { articleEditSchema, updateArticle } from "@/lib/articles/update-article";
import { ARTICLE_BODY_BYTES, methods } from "@/lib/http/pipeline";

const get = workspaceRoute("workspace.view", {}, ({ access, params }) => getArticle(access.workspace.id, params.articleId));

/** Saves an edit as a new revision and re-anchors the highlights. */
const put = workspaceRoute("article.edit", { body: articleEditSchema, maxBodyBytes: ARTICLE_BODY_BYTES }, ({ access, params, body }) =>
  updateArticle(access, params.articleId, body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, PUT: put });
