import { workspaceRoute } from "@/lib/http/handler";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { methods } from "@/lib/http/pipeline";

const remove = workspaceRoute("members.manage", {}, ({ access, params }) =>
  revokeInvite({ workspaceId: access.workspace.id, inviteId: params.inviteId, actorId: access.userId }),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: remove });
