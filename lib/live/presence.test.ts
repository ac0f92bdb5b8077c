import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { db } from "@/lib/db/client";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { workers } from "@/lib/workers";
import { HEARTBEAT_MS, PRESENCE_TTL_MS } from "./heartbeat";
import { heartbeat } from "./presence";
import { PRESENCE_STALE_MS, presenceWorker, sweepPresence } from "./presence-sweep";

describe("presence clean-up", () => {
  it("deletes rows not refreshed for a few heartbeats, keeps the live and the recently gone, and runs in every instance's worker loop", async () => {
    const { workspace, admin } = await makeWorkspace();
    const bo = (await makeMember(workspace.id, "viewer")).user;
    const cy = (await makeMember(workspace.id, "viewer")).user;
    const { article } = await createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs(["Presence", "One sentence."]), metadata: { title: "Presence", tags: [] } });
    const subject = { subject: "article" as const, id: article.id };
    // Three viewers' heartbeats, through the use case.
    for (const u of [admin, bo, cy]) await heartbeat(await authorize(u.id, workspace.slug, "workspace.view"), subject);
    const key = `article:${article.id}`;
    const now = new Date();
    // Bo's tab closed a little while ago (past the TTL, so nobody sees him, but not yet stale); Cy's long ago.
    await db.presence.update({ where: { userId_subject: { userId: bo.id, subject: key } }, data: { lastSeen: new Date(now.getTime() - PRESENCE_TTL_MS - HEARTBEAT_MS) } });
    await db.presence.update({ where: { userId_subject: { userId: cy.id, subject: key } }, data: { lastSeen: new Date(now.getTime() - PRESENCE_STALE_MS - 1000) } });
    expect(PRESENCE_STALE_MS).toBeGreaterThanOrEqual(3 * PRESENCE_TTL_MS);

    expect(await sweepPresence(now)).toBeGreaterThanOrEqual(1);
    const left = await db.presence.findMany({ where: { subject: key }, select: { userId: true } });
    expect(left.map((r) => r.userId).sort()).toEqual([admin.id, bo.id].sort());
    // Nothing stale is left: a second sweep of this subject deletes nothing of it.
    await sweepPresence(now);
    expect(await db.presence.count({ where: { subject: key } })).toBe(2);
    // The app's worker loop (lib/workers) runs the sweep.
    expect(workers).toContain(presenceWorker);
    await db.presence.update({ where: { userId_subject: { userId: bo.id, subject: key } }, data: { lastSeen: new Date(Date.now() - PRESENCE_STALE_MS - 1000) } });
    expect(await presenceWorker.tick()).toBe(0);
    expect(await db.presence.findMany({ where: { subject: key }, select: { userId: true } })).toEqual([{ userId: admin.id }]);
  });
});
