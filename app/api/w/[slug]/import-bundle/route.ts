import { z } from "zod";
import { importBundle, MAX_BUNDLE_BYTES } from "@/lib/bundle-import";
import { invalid } from "@/lib/errors";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/**
 * Imports a Claimtrail bundle (the JSON body, up to 50 MB) into the workspace; admins only.
 * `?dryRun=true` (the default) answers the plan and writes nothing; `?dryRun=false` applies it in one transaction.
 * The pipeline reads and parses the body (size limit, text PostgreSQL can't store); an invalid bundle is a 422 whose `issues` list each problem with its path.
 */
const post = workspaceRoute("workspace.import", { body: z.unknown(), maxBodyBytes: MAX_BUNDLE_BYTES }, async ({ access, req, body }) => {
  const given = new URL(req.url).searchParams.get("dryRun");
  // Only a clear "false" writes; anything else that isn't "true" is a mistake worth naming, not a silent dry run.
  if (given !== null && given !== "true" && given !== "false") throw invalid("dryRun must be true or false.", { dryRun: "Use true (the default: report only) or false (import)." });
  const dryRun = given !== "false";
  return importBundle(access, body, { dryRun });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
