import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";

/** The hosts webhooks may reach on private or loopback addresses (and over http), e.g. a receiver inside the newsroom's network. */
export async function setWebhookAllowHosts(access: Access, hosts: string[]): Promise<{ allowHosts: string[] }> {
  assertCan(access, "workspace.update");
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select: { webhookAllowHosts: true } });
    const ws = await tx.workspace.update({ where: { id: access.workspace.id }, data: { webhookAllowHosts: hosts }, select: { webhookAllowHosts: true } });
    await recordChange(tx, {
      kind: "settings.changed",
      workspaceId: access.workspace.id,
      actorId: access.userId,
      data: { changes: [{ field: "webhookAllowHosts", from: before.webhookAllowHosts ?? [], to: hosts }] },
    });
    return { allowHosts: ws.webhookAllowHosts ?? [] };
  });
}
