import { db } from "@/lib/db/client";
import { recordChange } from "@/lib/changes/record";
import type { Worker } from "@/lib/workers";
import { deliveryBody } from "./payload";
import { postDelivery, type SendResult } from "./send";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from "./sign";

/**
 * Sending queued deliveries. Due rows are claimed in one UPDATE … FOR UPDATE
 * SKIP LOCKED that also pushes their next attempt a lease ahead, so two
 * workers (two app instances) never take the same delivery, and a worker that
 * dies mid-send leaves it to be tried again when the lease ends.
 *
 * After a failed attempt (no answer, or any status but 2xx) the next waits
 * BACKOFF_MS[attempt - 1] (the last step repeats); a delivery whose next
 * attempt would fall more than GIVE_UP_AFTER_MS after it was queued is
 * marked failed. A 2xx ends it. A 410 Gone disables the webhook (the
 * receiver says it is gone for good) and fails the delivery; an admin
 * re-enables it on the webhooks page.
 */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000];
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** Longer than a send may take (send.ts's 10 s time limit). */
export const LEASE_MS = 60_000;
const BATCH = 10;

export function nextDelay(attempts: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1];
}

interface Claimed {
  id: string;
  webhookId: string;
  changeId: bigint;
  kind: string;
  attempts: number;
  createdAt: Date;
}

async function claimDue(now: Date, limit: number, workspaceId: string | null): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  return db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d SET "attempts" = d."attempts" + 1, "nextAttemptAt" = ${lease}
    WHERE d."id" IN (
      SELECT q."id" FROM "WebhookDelivery" q JOIN "Webhook" w ON w."id" = q."webhookId"
      WHERE q."status" = 'pending' AND q."nextAttemptAt" <= ${now} AND w."enabled"
        AND (${workspaceId}::text IS NULL OR w."workspaceId" = ${workspaceId}::text)
      ORDER BY q."nextAttemptAt", q."id"
      LIMIT ${limit}
      FOR UPDATE OF q SKIP LOCKED
    )
    RETURNING d."id", d."webhookId", d."changeId", d."kind", d."attempts", d."createdAt"`;
}

async function settle(d: Claimed, r: SendResult, now: Date, url: string): Promise<void> {
  const base = { lastStatusCode: r.status, lastDurationMs: r.durationMs, lastError: r.error };
  // Only the attempt that claimed it may settle it (attempts unchanged since).
  const mine = { id: d.id, attempts: d.attempts, status: "pending" };
  if (r.status !== null && r.status >= 200 && r.status < 300) {
    await db.webhookDelivery.updateMany({ where: mine, data: { ...base, status: "delivered", nextAttemptAt: null, finishedAt: now } });
    return;
  }
  if (r.status === 410) {
    await db.$transaction(async (tx) => {
      await tx.webhookDelivery.updateMany({ where: mine, data: { ...base, lastError: "The endpoint answered 410 Gone: the webhook was disabled.", status: "failed", nextAttemptAt: null, finishedAt: now } });
      const hook = await tx.webhook.update({ where: { id: d.webhookId }, data: { enabled: false, disabledReason: `The endpoint answered 410 Gone on ${now.toISOString()}.` } });
      await recordChange(tx, { kind: "webhook.changed", workspaceId: hook.workspaceId, actorId: null, subjectId: hook.id, data: { action: "edited", url, kinds: hook.kinds } });
    });
    return;
  }
  const next = new Date(now.getTime() + nextDelay(d.attempts));
  const giveUp = next.getTime() > d.createdAt.getTime() + GIVE_UP_AFTER_MS;
  await db.webhookDelivery.updateMany({
    where: mine,
    data: { ...base, lastError: r.error ?? `HTTP ${r.status}`, ...(giveUp ? { status: "failed", nextAttemptAt: null, finishedAt: now } : { nextAttemptAt: next }) },
  });
}

/**
 * One batch of due deliveries; returns how many were attempted. `now` is
 * injectable so tests step through the backoff without waiting, and
 * `workspaceId` keeps a test to its own workspace's queue.
 */
export async function deliverDue(opts: { now?: Date; limit?: number; workspaceId?: string } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const claimed = await claimDue(now, opts.limit ?? BATCH, opts.workspaceId ?? null);
  for (const d of claimed) {
    const hook = await db.webhook.findUnique({ where: { id: d.webhookId }, select: { url: true, secret: true, workspace: { select: { webhookAllowHosts: true } } } });
    const body = hook ? await deliveryBody(d.id, d.changeId) : null;
    if (!hook || body === null) {
      await db.webhookDelivery.updateMany({ where: { id: d.id }, data: { status: "failed", nextAttemptAt: null, finishedAt: now, lastError: "The change or webhook no longer exists." } });
      continue;
    }
    const headers = {
      [SIGNATURE_HEADER]: signatureHeader(hook.secret, Math.floor(now.getTime() / 1000), body),
      [EVENT_HEADER]: d.kind,
      [DELIVERY_HEADER]: d.id,
    };
    const result = await postDelivery(hook.url, headers, body, hook.workspace.webhookAllowHosts ?? []);
    await settle(d, result, now, hook.url);
  }
  return claimed.length;
}

export const webhookWorker: Worker = { name: "webhooks", idleMs: 5_000, tick: () => deliverDue() };
