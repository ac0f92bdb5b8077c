import { db } from "@/lib/db/client";

export async function listMembers(workspaceId: string) {
  return db.membership.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}
