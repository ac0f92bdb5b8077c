import type { Access } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** A pair of the actor's workspace, or 404 (another workspace's pair is as missing as a deleted one). */
export async function findPair(tx: Prisma.TransactionClient, access: Access, pairId: string) {
  const pair = await tx.glossaryPair.findFirst({ where: { id: pairId, workspaceId: access.workspace.id } });
  if (!pair) throw notFound("Glossary pair not found");
  return pair;
}
