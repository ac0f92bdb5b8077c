import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { preferencesSchema } from "@/lib/notifications/kinds";
import { getPreferences, setPreferences } from "@/lib/notifications/preferences";

/** Notification preferences: per kind, in-app / immediate / digest / off. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: userRoute({}, ({ user }) => getPreferences(user.id)),
  PUT: userRoute({ body: preferencesSchema }, ({ user, body }) => setPreferences(user.id, body)),
});
