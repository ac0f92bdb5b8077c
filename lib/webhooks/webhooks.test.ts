import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { makeMember, makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { createWebhook } from "./create-webhook";
import { listDeliveries } from "./list-deliveries";
import { resendDelivery } from "./resend-delivery";
import { rotateWebhookSecret } from "./rotate-secret";
import { setWebhookAllowHosts } from "./set-allow-hosts";
import { verifySignature } from "./sign";
import { updateWebhook } from "./update-webhook";
import { BACKOFF_MS, deliverDue, GIVE_UP_AFTER_MS } from "./worker";

/** A webhook receiver on loopback: records what arrives and answers `status`. */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}
async function receiver(port = 0) {
  const got: Received[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(status).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const open = { got, server, port: (server.address() as AddressInfo).port, answer: (s: number) => (status = s), close: () => new Promise<void>((r) => server.close(() => r())) };
  servers.push(open);
  return open;
}
const servers: { close: () => Promise<void>; server: http.Server }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) if (s.server.listening) await s.close();
});

async function world(kinds = ["settings.changed"]) {
  const owner = await makeUser();
  const { workspace } = await makeWorkspace(owner);
  const access = await authorize(owner.id, workspace.slug, "workspace.update");
  await setWebhookAllowHosts(access, ["127.0.0.1"]);
  return { owner, workspace, access, kinds };
}

const change = (workspaceId: string, actorId: string, field: string) => ({ kind: "settings.changed" as const, workspaceId, actorId, data: { changes: [{ field, from: 1, to: 2 }] } });

async function deliveries(webhookId: string) {
  return db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });
}

