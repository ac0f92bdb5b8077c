import { removeSource, versionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

/** Body { version }. */
export const DELETE = workspaceRoute("claim.edit", { body: versionSchema }, ({ access, params, body }) =>
  removeSource(access, params.claimId, params.sourceId, body),
);
