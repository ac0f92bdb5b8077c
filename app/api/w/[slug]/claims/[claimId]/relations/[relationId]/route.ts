import { removeRelation, versionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** From either end; body { version } of the claim in the URL. */
const remove = workspaceRoute("claim.edit", { body: versionSchema }, ({ access, params, body }) =>
  removeRelation(access, params.claimId, params.relationId, body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: remove });
