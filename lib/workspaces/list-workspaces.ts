import { db } from "@/lib/db/client";

/** The workspaces a user belongs to, with their role and a few counts for the picker. */
export async function listWorkspaces(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { workspace: { name: "asc" } },
    select: {
      role: true,
      workspace: {
        select: { id: true, slug: true, name: true, _count: { select: { memberships: true, articles: true } } },
      },
    },
  });
  return memberships.map((m) => ({
    role: m.role,
    id: m.workspace.id,
    slug: m.workspace.slug,
    name: m.workspace.name,
    memberCount: m.workspace._count.memberships,
    articleCount: m.workspace._count.articles,
  }));
}
