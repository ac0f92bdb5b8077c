import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { markRead } from "@/lib/notifications/inbox";

/** Marks one notification read; answers the new unread count. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: userRoute({}, ({ user, params }) => markRead(user.id, params.notificationId)),
});
