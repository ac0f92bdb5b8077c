import { addRelation, addRelationSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

const post = workspaceRoute("claim.edit", { body: addRelationSchema, status: 201 }, ({ access, params, body }) =>
  addRelation(access, params.claimId, body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
