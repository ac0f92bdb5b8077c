import type { Prisma } from "@/lib/db/client";
import type { Access } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

/** The workspace's webhook, or 404 (another workspace's id is not found, never forbidden). */
export async function findWebhook(tx: Prisma.TransactionClient, access: Access, webhookId: string) {
  const hook = await tx.webhook.findFirst({ where: { id: webhookId, workspaceId: access.workspace.id } });
  if (!hook) throw notFound("Webhook not found");
  return hook;
}
