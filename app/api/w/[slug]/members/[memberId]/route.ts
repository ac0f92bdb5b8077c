import { workspaceRoute } from "@/lib/http/handler";
import { changeRole, changeRoleSchema } from "@/lib/members/change-role";
import { removeMember } from "@/lib/members/remove-member";
import { methods } from "@/lib/http/pipeline";

const patch = workspaceRoute("members.manage", { body: changeRoleSchema }, ({ access, params, body }) =>
  changeRole({ workspaceId: access.workspace.id, membershipId: params.memberId, role: body.role, actorId: access.userId }),
);

const remove = workspaceRoute("members.manage", {}, ({ access, params }) =>
  removeMember({ workspaceId: access.workspace.id, membershipId: params.memberId, actorId: access.userId }),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch, DELETE: remove });
