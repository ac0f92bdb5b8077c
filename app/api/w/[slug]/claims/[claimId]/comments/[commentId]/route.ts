import { commentSchema, deleteComment, editComment } from "@/lib/claims";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

const patch = workspaceRoute("claim.comment", { body: commentSchema }, ({ access, params, body }) =>
  editComment(access, params.claimId, params.commentId, body),
);

const remove = workspaceRoute("claim.comment", {}, ({ access, params }) => deleteComment(access, params.claimId, params.commentId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch, DELETE: remove });
