import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { findWebhook } from "./find-webhook";
import { deliveryView, type DeliveryView } from "./view";

/** A webhook's delivery log, newest first; `before` is the last delivery of the previous page. */
export async function listDeliveries(access: Access, webhookId: string, opts: { limit: number; before?: { at: Date; id: string } }): Promise<{ items: DeliveryView[]; next: { at: Date; id: string } | null }> {
  assertCan(access, "workspace.update");
  const hook = await findWebhook(db, access, webhookId);
  const rows = await db.webhookDelivery.findMany({
    where: {
      webhookId: hook.id,
      ...(opts.before ? { OR: [{ createdAt: { lt: opts.before.at } }, { createdAt: opts.before.at, id: { lt: opts.before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
  });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return { items: page.map(deliveryView), next: rows.length > opts.limit && last ? { at: last.createdAt, id: last.id } : null };
}
