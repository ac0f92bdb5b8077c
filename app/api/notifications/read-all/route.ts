import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { markAllRead } from "@/lib/notifications/inbox";

/** Marks every notification read. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: userRoute({}, ({ user }) => markAllRead(user.id)),
});
