import { deleteClaim, getClaim, updateClaim, updateClaimSchema, versionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** The claim page's data, or { redirectTo } for a claim merged into another. */
const get = workspaceRoute("workspace.view", {}, ({ access, params }) => getClaim(access, params.claimId));

const patch = workspaceRoute("claim.edit", { body: updateClaimSchema }, ({ access, params, body }) => updateClaim(access, params.claimId, body));

/** Soft delete; body { version }. */
const remove = workspaceRoute("claim.delete", { body: versionSchema }, ({ access, params, body }) => deleteClaim(access, params.claimId, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, PATCH: patch, DELETE: remove });
