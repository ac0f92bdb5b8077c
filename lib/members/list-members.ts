import { db, type Role } from "@/lib/db/client";

/** The workspace's members, oldest first, with their names: one query (Prisma reads the users with a second). */
export async function listMembers(workspaceId: string) {
  const rows = await db.$queryRaw<{ id: string; role: Role; createdAt: Date; userId: string; name: string; email: string }[]>`
    SELECT m.id, m.role::text AS role, m."createdAt", u.id AS "userId", u.name, u.email
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."workspaceId" = ${workspaceId}
     ORDER BY m."createdAt", m.id`;
  return rows.map((r) => ({ id: r.id, role: r.role, createdAt: r.createdAt, user: { id: r.userId, name: r.name, email: r.email } }));
}
