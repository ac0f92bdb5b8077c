import { commentSchema, deleteComment, editComment } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";

export const PATCH = workspaceRoute("claim.comment", { body: commentSchema }, ({ access, params, body }) =>
  editComment(access, params.claimId, params.commentId, body),
);

export const DELETE = workspaceRoute("claim.comment", {}, ({ access, params }) => deleteComment(access, params.claimId, params.commentId));
