import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  detail: string | null;
  actorName: string | null;
  href: string | null;
  workspace: { slug: string; name: string };
  createdAt: string;
  read: boolean;
}

export const INBOX_PAGE = 50;

/** The person's newest notifications, across their workspaces (only those they still belong to). */
export async function listInbox(userId: string, limit = INBOX_PAGE): Promise<InboxItem[]> {
  const rows = await db.notification.findMany({
    where: { userId, workspace: { memberships: { some: { userId } } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, title: true, detail: true, actorName: true, claimId: true, createdAt: true, readAt: true, workspace: { select: { slug: true, name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    detail: r.detail,
    actorName: r.actorName,
    href: r.claimId ? `/w/${r.workspace.slug}/claims/${r.claimId}` : null,
    workspace: r.workspace,
    createdAt: r.createdAt.toISOString(),
    read: r.readAt !== null,
  }));
}

export async function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null, workspace: { memberships: { some: { userId } } } } });
}

/** Marks one of the person's notifications read (someone else's is "not found"). */
export async function markRead(userId: string, notificationId: string): Promise<{ unread: number }> {
  const { count } = await db.notification.updateMany({ where: { id: notificationId, userId }, data: { readAt: new Date() } });
  if (count === 0) throw notFound("Notification not found");
  return { unread: await unreadCount(userId) };
}

export async function markAllRead(userId: string): Promise<{ unread: number }> {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return { unread: await unreadCount(userId) };
}
