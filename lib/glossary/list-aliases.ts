import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { NameAliasView } from "./view";

/** The workspace's confirmed aliases (and dismissed suggestions, so they can be undone), names alphabetically. */
export async function listAliases(access: Access): Promise<NameAliasView[]> {
  assertCan(access, "workspace.update", "Only admins can see the alias registry.");
  const rows = await db.nameAlias.findMany({
    where: { workspaceId: access.workspace.id },
    include: { names: { select: { name: true }, orderBy: { name: "asc" } } },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((a) => ({ id: a.id, status: a.status as NameAliasView["status"], names: a.names.map((n) => n.name) }));
}
