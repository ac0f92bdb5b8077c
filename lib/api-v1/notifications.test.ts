import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { pageInbox, unreadCount } from "@/lib/notifications/inbox";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { createApiToken } from "./tokens";
import { listNotificationsEndpoint, markAllNotificationsReadEndpoint, markNotificationReadEndpoint, unreadNotificationsEndpoint } from "./endpoints/notifications";
import { apiWorld, call } from "./testing";

type Page = { items: { id: string; title: string; read: boolean; kind: string; workspace: { slug: string } }[]; nextCursor: string | null };

/** `count` notifications for `userId` in the workspace, a second apart, oldest first. */
async function notify(userId: string, workspaceId: string, count: number, prefix: string) {
  const change = await db.change.findFirstOrThrow({ where: { workspaceId }, select: { id: true } });
  const base = Date.now() - count * 1000;
  for (let i = 0; i < count; i++) {
    await db.notification.create({ data: { userId, workspaceId, kind: "commented", changeId: change.id, title: `${prefix} ${i}`, createdAt: new Date(base + i * 1000) } });
  }
}

describe("notifications: paging and /api/v1", () => {
  it("the inbox pages newest first by cursor, every notification once; a bad cursor is a 400 naming cursor", async () => {
    const w = await apiWorld();
    await notify(w.reviewer.id, w.workspace.id, 7, "Note");
    // Two with the same time: the id breaks the tie, so neither is lost or repeated between pages.
    const change = await db.change.findFirstOrThrow({ where: { workspaceId: w.workspace.id }, select: { id: true } });
    const same = new Date(Date.now() - 100_000);
    await db.notification.createMany({ data: ["Tie a", "Tie b"].map((title) => ({ userId: w.reviewer.id, workspaceId: w.workspace.id, kind: "commented", changeId: change.id, title, createdAt: same })) });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await pageInbox(w.reviewer.id, { limit: 3, cursor });
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.slice(0, 7)).toEqual(["Note 6", "Note 5", "Note 4", "Note 3", "Note 2", "Note 1", "Note 0"]);
    expect(seen.slice(7).sort()).toEqual(["Tie a", "Tie b"]);
    await expect(pageInbox(w.reviewer.id, { cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({ status: 400, fields: { cursor: expect.any(String) } });
  });

  it("v1: list (cursor, unread only), unread count, mark one read, mark all read: the token owner's, in the token's workspace only", async () => {
    const w = await apiWorld();
    await notify(w.reviewer.id, w.workspace.id, 3, "Here");
    await notify(w.annotator.id, w.workspace.id, 2, "Not yours");
    // The reviewer's notifications in another workspace stay out of this token's answers.
    const other = await makeWorkspace(w.reviewer);
    await notify(w.reviewer.id, other.workspace.id, 4, "Elsewhere");
    const token = w.tokens.reviewer;
    const params = { ws: w.ws };

    const first = await call<Page>(listNotificationsEndpoint, { token, params, query: { limit: "2" } });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i) => i.title)).toEqual(["Here 2", "Here 1"]);
    expect(first.body.items.every((i) => i.workspace.slug === w.ws && !i.read)).toBe(true);
    const second = await call<Page>(listNotificationsEndpoint, { token, params, query: { limit: "2", cursor: first.body.nextCursor! } });
    expect(second.body.items.map((i) => i.title)).toEqual(["Here 0"]);
    expect(second.body.nextCursor).toBeNull();

    expect((await call(unreadNotificationsEndpoint, { token, params })).body).toEqual({ unread: 3 });
    const marked = await call(markNotificationReadEndpoint, { token, params: { ...params, notificationId: first.body.items[0].id } });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ unread: 2 });
    // Again: nothing changes.
    expect((await call(markNotificationReadEndpoint, { token, params: { ...params, notificationId: first.body.items[0].id } })).body).toEqual({ unread: 2 });
    const unreadOnly = await call<Page>(listNotificationsEndpoint, { token, params, query: { unread: "true" } });
    expect(unreadOnly.body.items.map((i) => i.title)).toEqual(["Here 1", "Here 0"]);

    // Someone else's, or the same person's in another workspace: not found.
    const annotators = await pageInbox(w.annotator.id);
    expect((await call(markNotificationReadEndpoint, { token, params: { ...params, notificationId: annotators.items[0].id } })).status).toBe(404);
    const elsewhere = await pageInbox(w.reviewer.id, { workspaceId: other.workspace.id });
    expect((await call(markNotificationReadEndpoint, { token, params: { ...params, notificationId: elsewhere.items[0].id } })).status).toBe(404);

    expect((await call(markAllNotificationsReadEndpoint, { token, params })).body).toEqual({ unread: 0 });
    expect(await unreadCount(w.reviewer.id, other.workspace.id)).toBe(4);
    expect(await unreadCount(w.annotator.id)).toBe(2);

    const bad = await call(listNotificationsEndpoint, { token, params, query: { limit: "0" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("limit");
    expect((await call(listNotificationsEndpoint, { token: null, params })).status).toBe(401);
    // A token of another workspace can't read this one's.
    const otherToken = (await createApiToken(w.reviewer.id, { name: "other", workspace: other.workspace.slug })).token;
    expect((await call(listNotificationsEndpoint, { token: otherToken, params })).status).toBe(404);
  });
});
