import { attachMention, mentionSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

const post = workspaceRoute("claim.edit", { body: mentionSchema, status: 201 }, ({ access, params, body }) => attachMention(access, params.claimId, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
