import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeMember, makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { addMember } from "./add-member";
import { changeRole } from "./change-role";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";

async function status(promise: Promise<unknown>): Promise<number> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return (err as DomainError).status;
}

const adminCount = (workspaceId: string) => db.membership.count({ where: { workspaceId, role: "admin" } });

describe("changing roles and removing members", () => {
  it("the last admin cannot be demoted", async () => {
    const { workspace, adminMembership } = await makeWorkspace();
    expect(await status(changeRole({ workspaceId: workspace.id, membershipId: adminMembership.id, role: "reviewer" }))).toBe(409);
    expect(await adminCount(workspace.id)).toBe(1);
  });

  it("the last admin cannot be removed", async () => {
    const { workspace, adminMembership } = await makeWorkspace();
    expect(await status(removeMember({ workspaceId: workspace.id, membershipId: adminMembership.id }))).toBe(409);
    expect(await db.membership.count({ where: { id: adminMembership.id } })).toBe(1);
  });

  it("keeping the last admin an admin is fine", async () => {
    const { workspace, adminMembership } = await makeWorkspace();
    await expect(changeRole({ workspaceId: workspace.id, membershipId: adminMembership.id, role: "admin" })).resolves.toEqual({
      id: adminMembership.id,
      role: "admin",
    });
  });

  it("with two admins, one can be demoted, and then the other is the last", async () => {
    const { workspace, adminMembership } = await makeWorkspace();
    const { membership: second } = await makeMember(workspace.id, "admin");
    await expect(changeRole({ workspaceId: workspace.id, membershipId: adminMembership.id, role: "viewer" })).resolves.toEqual({
      id: adminMembership.id,
      role: "viewer",
    });
    expect(await status(changeRole({ workspaceId: workspace.id, membershipId: second.id, role: "viewer" }))).toBe(409);
    expect(await adminCount(workspace.id)).toBe(1);
  });

  it("promotes and demotes non-admins freely", async () => {
    const { workspace } = await makeWorkspace();
    const { membership } = await makeMember(workspace.id, "viewer");
    await changeRole({ workspaceId: workspace.id, membershipId: membership.id, role: "reviewer" });
    await changeRole({ workspaceId: workspace.id, membershipId: membership.id, role: "annotator" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("annotator");
  });

  it("two concurrent demotions of the only two admins: at most one succeeds, one admin remains", async () => {
    for (let round = 0; round < 3; round++) {
      const { workspace, adminMembership } = await makeWorkspace();
      const { membership: second } = await makeMember(workspace.id, "admin");
      const results = await Promise.allSettled(
        [adminMembership, second].map((m) => changeRole({ workspaceId: workspace.id, membershipId: m.id, role: "annotator" })),
      );
      expect(results.filter((r) => r.status === "fulfilled").length).toBeLessThanOrEqual(1);
      for (const r of results) if (r.status === "rejected") expect((r.reason as DomainError).status).toBe(409);
      expect(await adminCount(workspace.id)).toBe(1);
    }
  });

  it("two concurrent removals of the only two admins: one admin remains", async () => {
    const { workspace, adminMembership } = await makeWorkspace();
    const { membership: second } = await makeMember(workspace.id, "admin");
    const results = await Promise.allSettled(
      [adminMembership, second].map((m) => removeMember({ workspaceId: workspace.id, membershipId: m.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled").length).toBeLessThanOrEqual(1);
    expect(await adminCount(workspace.id)).toBe(1);
  });

  it("removes a member", async () => {
    const { workspace, admin } = await makeWorkspace();
    const { user, membership } = await makeMember(workspace.id, "annotator");
    await removeMember({ workspaceId: workspace.id, membershipId: membership.id });
    expect((await listMembers(workspace.id)).map((m) => m.user.id)).toEqual([admin.id]);
    // The user still exists; only the membership went.
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("with two admins, one can be removed", async () => {
    const { workspace, adminMembership } = await makeWorkspace();
    await makeMember(workspace.id, "admin");
    await removeMember({ workspaceId: workspace.id, membershipId: adminMembership.id });
    expect(await adminCount(workspace.id)).toBe(1);
  });

  it("a membership id from another workspace is 404 for changeRole and removeMember, and is left alone", async () => {
    const { workspace: mine } = await makeWorkspace();
    const { workspace: theirs } = await makeWorkspace();
    const { membership: foreign } = await makeMember(theirs.id, "viewer");
    expect(await status(changeRole({ workspaceId: mine.id, membershipId: foreign.id, role: "admin" }))).toBe(404);
    expect(await status(removeMember({ workspaceId: mine.id, membershipId: foreign.id }))).toBe(404);
    expect(await db.membership.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ role: "viewer", workspaceId: theirs.id });
  });

  it("addMember adds an existing user by email; a second add is 409; unknown user or workspace is 404", async () => {
    const { workspace } = await makeWorkspace();
    const user = await makeUser();
    await addMember({ workspaceSlug: workspace.slug, email: user.email, role: "reviewer" });
    expect((await listMembers(workspace.id)).find((m) => m.user.id === user.id)?.role).toBe("reviewer");
    expect(await status(addMember({ workspaceSlug: workspace.slug, email: user.email, role: "viewer" }))).toBe(409);
    expect(await status(addMember({ workspaceSlug: workspace.slug, email: "nobody@example.test", role: "viewer" }))).toBe(404);
    expect(await status(addMember({ workspaceSlug: "no-such-workspace-xyz", email: user.email, role: "viewer" }))).toBe(404);
  });
});
