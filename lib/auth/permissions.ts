import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";

/**
 * The one place that decides who may do what. Every page, route handler and
 * CLI command asks `authorize` (or `can` for what to show) before acting.
 */
export { ROLES, ROLE_LABELS, ROLE_DESCRIPTIONS } from "./roles";

const RANK: Record<Role, number> = { viewer: 0, annotator: 1, reviewer: 2, admin: 3 };

/** The least role an action needs. */
const MIN_ROLE = {
  "workspace.view": "viewer",
  "workspace.update": "admin",
  "members.manage": "admin",
  /** Import a Claimtrail bundle (lib/bundle-import). */
  "workspace.import": "admin",
  "article.create": "annotator",
  "article.edit": "annotator",
  "annotation.create": "annotator",
  "annotation.deleteAny": "admin",
  "annotation.restore": "admin",
  /** Create claims; add mentions, sources and relations; edit fields; propose a verdict; submit for review. */
  "claim.create": "annotator",
  "claim.edit": "annotator",
  "claim.comment": "annotator",
  "comment.deleteAny": "admin",
  /** Approve, send back, reopen. */
  "claim.review": "reviewer",
  "claim.merge": "reviewer",
  "claim.delete": "reviewer",
  "claim.restore": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof MIN_ROLE;

export function can(role: Role, action: Action): boolean {
  return RANK[role] >= RANK[MIN_ROLE[action]];
}

export interface Access {
  userId: string;
  role: Role;
  workspace: { id: string; slug: string; name: string };
}

/** For domain functions: the Access may have been granted for a lesser action (e.g. one route for several). */
export function assertCan(access: Access, action: Action, why?: string): void {
  if (!can(access.role, action)) throw forbidden(why);
}

/**
 * Resolves the actor's membership of the workspace and checks the action.
 * Non-members get "not found" so a workspace's existence never leaks.
 */
export async function authorize(userId: string, workspaceSlug: string, action: Action): Promise<Access> {
  return accessFor(userId, await findMembership(userId, workspaceSlug), action);
}

export type Membership = { role: Role; workspace: Access["workspace"] } | null;

/**
 * The user's role in the workspace and the workspace, or null for a non-member. One query (Prisma reads a
 * relation with a second one): every page and API request starts here.
 */
export async function findMembership(userId: string, workspaceSlug: string): Promise<Membership> {
  const [row] = await db.$queryRaw<{ role: Role; id: string; slug: string; name: string }[]>`
    SELECT m.role::text AS role, w.id, w.slug, w.name
      FROM "Workspace" w JOIN "Membership" m ON m."workspaceId" = w.id AND m."userId" = ${userId}
     WHERE w.slug = ${workspaceSlug}`;
  return row ? { role: row.role, workspace: { id: row.id, slug: row.slug, name: row.name } } : null;
}

/** The Access a membership gives for `action`: "not found" for a non-member, 403 when the role falls short. */
export function accessFor(userId: string, membership: Membership, action: Action): Access {
  if (!membership) throw notFound("Workspace not found");
  if (!can(membership.role, action)) throw forbidden();
  return { userId, role: membership.role, workspace: membership.workspace };
}
