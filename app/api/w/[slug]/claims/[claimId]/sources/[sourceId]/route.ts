import { removeSource, versionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** Body { version }. */
const remove = workspaceRoute("claim.edit", { body: versionSchema }, ({ access, params, body }) =>
  removeSource(access, params.claimId, params.sourceId, body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: remove });
