import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/errors";

/** Adds an existing user to a workspace directly (the admin CLI; people in the app join by invite). */
export async function addMember(input: { workspaceSlug: string; email: string; role: Role }) {
  const [workspace, user] = await Promise.all([
    db.workspace.findUnique({ where: { slug: input.workspaceSlug }, select: { id: true } }),
    db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } }),
  ]);
  if (!workspace) throw notFound(`No workspace with the address "${input.workspaceSlug}"`);
  if (!user) throw notFound(`No user with the email ${input.email}`);
  try {
    return await db.$transaction(async (tx) => {
      const membership = await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: input.role } });
      await recordChange(tx, {
        kind: "member.joined",
        workspaceId: workspace.id,
        actorId: null,
        subjectId: user.id,
        data: { user: { id: user.id, name: user.name }, role: input.role, via: "cli" },
      });
      return membership;
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw conflict(`${input.email} is already a member of this workspace`);
    throw err;
  }
}
