import { endUserSessions } from "@/lib/auth/sessions";
import { userRoute } from "@/lib/http/handler";

/** "Sign out everywhere": ends every session of the signed-in user, this one included. */
export const DELETE = userRoute({}, async ({ user }) => {
  await endUserSessions(user.id);
});
