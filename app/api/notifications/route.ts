import { userRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { listInbox, unreadCount } from "@/lib/notifications/inbox";

/** The signed-in person's inbox: newest notifications and the unread count. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: userRoute({}, async ({ user }) => ({ items: await listInbox(user.id), unread: await unreadCount(user.id) })),
});
