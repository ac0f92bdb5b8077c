import { attachMention, mentionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

export const POST = workspaceRoute("claim.edit", { body: mentionSchema, status: 201 }, ({ access, params, body }) => attachMention(access, params.claimId, body));
