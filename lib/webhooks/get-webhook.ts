import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { findWebhook } from "./find-webhook";
import { webhookView, type WebhookView } from "./view";

export async function getWebhook(access: Access, webhookId: string): Promise<WebhookView> {
  assertCan(access, "workspace.update");
  return webhookView(await findWebhook(db, access, webhookId));
}
