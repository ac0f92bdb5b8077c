import { randomBytes } from "node:crypto";
import { db, type Role } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

/**
 * Test data for integration tests against the run's shared database. Every
 * name and email is unique, so test files can run in parallel and never
 * assume an empty database.
 */

export const FIXTURE_PASSWORD = "correct horse battery staple";

export function unique(tag = "t"): string {
  return `${tag}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}

export function uniqueEmail(tag = "user"): string {
  return `${unique(tag)}@example.test`;
}

// One argon2 hash per test process: hashing costs ~50 ms, and most tests only need a user row.
let fixtureHash: Promise<string> | null = null;

/** A user whose password is FIXTURE_PASSWORD. */
export async function makeUser(opts: { email?: string; name?: string } = {}) {
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  return db.user.create({
    data: { email: opts.email ?? uniqueEmail(), name: opts.name ?? "Test User", passwordHash: await fixtureHash },
    select: { id: true, email: true, name: true },
  });
}

export type FixtureUser = Awaited<ReturnType<typeof makeUser>>;

/** A workspace created the app's way (its owner becomes admin), with a unique name. */
export async function makeWorkspace(owner?: FixtureUser, name = unique("Workspace")) {
  const admin = owner ?? (await makeUser());
  const workspace = await createWorkspace({ name, ownerId: admin.id });
  const membership = await db.membership.findUniqueOrThrow({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: admin.id } },
  });
  return { workspace, admin, adminMembership: membership };
}

/** A new user who is a member of `workspaceId` with `role`. */
export async function makeMember(workspaceId: string, role: Role) {
  const user = await makeUser();
  const membership = await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return { user, membership };
}
