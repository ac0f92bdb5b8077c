import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { findWebhook } from "./find-webhook";

/** Deletes a webhook with its delivery log; queued deliveries are not sent. */
export async function deleteWebhook(access: Access, webhookId: string): Promise<void> {
  assertCan(access, "workspace.update");
  await db.$transaction(async (tx) => {
    const hook = await findWebhook(tx, access, webhookId);
    await tx.webhook.delete({ where: { id: hook.id } });
    await recordChange(tx, { kind: "webhook.changed", workspaceId: access.workspace.id, actorId: access.userId, subjectId: hook.id, data: { action: "deleted", url: hook.url, kinds: hook.kinds } });
  });
}
