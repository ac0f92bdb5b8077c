import { workspaceRoute } from "@/lib/http/handler";
import { secretJson } from "@/lib/http/security-headers";
import { createInvite, newInviteSchema } from "@/lib/invites/create-invite";
import { listOpenInvites } from "@/lib/invites/list-invites";

export const GET = workspaceRoute("members.manage", {}, ({ access }) => listOpenInvites(access.workspace.id));

export const POST = workspaceRoute("members.manage", { body: newInviteSchema }, async ({ access, user, body, req }) => {
  const invite = await createInvite({ workspaceId: access.workspace.id, createdById: user.id, role: body.role });
  return secretJson({ ...invite, url: new URL(`/invite/${invite.token}`, req.url).toString() }, 201);
});
