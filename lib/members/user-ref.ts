import type { Prisma } from "@/lib/db/client";

/** A person as the change feed names them: id and name at the time of the change (names change; the event keeps what it was). */
export async function userRef(tx: Prisma.TransactionClient, userId: string): Promise<{ id: string; name: string }> {
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true } });
}
