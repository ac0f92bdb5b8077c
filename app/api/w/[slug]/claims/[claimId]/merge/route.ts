import { mergeClaims, mergeClaimsSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

/** Merges claim `from` into this one; `version` is this claim's. */
export const POST = workspaceRoute("claim.merge", { body: mergeClaimsSchema }, ({ access, params, body }) => mergeClaims(access, params.claimId, body));
