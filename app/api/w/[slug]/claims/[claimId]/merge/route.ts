import { mergeClaims, mergeClaimsSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** Merges claim `from` into this one; `version` is this claim's. */
const post = workspaceRoute("claim.merge", { body: mergeClaimsSchema }, ({ access, params, body }) => mergeClaims(access, params.claimId, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
