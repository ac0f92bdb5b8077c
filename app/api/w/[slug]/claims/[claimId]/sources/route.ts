import { addSource, addSourceSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

export const POST = workspaceRoute("claim.edit", { body: addSourceSchema, status: 201 }, ({ access, params, body }) => addSource(access, params.claimId, body));
