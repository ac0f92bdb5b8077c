import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { webhookView, type WebhookView } from "./view";

export async function listWebhooks(access: Access): Promise<{ items: WebhookView[]; allowHosts: string[] }> {
  assertCan(access, "workspace.update");
  const [hooks, ws] = await Promise.all([
    db.webhook.findMany({ where: { workspaceId: access.workspace.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select: { webhookAllowHosts: true } }),
  ]);
  return { items: hooks.map(webhookView), allowHosts: ws.webhookAllowHosts ?? [] };
}
