import { workspaceRoute } from "@/lib/http/handler";
import { changeRole, changeRoleSchema } from "@/lib/members/change-role";
import { removeMember } from "@/lib/members/remove-member";

export const PATCH = workspaceRoute("members.manage", { body: changeRoleSchema }, ({ access, params, body }) =>
  changeRole({ workspaceId: access.workspace.id, membershipId: params.memberId, role: body.role }),
);

export const DELETE = workspaceRoute("members.manage", {}, ({ access, params }) =>
  removeMember({ workspaceId: access.workspace.id, membershipId: params.memberId }),
);
