import { userRoute } from "@/lib/http/handler";
import { methods, validate } from "@/lib/http/pipeline";
import { pageInbox, unreadCount } from "@/lib/notifications/inbox";
import { inboxQuery } from "@/lib/notifications/schemas";

/** The signed-in person's inbox: a page of notifications, newest first (`?limit=&cursor=`), and the unread count. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: userRoute({}, async ({ user, req }) => {
    const query = validate(inboxQuery, Object.fromEntries(new URL(req.url).searchParams), "query");
    const page = await pageInbox(user.id, { limit: query.limit, cursor: query.cursor, unreadOnly: query.unread === "true" });
    return { ...page, unread: await unreadCount(user.id) };
  }),
});
