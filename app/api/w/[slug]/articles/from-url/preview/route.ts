import { previewUrlImport, urlPreviewRequestSchema } from "@/lib/articles/preview-url-import";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

const post = workspaceRoute("article.create", { body: urlPreviewRequestSchema }, async ({ access, body }) => ({ results: await previewUrlImport(access, body.urls) }));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
