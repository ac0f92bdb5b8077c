import { workspaceRoute } from "@/lib/http/handler";
import { revokeInvite } from "@/lib/invites/revoke-invite";

export const DELETE = workspaceRoute("members.manage", {}, ({ access, params }) =>
  revokeInvite({ workspaceId: access.workspace.id, inviteId: params.inviteId }),
);
