import { importUrl, urlImportSchema } from "@/lib/articles/import-url";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** One page by address, with its reviewed metadata. 201 when stored, 200 when already there. */
const post = workspaceRoute("article.create", { body: urlImportSchema }, async ({ access, body }) => {
  const result = await importUrl(access, body);
  return Response.json(result, { status: result.status === "created" ? 201 : 200 });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
