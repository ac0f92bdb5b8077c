import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { findWebhook } from "./find-webhook";
import { deliveryView, type DeliveryView } from "./view";

/**
 * Queues the same change again as a new delivery (its own id, attempts and
 * day of retries); the original stays in the log as it ended.
 */
export async function resendDelivery(access: Access, webhookId: string, deliveryId: string): Promise<DeliveryView> {
  assertCan(access, "workspace.update");
  return db.$transaction(async (tx) => {
    const hook = await findWebhook(tx, access, webhookId);
    const original = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId: hook.id } });
    if (!original) throw notFound("Delivery not found");
    const copy = await tx.webhookDelivery.create({ data: { webhookId: hook.id, changeId: original.changeId, kind: original.kind, resentFromId: original.id } });
    await recordChange(tx, { kind: "webhook.resent", workspaceId: access.workspace.id, actorId: access.userId, subjectId: hook.id, data: { url: hook.url, deliveryId: original.id, changeKind: original.kind } });
    return deliveryView(copy);
  });
}
