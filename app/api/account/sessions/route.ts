import { endUserSessions } from "@/lib/auth/sessions";
import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** "Sign out everywhere": ends every session of the signed-in user, this one included. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  DELETE: userRoute({}, async ({ user }) => {
    await endUserSessions(user.id);
  }),
});
