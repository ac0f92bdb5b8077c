import { editSource, editSourceSchema, removeSource, versionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** Body { version } plus the fields to change; answers the claim. */
const patch = workspaceRoute("claim.edit", { body: editSourceSchema }, ({ access, params, body }) => editSource(access, params.claimId, params.sourceId, body));

/** Body { version }. */
const remove = workspaceRoute("claim.edit", { body: versionSchema }, ({ access, params, body }) =>
  removeSource(access, params.claimId, params.sourceId, body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch, DELETE: remove });
