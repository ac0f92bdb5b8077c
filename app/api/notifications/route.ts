import { userRoute } from "@/lib/http/handler";
import { methods, validate } from "@/lib/http/pipeline";
import { pageInbox, unreadCount } from "@/lib/notifications/inbox";
import { inboxQuery } from "@/lib/notifications/schemas";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";
import { catalogueTranslatorFor } from "@/lib/i18n/translator";

/** The signed-in person's inbox: a page of notifications, newest first (`?limit=&cursor=`), and the unread count. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: userRoute({}, async ({ user, req }) => {
    const query = validate(inboxQuery, Object.fromEntries(new URL(req.url).searchParams), "query");
    // The inbox page's next pages: titles in the reader's language, as on the page itself.
    // Read from the request itself (next/headers' cookies() is for rendering, not for route handlers' callers).
    const words = await catalogueTranslatorFor(await localeOfRequest(req, user.id, user.locale));
    const page = await pageInbox(user.id, { limit: query.limit, cursor: query.cursor, unreadOnly: query.unread === "true", words });
    return { ...page, unread: await unreadCount(user.id) };
  }),
});
