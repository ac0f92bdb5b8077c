import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { findWebhook } from "./find-webhook";
import type { WebhookEdit } from "./schemas";
import { checkWebhookUrl } from "./target";
import { webhookView, type WebhookView } from "./view";

/** Changes the address, the kinds, or enables/disables (enabling clears the reason the system disabled it). */
export async function updateWebhook(access: Access, webhookId: string, edit: WebhookEdit): Promise<WebhookView> {
  assertCan(access, "workspace.update");
  return db.$transaction(async (tx) => {
    const hook = await findWebhook(tx, access, webhookId);
    const ws = await tx.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select: { webhookAllowHosts: true } });
    const url = edit.url === undefined ? hook.url : checkWebhookUrl(edit.url, ws.webhookAllowHosts ?? []);
    const updated = await tx.webhook.update({
      where: { id: hook.id },
      data: { url, kinds: edit.kinds ?? hook.kinds, ...(edit.enabled === undefined ? {} : { enabled: edit.enabled, disabledReason: null }) },
    });
    await recordChange(tx, { kind: "webhook.changed", workspaceId: access.workspace.id, actorId: access.userId, subjectId: hook.id, data: { action: "edited", url, kinds: updated.kinds } });
    return webhookView(updated);
  });
}
