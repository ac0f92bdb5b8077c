import { userRoute } from "@/lib/http/handler";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { methods } from "@/lib/http/pipeline";

/** Accepting an invite: the signed-in user joins the workspace with the invite's role. */
const post = userRoute({}, async ({ user, params }) => {
  const result = await acceptInvite({ token: params.token, userId: user.id });
  return { workspace: result.workspace, role: result.role, alreadyMember: result.alreadyMember };
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
