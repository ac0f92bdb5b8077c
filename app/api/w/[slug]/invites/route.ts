import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { publicUrl } from "@/lib/http/public-url";
import { secretJson } from "@/lib/http/security-headers";
import { createInvite, newInviteSchema } from "@/lib/invites/create-invite";
import { listOpenInvites } from "@/lib/invites/list-invites";

const get = workspaceRoute("members.manage", {}, ({ access }) => listOpenInvites(access.workspace.id));

/** The answer holds the invite link, shown this once (so it is never cached). */
const post = workspaceRoute("members.manage", { body: newInviteSchema }, async ({ access, user, body, req }) => {
  const invite = await createInvite({ workspaceId: access.workspace.id, createdById: user.id, role: body.role });
  return secretJson({ ...invite, url: publicUrl(`/invite/${invite.token}`, req.url) }, 201);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
