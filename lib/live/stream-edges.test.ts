import { afterAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { streamChangesEndpoint } from "@/lib/api-v1/endpoints/changes";
import { createApiToken, revokeApiToken } from "@/lib/api-v1/tokens";
import { recordChange, latestSeq } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { removeMember } from "@/lib/members/remove-member";
import { LiveHub } from "./hub";
import { listChanges } from "./list-changes";
import { resumeFrom } from "./query";
import { liveStream } from "./stream";

/**
 * The stream's edges found by an outside tester (issue #12): a revoked
 * credential must end an open stream; a resume point that isn't one, or is
 * past the feed, must be said, not silently turned into "from now"; a scope
 * naming nothing is a 404.
 */
const hub = new LiveHub();
afterAll(() => hub.close());

const settingsChanged = (workspaceId: string, actorId: string, n: number) =>
  db.$transaction((tx) => recordChange(tx, { kind: "settings.changed", workspaceId, actorId, data: { changes: [{ field: `f${n}`, from: n, to: n + 1 }] } }));

/** Reads a stream until it ends or `ms` pass; `done` says whether the server ended it. */
async function readAll(res: Response, ms: number): Promise<{ text: string; done: boolean }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const r = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
    if (r === null) break;
    if (r.done) return { text, done: true };
    text += decoder.decode(r.value, { stream: true });
  }
  await reader.cancel();
  return { text, done: false };
}

describe("live stream edges", () => {
  it("ends an open stream once its credential is no longer good (checked at each keep-alive)", async () => {
    const { workspace, admin } = await makeWorkspace();
    const access = await authorize(admin.id, workspace.slug, "workspace.view");
    let valid = true;
    const res = await liveStream({ access, scope: { kind: "workspace" }, after: undefined, signal: new AbortController().signal, hub, pingMs: 100, stillValid: async () => valid });
    setTimeout(() => (valid = false), 300);
    const { text, done } = await readAll(res, 5000);
    expect(done).toBe(true);
    expect(text).toContain("event: ready");
    expect(text).toContain(": ping");
  });

  it("API v1: a token revoked while its stream is open stops hearing the workspace", async () => {
    const { workspace, admin } = await makeWorkspace();
    const token = await createApiToken(admin.id, { name: "stream", workspace: workspace.slug });
    const req = new Request(`http://localhost/api/v1/workspaces/${workspace.slug}/changes/stream`, { headers: { authorization: `Bearer ${token.token}` } });
    const res = await streamChangesEndpoint(req, { params: Promise.resolve({ ws: workspace.slug }) });
    expect(res.status).toBe(200);
    await revokeApiToken(admin.id, token.id);
    await settingsChanged(workspace.id, admin.id, 1);
    // The revocation reaches the stream through the feed and ends it there: nothing after it is sent.
    const started = Date.now();
    const { text, done } = await readAll(res, 10_000);
    expect(done).toBe(true);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(text).not.toContain("settings.changed");
  }, 30_000);

  it("a viewer removed from the workspace stops hearing it at once, though a viewer never sees member changes", async () => {
    const { workspace, admin } = await makeWorkspace();
    const viewer = await makeMember(workspace.id, "viewer");
    const access = await authorize(viewer.user.id, workspace.slug, "workspace.view");
    const res = await liveStream({ access, scope: { kind: "workspace" }, after: undefined, signal: new AbortController().signal, hub });
    await removeMember({ workspaceId: workspace.id, membershipId: viewer.membership.id, actorId: admin.id });
    await db.$transaction((tx) =>
      recordChange(tx, { kind: "claim.edited", workspaceId: workspace.id, actorId: admin.id, claimId: "cmx00000000000000000000001", data: { field: "statement", from: "a", to: "after removal" } }),
    );
    const { text, done } = await readAll(res, 8000);
    expect(done).toBe(true);
    expect(text).not.toContain("after removal");
  });

  it("a Last-Event-ID that isn't a seq is a 400 naming it; an empty one is no resume point", () => {
    const req = (id: string) => new Request("http://localhost/x", { headers: { "last-event-id": id } });
    for (const bad of ["abc", "-5", "1e3", "12345678901234567"]) {
      expect(() => resumeFrom(req(bad), undefined), bad).toThrow(expect.objectContaining({ status: 400, fields: { "Last-Event-ID": "Not a seq." } }));
    }
    expect(resumeFrom(req(" 42 "), 7)).toBe(42);
    expect(resumeFrom(new Request("http://localhost/x"), 7)).toBe(7);
  });

  it("resuming past the feed's head: the poll answers 400 naming after, the stream sends reset", async () => {
    const { workspace, admin } = await makeWorkspace();
    const access = await authorize(admin.id, workspace.slug, "workspace.view");
    await settingsChanged(workspace.id, admin.id, 1);
    const head = await latestSeq(workspace.id);
    await expect(listChanges(access, { after: head + 1000, limit: 100, scope: { kind: "workspace" } })).rejects.toMatchObject({ status: 400, fields: { after: `At most ${head}.` } });
    // At the head itself: nothing new, no complaint.
    expect(await listChanges(access, { after: head, limit: 100, scope: { kind: "workspace" } })).toEqual({ changes: [], seq: head, more: false });
    const res = await liveStream({ access, scope: { kind: "workspace" }, after: head + 1000, signal: new AbortController().signal, hub });
    const { text } = await readAll(res, 1500);
    expect(text).toContain(`id: ${head}\nevent: reset\ndata: ${head}`);
  });

  it("a well-formed article or claim id that isn't in the workspace is a 404 for the stream and the poll", async () => {
    const { workspace, admin } = await makeWorkspace();
    const access = await authorize(admin.id, workspace.slug, "workspace.view");
    const missing = "cmx00000000000000000000000";
    await expect(liveStream({ access, scope: { kind: "claim", claimId: missing }, after: undefined, signal: new AbortController().signal, hub })).rejects.toMatchObject({ status: 404 });
    await expect(listChanges(access, { after: 0, limit: 10, scope: { kind: "article", articleId: missing } })).rejects.toMatchObject({ status: 404 });
  });
});
