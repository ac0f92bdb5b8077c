import { addComment, commentSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** Comments are read with the claim (GET /claims/[claimId]). */
const post = workspaceRoute("claim.comment", { body: commentSchema, status: 201 }, ({ access, params, body }) =>
  addComment(access, params.claimId, body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
