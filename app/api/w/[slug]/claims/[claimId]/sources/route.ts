import { addSource, addSourceSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

const post = workspaceRoute("claim.edit", { body: addSourceSchema, status: 201 }, ({ access, params, body }) => addSource(access, params.claimId, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
