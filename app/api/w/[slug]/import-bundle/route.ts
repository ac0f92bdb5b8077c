import { importBundleStream, MAX_BUNDLE_BYTES } from "@/lib/bundle-import";
import { spooledUpload } from "@/lib/bundle-import/spool";
import { invalid } from "@/lib/errors";
import { workspaceRoute } from "@/lib/http/handler";
import { methods, tooLarge } from "@/lib/http/pipeline";
import { unproxied } from "@/lib/http/unproxied";

/**
 * Imports a Claimtrail bundle (the JSON body) into the workspace; admins only.
 * `?dryRun=true` (the default) answers the plan and writes nothing; `?dryRun=false` applies it in one transaction.
 * The body is streamed, never held whole (lib/bundle-import/stream.ts): checked entity by entity as it
 * arrives (bytes that aren't UTF-8 JSON, or text that can't be stored, are a 400; past MAX_BUNDLE_BYTES a 413;
 * an invalid bundle a 422 whose `issues` list each problem with its path), copied to a temporary file as it
 * is read, and written from that file.
 */
const post = workspaceRoute("workspace.import", {}, async ({ access, req }) => {
  const given = new URL(req.url).searchParams.get("dryRun");
  // Only a clear "false" writes; anything else that isn't "true" is a mistake worth naming, not a silent dry run.
  if (given !== null && given !== "true" && given !== "false") throw invalid("dryRun must be true or false.", { dryRun: "Use true (the default: report only) or false (import)." });
  const dryRun = given !== "false";
  const upload = await spooledUpload(req, MAX_BUNDLE_BYTES, () => tooLarge(MAX_BUNDLE_BYTES));
  try {
    return await importBundleStream(access, upload.source, { dryRun });
  } finally {
    await upload.dispose();
  }
});

// proxy.ts leaves this route out (it would read the whole body first): its checks run here instead.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: unproxied(post) });
