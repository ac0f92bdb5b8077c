import { addRelation, addRelationSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

export const POST = workspaceRoute("claim.edit", { body: addRelationSchema, status: 201 }, ({ access, params, body }) =>
  addRelation(access, params.claimId, body),
);
