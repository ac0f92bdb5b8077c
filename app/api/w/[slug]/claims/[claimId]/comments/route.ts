import { addComment, commentSchema } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

/** Comments are read with the claim (GET /claims/[claimId]). */
export const POST = workspaceRoute("claim.comment", { body: commentSchema, status: 201 }, ({ access, params, body }) =>
  addComment(access, params.claimId, body),
);
