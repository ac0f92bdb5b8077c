import { removeRelation, versionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

/** From either end; body { version } of the claim in the URL. */
export const DELETE = workspaceRoute("claim.edit", { body: versionSchema }, ({ access, params, body }) =>
  removeRelation(access, params.claimId, params.relationId, body),
);
