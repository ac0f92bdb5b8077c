import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { acceptInvite } from "./accept-invite";
import { createInvite } from "./create-invite";
import { findInvite } from "./find-invite";
import { listOpenInvites } from "./list-invites";
import { revokeInvite } from "./revoke-invite";
import { INVITE_TTL_MS, hashInviteToken } from "./token";

async function status(promise: Promise<unknown>): Promise<number> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return (err as DomainError).status;
}

async function workspaceWithInvite(role: "viewer" | "annotator" | "reviewer" | "admin" = "annotator") {
  const { workspace, admin } = await makeWorkspace();
  const invite = await createInvite({ workspaceId: workspace.id, createdById: admin.id, role });
  return { workspace, admin, invite };
}

const membershipsOf = (workspaceId: string) =>
  db.membership.findMany({ where: { workspaceId }, select: { userId: true, role: true } });

describe("invites", () => {
  it("the token is only stored hashed", async () => {
    const { invite } = await workspaceWithInvite();
    expect(invite.token.length).toBeGreaterThanOrEqual(40);
    const row = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toBe(hashInviteToken(invite.token));
    expect(row.tokenHash).not.toBe(invite.token);
    expect(JSON.stringify(row)).not.toContain(invite.token);
  });

  it("expires after the invite TTL", async () => {
    const now = new Date();
    const { workspace, admin } = await makeWorkspace();
    const invite = await createInvite({ workspaceId: workspace.id, createdById: admin.id, role: "viewer" }, now);
    expect(invite.expiresAt.getTime()).toBe(now.getTime() + INVITE_TTL_MS);
  });

  it("accepting joins the workspace with the invite's role, and works only once", async () => {
    const { workspace, invite } = await workspaceWithInvite("reviewer");
    const first = await makeUser();
    const second = await makeUser();

    const result = await acceptInvite({ token: invite.token, userId: first.id });
    expect(result).toEqual({ workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name }, role: "reviewer", alreadyMember: false });
    expect(await status(acceptInvite({ token: invite.token, userId: second.id }))).toBe(409);

    const members = await membershipsOf(workspace.id);
    expect(members).toContainEqual({ userId: first.id, role: "reviewer" });
    expect(members.some((m) => m.userId === second.id)).toBe(false);
    const row = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.usedById).toBe(first.id);
    expect(row.usedAt).not.toBeNull();
    expect((await findInvite(invite.token))?.state).toBe("used");
  });

  it("an unknown token is a 404", async () => {
    const user = await makeUser();
    expect(await status(acceptInvite({ token: "no-such-token", userId: user.id }))).toBe(404);
  });

  it("an expired invite is refused and stays unused", async () => {
    const { workspace, invite } = await workspaceWithInvite();
    const user = await makeUser();
    const later = new Date(Date.now() + INVITE_TTL_MS + 1000);
    expect((await findInvite(invite.token, later))?.state).toBe("expired");
    expect(await status(acceptInvite({ token: invite.token, userId: user.id }, later))).toBe(409);
    expect((await membershipsOf(workspace.id)).some((m) => m.userId === user.id)).toBe(false);
    expect((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).usedAt).toBeNull();
  });

  it("a revoked invite is refused", async () => {
    const { workspace, invite } = await workspaceWithInvite();
    await revokeInvite({ workspaceId: workspace.id, inviteId: invite.id });
    expect((await findInvite(invite.token))?.state).toBe("revoked");
    expect(await listOpenInvites(workspace.id)).toEqual([]);
    const user = await makeUser();
    expect(await status(acceptInvite({ token: invite.token, userId: user.id }))).toBe(409);
    expect((await membershipsOf(workspace.id)).some((m) => m.userId === user.id)).toBe(false);
  });

  it("an invite can only be revoked from its own workspace, and only once", async () => {
    const { invite } = await workspaceWithInvite();
    const { workspace: other } = await makeWorkspace();
    expect(await status(revokeInvite({ workspaceId: other.id, inviteId: invite.id }))).toBe(404);
    expect((await findInvite(invite.token))?.state).toBe("open");
  });

  it("accepting when already a member keeps the current role and does not consume the invite", async () => {
    const { workspace, admin, invite } = await workspaceWithInvite("viewer");
    const result = await acceptInvite({ token: invite.token, userId: admin.id });
    expect(result).toMatchObject({ alreadyMember: true, role: "admin" });
    expect((await findInvite(invite.token))?.state).toBe("open");

    const newcomer = await makeUser();
    await expect(acceptInvite({ token: invite.token, userId: newcomer.id })).resolves.toMatchObject({ alreadyMember: false, role: "viewer" });
    expect(await membershipsOf(workspace.id)).toHaveLength(2);
  });

  it("two people accepting one invite at the same moment: exactly one joins", async () => {
    const { workspace, invite } = await workspaceWithInvite();
    const users = await Promise.all([makeUser(), makeUser()]);
    const results = await Promise.allSettled(users.map((u) => acceptInvite({ token: invite.token, userId: u.id })));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0].reason as DomainError).status).toBe(409);
    const joined = (await membershipsOf(workspace.id)).filter((m) => users.some((u) => u.id === m.userId));
    expect(joined).toHaveLength(1);
    expect((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).usedById).toBe(joined[0].userId);
  });
});
