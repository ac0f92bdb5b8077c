import type { Prisma } from "@/lib/db/client";
import { conflict, said } from "@/lib/errors";

/**
 * Inside a transaction: locks the workspace's admin rows and refuses a change
 * that would leave it with none. The row locks make two concurrent demotions
 * wait for each other instead of both passing the check.
 */
export async function assertAnotherAdminRemains(tx: Prisma.TransactionClient, workspaceId: string, membershipId: string) {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "workspaceId" = ${workspaceId} AND role = 'admin' FOR UPDATE`;
  if (!admins.some((a) => a.id !== membershipId)) {
    throw conflict(said("last_admin", "A workspace needs at least one admin. Make someone else an admin first."));
  }
}
