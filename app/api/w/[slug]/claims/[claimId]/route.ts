import { deleteClaim, getClaim, updateClaim, updateClaimSchema, versionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

/** The claim page's data, or { redirectTo } for a claim merged into another. */
export const GET = workspaceRoute("workspace.view", {}, ({ access, params }) => getClaim(access, params.claimId));

export const PATCH = workspaceRoute("claim.edit", { body: updateClaimSchema }, ({ access, params, body }) => updateClaim(access, params.claimId, body));

/** Soft delete; body { version }. */
export const DELETE = workspaceRoute("claim.delete", { body: versionSchema }, ({ access, params, body }) => deleteClaim(access, params.claimId, body));
