import { z } from "zod";
import { markAllRead, markRead, pageInbox, unreadCount } from "@/lib/notifications/inbox";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { inboxQuery } from "@/lib/notifications/schemas";
import { endpoint } from "../endpoint";
import { pageOf } from "../schemas";

/**
 * The token owner's notifications (lib/notifications), in the token's one
 * workspace: the same inbox the bell and /inbox show, as an API. Anyone who
 * may view the workspace has an inbox, so the action is workspace.view.
 */
const dateTime = z.iso.datetime({ offset: true });
const tag = "Notifications";

const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: `One of ${NOTIFICATION_KINDS.join(", ")}.` }),
    title: z.string().meta({ description: "What happened, in one line." }),
    detail: z.string().nullable().meta({ description: "The note or reason given with it, or the comment's text; else null." }),
    actorName: z.string().nullable().meta({ description: "Who did it, as named when it happened." }),
    href: z.string().nullable().meta({ description: "The page it is about (a claim), relative to the app; null when there is none." }),
    workspace: z.object({ slug: z.string(), name: z.string() }),
    createdAt: dateTime,
    read: z.boolean(),
  })
  .meta({ id: "Notification" });

const unreadSchema = z.object({ unread: z.int().meta({ description: "How many of the token owner's notifications in this workspace are unread." }) }).meta({ id: "UnreadCount" });

export const listNotificationsEndpoint = endpoint({
  id: "listNotifications",
  method: "GET",
  path: "/workspaces/{ws}/notifications",
  tag,
  summary: "List your notifications",
  description: "The token owner's notifications in this workspace, newest first: assignments, send-backs, approvals, reopenings, merges, deletions, comments, @mentions, accepted invites. `unread=true` lists only unread ones.",
  action: "workspace.view",
  query: inboxQuery,
  responses: { 200: { description: "A page of notifications.", schema: pageOf(notificationSchema, "NotificationPage") } },
  handler: ({ access, query }) => pageInbox(access.userId, { workspaceId: access.workspace.id, limit: query.limit, cursor: query.cursor, unreadOnly: query.unread === "true" }),
});

export const unreadNotificationsEndpoint = endpoint({
  id: "countUnreadNotifications",
  method: "GET",
  path: "/workspaces/{ws}/notifications/unread-count",
  tag,
  summary: "Count your unread notifications",
  action: "workspace.view",
  responses: { 200: { description: "The unread count.", schema: unreadSchema } },
  handler: async ({ access }) => ({ unread: await unreadCount(access.userId, access.workspace.id) }),
});

export const markNotificationReadEndpoint = endpoint({
  id: "markNotificationRead",
  method: "POST",
  path: "/workspaces/{ws}/notifications/{notificationId}/read",
  tag,
  summary: "Mark a notification read",
  description: "Marking one already read changes nothing. Someone else's notification, or one in another workspace, is not found.",
  action: "workspace.view",
  responses: { 200: { description: "Marked; the new unread count.", schema: unreadSchema } },
  handler: ({ access, params }) => markRead(access.userId, params.notificationId, access.workspace.id),
});

export const markAllNotificationsReadEndpoint = endpoint({
  id: "markAllNotificationsRead",
  method: "POST",
  path: "/workspaces/{ws}/notifications/read-all",
  tag,
  summary: "Mark all your notifications read",
  description: "Every notification of the token owner in this workspace.",
  action: "workspace.view",
  responses: { 200: { description: "Marked; the new unread count (0).", schema: unreadSchema } },
  handler: ({ access }) => markAllRead(access.userId, access.workspace.id),
});
