import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { userRef } from "@/lib/members/user-ref";

export const workspaceNameSchema = z
  .string({ error: "Enter a name for the workspace." })
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(80, "Keep the name under 80 characters.");

export const newWorkspaceSchema = z.object({ name: workspaceNameSchema });

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug || "workspace";
}

/** Creates a workspace with its creator as admin, in one transaction. */
export async function createWorkspace(input: { name: string; ownerId: string }) {
  const base = slugify(input.name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const taken = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
    if (taken) continue;
    try {
      return await db.$transaction(async (tx) => {
        const workspace = await tx.workspace.create({ data: { name: input.name, slug } });
        await tx.membership.create({ data: { workspaceId: workspace.id, userId: input.ownerId, role: "admin" } });
        await recordChange(tx, {
          kind: "member.joined",
          workspaceId: workspace.id,
          actorId: input.ownerId,
          subjectId: input.ownerId,
          data: { user: await userRef(tx, input.ownerId), role: "admin", via: "created" },
        });
        return workspace;
      });
    } catch (err) {
      if ((err as { code?: string }).code !== "P2002") throw err;
    }
  }
  throw new Error("Could not find a free address for the workspace");
}