describe("webhook deliveries", () => {
  it("are signed with the secret over timestamp and body, carry the event and delivery headers, and the committed change with its seq", async () => {
    const r = await receiver();
    const w = await world();
    const hook = await createWebhook(w.access, { url: `http://127.0.0.1:${r.port}/hook`, kinds: ["settings.changed"] });
    await db.$transaction((tx) => recordChange(tx, change(w.workspace.id, w.owner.id, "name")));
    const now = new Date(Date.now() + 1000);
    expect(await deliverDue({ now, workspaceId: w.workspace.id })).toBe(1);
    expect(r.got).toHaveLength(1);
    const [req] = r.got;
    const body = JSON.parse(req.body);
    expect(body.event).toBe("settings.changed");
    expect(body.workspace.slug).toBe(w.workspace.slug);
    expect(body.change.seq).toBeGreaterThan(0);
    expect(body.change.data.changes[0].field).toBe("name");
    expect(req.headers["claimtrail-event"]).toBe("settings.changed");
    expect(req.headers["claimtrail-delivery"]).toBe(body.id);
    const sig = String(req.headers["claimtrail-signature"]);
    expect(sig).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const t = Math.floor(now.getTime() / 1000);
    expect(verifySignature(hook.secret, sig, req.body, t)).toBe(true);
    expect(verifySignature(hook.secret, sig, req.body + " ", t)).toBe(false);
    expect(verifySignature("whsec_other", sig, req.body, t)).toBe(false);
    expect(verifySignature(hook.secret, sig, req.body, t + 3600)).toBe(false);
    const [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
    expect(d.lastDurationMs).toBeGreaterThanOrEqual(0);
  });

  it("rotating the secret: the new one is answered once; every delivery sent after, a retry queued before included, is signed with it and not the old; recorded for the audit log", async () => {
    const r = await receiver();
    const w = await world();
    const hook = await createWebhook(w.access, { url: `http://127.0.0.1:${r.port}/hook`, kinds: ["settings.changed"] });
    // Queued before the rotation, sent after it.
    await db.$transaction((tx) => recordChange(tx, change(w.workspace.id, w.owner.id, "before")));
    const rotated = await rotateWebhookSecret(w.access, hook.id);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    expect(rotated).toMatchObject({ id: hook.id, url: hook.url, kinds: hook.kinds, enabled: true });
    await db.$transaction((tx) => recordChange(tx, change(w.workspace.id, w.owner.id, "after")));
    const now = new Date(Date.now() + 1000);
    expect(await deliverDue({ now, workspaceId: w.workspace.id })).toBe(2);
    const t = Math.floor(now.getTime() / 1000);
    expect(r.got.map((g) => JSON.parse(g.body).change.data.changes[0].field).sort()).toEqual(["after", "before"]);
    for (const g of r.got) {
      const sig = String(g.headers["claimtrail-signature"]);
      expect(verifySignature(rotated.secret, sig, g.body, t)).toBe(true);
      expect(verifySignature(hook.secret, sig, g.body, t)).toBe(false);
    }
    // The audit log's entry names the webhook, never a secret.
    const entry = await db.change.findFirstOrThrow({ where: { workspaceId: w.workspace.id, kind: "webhook.changed", subjectId: hook.id }, orderBy: { id: "desc" } });
    expect(entry.data).toEqual({ action: "secret-rotated", url: hook.url, kinds: hook.kinds });
    expect(JSON.stringify(entry.data)).not.toContain("whsec_");
    // Editors can't; another workspace's webhook is not found.
    const editor = await makeMember(w.workspace.id, "reviewer");
    await expect(rotateWebhookSecret(await authorize(editor.user.id, w.workspace.slug, "workspace.view"), hook.id)).rejects.toMatchObject({ status: 403 });
    const other = await world();
    await expect(rotateWebhookSecret(other.access, hook.id)).rejects.toMatchObject({ status: 404 });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).secret).toBe(rotated.secret);
  });

  it("only kinds it subscribed to, and nothing for a rolled-back change", async () => {
    const r = await receiver();
    const w = await world();
    const hook = await createWebhook(w.access, { url: `http://127.0.0.1:${r.port}/`, kinds: ["member.removed"] });
    await db.$transaction((tx) => recordChange(tx, change(w.workspace.id, w.owner.id, "name")));
    await db
      .$transaction(async (tx) => {
        await recordChange(tx, { kind: "member.removed", workspaceId: w.workspace.id, actorId: w.owner.id, data: { user: { id: "u", name: "U" }, role: "viewer" } });
        throw new Error("abort");
      })
      .catch(() => undefined);
    expect(await deliveries(hook.id)).toHaveLength(0);
    expect(await deliverDue({ workspaceId: w.workspace.id })).toBe(0);
    expect(r.got).toHaveLength(0);
  });

  it("retry with backoff while the receiver is down, and arrive once it is back", async () => {
    const r = await receiver();
    const port = r.port;
    const w = await world();
    const hook = await createWebhook(w.access, { url: `http://127.0.0.1:${port}/`, kinds: ["settings.changed"] });
    await r.close(); // down
    await db.$transaction((tx) => recordChange(tx, change(w.workspace.id, w.owner.id, "x")));
    const t0 = Date.now() + 1000;
    expect(await deliverDue({ now: new Date(t0), workspaceId: w.workspace.id })).toBe(1);
    let [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(d.lastError).toMatch(/refused/);
    expect(d.nextAttemptAt!.getTime()).toBe(t0 + BACKOFF_MS[0]);
    // Not due yet: nothing is tried.
    expect(await deliverDue({ now: new Date(t0 + BACKOFF_MS[0] - 1), workspaceId: w.workspace.id })).toBe(0);
    // Second attempt: a 503 from the receiver, back but unwell.
    const back = await receiver(port);
    back.answer(503);
    const t1 = t0 + BACKOFF_MS[0];
    expect(await deliverDue({ now: new Date(t1), workspaceId: w.workspace.id })).toBe(1);
    [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: 503 });
    expect(d.nextAttemptAt!.getTime()).toBe(t1 + BACKOFF_MS[1]);
    back.answer(204);
    expect(await deliverDue({ now: new Date(t1 + BACKOFF_MS[1]), workspaceId: w.workspace.id })).toBe(1);
    [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 204, nextAttemptAt: null });
    expect(back.got).toHaveLength(2);
    expect(back.got[0].headers["claimtrail-delivery"]).toBe(back.got[1].headers["claimtrail-delivery"]);
  });

  it("give up after a day, and a re-send queues it again as a new delivery", async () => {
    const r = await receiver();
    r.answer(500);
    const w = await world();
    const hook = await createWebhook(w.access, { url: `http://127.0.0.1:${r.port}/`, kinds: ["settings.changed"] });
    await db.$transaction((tx) => recordChange(tx, change(w.workspace.id, w.owner.id, "x")));
    let now = Date.now() + 1000;
    let attempts = 0;
    for (;;) {
      const n = await deliverDue({ now: new Date(now), workspaceId: w.workspace.id });
      if (n === 0) break;
      attempts++;
      const [d] = await deliveries(hook.id);
      if (d.status !== "pending") break;
      now = d.nextAttemptAt!.getTime();
    }
    const [d] = await deliveries(hook.id);
    expect(d.status).toBe("failed");
    expect(d.finishedAt!.getTime() - d.createdAt.getTime()).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
    expect(attempts).toBe(7);
    expect(r.got).toHaveLength(7);

    r.answer(200);
    const again = await resendDelivery(w.access, hook.id, d.id);
    expect(again).toMatchObject({ status: "pending", resentFromId: d.id, attempts: 0 });
    expect(await deliverDue({ now: new Date(Date.now() + 1000), workspaceId: w.workspace.id })).toBe(1);
    const log = await listDeliveries(w.access, hook.id, { limit: 10 });
    expect(log.items.map((x) => [x.status, x.resentFromId])).toEqual([
      ["delivered", d.id],
      ["failed", null],
    ]);
    expect(JSON.parse(r.got.at(-1)!.body).change.seq).toBe(JSON.parse(r.got[0].body).change.seq);
  });

  it("a 410 Gone disables the webhook", async () => {
    const r = await receiver();
    r.answer(410);
    const w = await world();
    const hook = await createWebhook(w.access, { url: `http://127.0.0.1:${r.port}/`, kinds: ["settings.changed"] });
    await db.$transaction((tx) => recordChange(tx, change(w.workspace.id, w.owner.id, "x")));
    await deliverDue({ now: new Date(Date.now() + 1000), workspaceId: w.workspace.id });
    const after = await db.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(after.enabled).toBe(false);
    expect(after.disabledReason).toMatch(/410/);
    expect((await deliveries(hook.id))[0].status).toBe("failed");
    // Re-enabled by an admin: the reason goes.
    const enabled = await updateWebhook(w.access, hook.id, { enabled: true });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
  });

  it("two workers at once never deliver one job twice", async () => {
    const r = await receiver();
    const w = await world();
    await createWebhook(w.access, { url: `http://127.0.0.1:${r.port}/`, kinds: ["settings.changed"] });
    await db.$transaction((tx) => Promise.all(Array.from({ length: 30 }, (_, i) => recordChange(tx, change(w.workspace.id, w.owner.id, `f${i}`)))));
    const now = new Date(Date.now() + 1000);
    const worker = async () => {
      let total = 0;
      for (let n = 1; n > 0; total += n) n = await deliverDue({ now, limit: 4, workspaceId: w.workspace.id });
      return total;
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a + b).toBe(30);
    const ids = r.got.map((g) => g.headers["claimtrail-delivery"]);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it("refuse private addresses and plain http unless the host is allowed, naming the url", async () => {
    const owner = await makeUser();
    const { workspace } = await makeWorkspace(owner);
    const access = await authorize(owner.id, workspace.slug, "workspace.update");
    const attempt = (url: string) => createWebhook(access, { url, kinds: ["claim.created"] }).then(() => null, (e: { status: number; fields: Record<string, string> }) => [e.status, Object.keys(e.fields)]);
    for (const url of ["http://127.0.0.1:9/", "https://127.0.0.1/", "https://10.0.0.1/", "https://[::1]/", "https://169.254.169.254/latest", "ftp://example.org/", "https://u:p@example.org/", "not a url"]) {
      expect(await attempt(url), url).toEqual([400, ["url"]]);
    }
    expect(await attempt("https://hooks.example.org/x")).toBeNull();
    await setWebhookAllowHosts(access, ["127.0.0.1:9"]);
    expect(await attempt("http://127.0.0.1:9/")).toBeNull();
    expect(await attempt("http://127.0.0.1:10/")).toEqual([400, ["url"]]);
  });

  it("a host name that resolves to a private address is refused at delivery, saying where the workspace's allow-list is (not the import's IMPORT_ALLOW_HOSTS), and stays queued for a retry", async () => {
    const r = await receiver();
    const owner = await makeUser();
    const { workspace } = await makeWorkspace(owner);
    const access = await authorize(owner.id, workspace.slug, "workspace.update");
    // localhost passes the save-time check (only IP literals are checked there) and resolves to loopback.
    const hook = await createWebhook(access, { url: `https://localhost:${r.port}/hook`, kinds: ["settings.changed"] });
    await db.$transaction((tx) => recordChange(tx, change(workspace.id, owner.id, "x")));
    const t0 = Date.now() + 1000;
    expect(await deliverDue({ now: new Date(t0), workspaceId: workspace.id })).toBe(1);
    const [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: "pending", lastStatusCode: null });
    expect(d.lastError).toContain("Settings → Webhooks");
    expect(d.lastError).toContain(`localhost:${r.port}`);
    expect(d.lastError).not.toContain("IMPORT_ALLOW_HOSTS");
    expect(r.got).toHaveLength(0);
  });

  it("are an admin's business: editors and viewers are refused", async () => {
    const w = await world();
    for (const role of ["viewer", "annotator", "reviewer"] as const) {
      const m = await makeMember(w.workspace.id, role);
      const access = await authorize(m.user.id, w.workspace.slug, "workspace.view");
      await expect(createWebhook(access, { url: "https://hooks.example.org/", kinds: ["claim.created"] })).rejects.toMatchObject({ status: 403 });
    }
  });
});
