import type { ChangeSubscriber } from "@/lib/changes/subscribers";

/**
 * The change-feed subscriber: in the writer's transaction, one delivery row
 * per change and enabled webhook subscribed to its kind. Nothing is sent
 * here; the worker (worker.ts) sends after the commit, when the change has
 * its seq. A rolled-back change queues nothing.
 *
 * One read per batch of changes, filtered in PostgreSQL by workspace and
 * kind, so a batch whose kinds no webhook takes reads no webhook row and
 * writes nothing. (It can't be skipped without the read: which kinds are
 * subscribed changes on other instances, and a cache here would miss a
 * webhook created there a moment ago.)
 */
export const queueWebhookDeliveries: ChangeSubscriber = async (tx, changes, ids) => {
  if (changes.length === 0) return;
  const workspaceIds = [...new Set(changes.map((c) => c.workspaceId))];
  const kinds = [...new Set<string>(changes.map((c) => c.kind))];
  const hooks = await tx.webhook.findMany({ where: { workspaceId: { in: workspaceIds }, enabled: true, kinds: { hasSome: kinds } }, select: { id: true, workspaceId: true, kinds: true } });
  if (hooks.length === 0) return;
  const rows = changes.flatMap((c, i) => hooks.filter((h) => h.workspaceId === c.workspaceId && h.kinds.includes(c.kind)).map((h) => ({ webhookId: h.id, changeId: ids[i], kind: c.kind })));
  if (rows.length) await tx.webhookDelivery.createMany({ data: rows });
};
