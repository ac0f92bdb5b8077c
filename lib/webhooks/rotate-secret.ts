import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { findWebhook } from "./find-webhook";
import { newWebhookSecret } from "./sign";
import { webhookView, type WebhookView } from "./view";

/**
 * Replaces a webhook's signing secret; the answer carries the new one, the
 * only time it is shown. Every delivery from now on, retries of ones queued
 * before included, is signed with the new secret (the worker reads it when
 * it sends); the old one signs nothing more. Recorded for the audit log.
 */
export async function rotateWebhookSecret(access: Access, webhookId: string): Promise<WebhookView & { secret: string }> {
  assertCan(access, "workspace.update");
  return db.$transaction(async (tx) => {
    const hook = await findWebhook(tx, access, webhookId);
    const secret = newWebhookSecret();
    const updated = await tx.webhook.update({ where: { id: hook.id }, data: { secret } });
    await recordChange(tx, { kind: "webhook.changed", workspaceId: access.workspace.id, actorId: access.userId, subjectId: hook.id, data: { action: "secret-rotated", url: hook.url, kinds: hook.kinds } });
    return { ...webhookView(updated), secret };
  });
}
