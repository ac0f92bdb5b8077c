import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { conflict, said } from "@/lib/errors";
import { MAX_WEBHOOKS, type NewWebhook } from "./schemas";
import { newWebhookSecret } from "./sign";
import { checkWebhookUrl } from "./target";
import { webhookView, type WebhookView } from "./view";

/** Registers a webhook; the answer carries its signing secret, the only time it is shown. */
export async function createWebhook(access: Access, input: NewWebhook): Promise<WebhookView & { secret: string }> {
  assertCan(access, "workspace.update");
  return db.$transaction(async (tx) => {
    const ws = await tx.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select: { webhookAllowHosts: true } });
    const url = checkWebhookUrl(input.url, ws.webhookAllowHosts ?? []);
    if ((await tx.webhook.count({ where: { workspaceId: access.workspace.id } })) >= MAX_WEBHOOKS) {
      throw conflict(said("webhooks_full", `A workspace may have at most ${MAX_WEBHOOKS} webhooks; delete one first.`, { limit: MAX_WEBHOOKS }), {
        webhooks: said("webhooks_full", "Too many webhooks.", { limit: MAX_WEBHOOKS }),
      });
    }
    const secret = newWebhookSecret();
    const hook = await tx.webhook.create({ data: { workspaceId: access.workspace.id, url, kinds: input.kinds, enabled: input.enabled ?? true, secret, createdById: access.userId } });
    await recordChange(tx, { kind: "webhook.changed", workspaceId: access.workspace.id, actorId: access.userId, subjectId: hook.id, data: { action: "created", url, kinds: hook.kinds } });
    return { ...webhookView(hook), secret };
  });
}
