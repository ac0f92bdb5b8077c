import { workspaceRoute } from "@/lib/http/handler";
import { createInvite, newInviteSchema } from "@/lib/invites/create-invite";
import { listOpenInvites } from "@/lib/invites/list-invites";
import { methods } from "@/lib/http/pipeline";

const get = workspaceRoute("members.manage", {}, ({ access }) => listOpenInvites(access.workspace.id));

const post = workspaceRoute("members.manage", { body: newInviteSchema, status: 201 }, async ({ access, user, body, req }) => {
  const invite = await createInvite({ workspaceId: access.workspace.id, createdById: user.id, role: body.role });
  return { ...invite, url: new URL(`/invite/${invite.token}`, req.url).toString() };
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
