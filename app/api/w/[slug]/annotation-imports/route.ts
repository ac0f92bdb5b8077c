import { importAnnotations, importAnnotationsSchema } from "@/lib/annotation-import/import-annotations";
import { MAX_CONTENT_BYTES } from "@/lib/annotation-import/limits";
import { invalid } from "@/lib/errors";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** Another tool's annotations: `?dryRun=true` (the default) reports span by span; `?dryRun=false` imports in one transaction. */
const post = workspaceRoute("annotation.create", { body: importAnnotationsSchema, maxBodyBytes: MAX_CONTENT_BYTES * 2 }, async ({ access, req, body }) => {
  const given = new URL(req.url).searchParams.get("dryRun");
  if (given !== null && given !== "true" && given !== "false") throw invalid("dryRun must be true or false.", { dryRun: "Use true (report only) or false (import)." });
  return importAnnotations(access, body, { dryRun: given !== "false" });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
