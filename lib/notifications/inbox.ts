import { decodeDateCursor, pageFrom } from "@/lib/api-v1/pagination";
import { db, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { CatalogueTranslate } from "@/lib/i18n/translator";
import { notificationTitle } from "./title";

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

export interface InboxPage {
  items: InboxItem[];
  /** Pass back as `cursor` for the next (older) page; null on the last. */
  nextCursor: string | null;
}

/** Only the person's notifications in workspaces they still belong to; `workspaceId` narrows to one (an API token's). */
function mine(userId: string, workspaceId?: string): Prisma.NotificationWhereInput {
  return { userId, workspace: { memberships: { some: { userId } } }, ...(workspaceId ? { workspaceId } : {}) };
}

/**
 * A page of the person's notifications, newest first, across their
 * workspaces (or one). The cursor is the last item's time and id (the REST
 * API's cursor shape, lib/api-v1/pagination.ts); a malformed one is a 400
 * naming `cursor`. With `words` (the reader's catalogue) titles are in the reader's language; without,
 * in English as written (the REST API's).
 */
export async function pageInbox(userId: string, opts: { limit?: number; cursor?: string; workspaceId?: string; unreadOnly?: boolean; words?: CatalogueTranslate } = {}): Promise<InboxPage> {
  const limit = opts.limit ?? INBOX_PAGE;
  const after = opts.cursor ? decodeDateCursor(opts.cursor) : null;
  const rows = await db.notification.findMany({
    where: {
      ...mine(userId, opts.workspaceId),
      ...(opts.unreadOnly ? { readAt: null } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, kind: true, title: true, params: true, detail: true, actorName: true, claimId: true, createdAt: true, readAt: true, workspace: { select: { slug: true, name: true } } },
  });
  return pageFrom(
    rows,
    limit,
    (r) => ({ key: r.createdAt.toISOString(), id: r.id }),
    (r): InboxItem => ({
      id: r.id,
      kind: r.kind,
      title: opts.words ? notificationTitle(r, opts.words) : r.title,
      detail: r.detail,
      actorName: r.actorName,
      href: r.claimId ? `/w/${r.workspace.slug}/claims/${r.claimId}` : null,
      workspace: r.workspace,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    }),
  );
}

/** The person's newest notifications (the first page), across their workspaces. */
export async function listInbox(userId: string, limit = INBOX_PAGE): Promise<InboxItem[]> {
  return (await pageInbox(userId, { limit })).items;
}

export async function unreadCount(userId: string, workspaceId?: string): Promise<number> {
  return db.notification.count({ where: { ...mine(userId, workspaceId), readAt: null } });
}

/** Marks one of the person's notifications read (someone else's is "not found"). */
export async function markRead(userId: string, notificationId: string, workspaceId?: string): Promise<{ unread: number }> {
  // Already read: left as it was (the first reading's time stays).
  const found = await db.notification.findFirst({ where: { ...mine(userId, workspaceId), id: notificationId }, select: { readAt: true } });
  if (!found) throw notFound("Notification not found");
  if (!found.readAt) await db.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } });
  return { unread: await unreadCount(userId, workspaceId) };
}

/** Marks every one of the person's notifications read (in one workspace, for an API token). */
export async function markAllRead(userId: string, workspaceId?: string): Promise<{ unread: number }> {
  await db.notification.updateMany({ where: { userId, readAt: null, ...(workspaceId ? { workspaceId } : {}) }, data: { readAt: new Date() } });
  return { unread: await unreadCount(userId, workspaceId) };
}
