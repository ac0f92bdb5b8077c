import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { makeMember, makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { ROLES, authorize, can, type Action } from "./permissions";

const ACTIONS: Action[] = [
  "workspace.view",
  "workspace.update",
  "members.manage",
  "article.create",
  "article.edit",
  "annotation.create",
  "annotation.deleteAny",
  "annotation.restore",
  "claim.create",
  "claim.edit",
  "claim.comment",
  "comment.deleteAny",
  "claim.review",
  "claim.merge",
  "claim.delete",
  "claim.restore",
];

// What each role may do, written out rather than derived, so a changed rank shows up here.
const ALLOWED: Record<(typeof ROLES)[number], Action[]> = {
  viewer: ["workspace.view"],
  annotator: ["workspace.view", "article.create", "article.edit", "annotation.create", "claim.create", "claim.edit", "claim.comment"],
  reviewer: [
    "workspace.view",
    "article.create",
    "article.edit",
    "annotation.create",
    "claim.create",
    "claim.edit",
    "claim.comment",
    "claim.review",
    "claim.merge",
    "claim.delete",
  ],
  admin: ACTIONS,
};

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe("can()", () => {
  for (const role of ROLES) {
    it(`a ${role} may do exactly: ${ALLOWED[role].join(", ")}`, () => {
      const allowed = ACTIONS.filter((action) => can(role, action));
      expect(allowed).toEqual(ALLOWED[role]);
    });
  }
});

describe("authorize()", () => {
  it("a non-member gets 404, so the workspace's existence does not leak", async () => {
    const { workspace } = await makeWorkspace();
    const outsider = await makeUser();
    const err = await rejection(authorize(outsider.id, workspace.slug, "workspace.view"));
    expect(err.status).toBe(404);
  });

  it("an unknown workspace slug is the same 404 as one the user is not in", async () => {
    const user = await makeUser();
    const err = await rejection(authorize(user.id, "no-such-workspace-slug-xyz", "workspace.view"));
    expect(err.status).toBe(404);
  });

  it("a member lacking the right gets 403", async () => {
    const { workspace } = await makeWorkspace();
    const { user: viewer } = await makeMember(workspace.id, "viewer");
    const { user: reviewer } = await makeMember(workspace.id, "reviewer");
    expect((await rejection(authorize(viewer.id, workspace.slug, "article.create"))).status).toBe(403);
    expect((await rejection(authorize(reviewer.id, workspace.slug, "members.manage"))).status).toBe(403);
  });

  it("an allowed member gets their Access: user, role and workspace", async () => {
    const { workspace, admin } = await makeWorkspace();
    const { user: annotator } = await makeMember(workspace.id, "annotator");

    await expect(authorize(annotator.id, workspace.slug, "annotation.create")).resolves.toEqual({
      userId: annotator.id,
      role: "annotator",
      workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name },
    });
    const access = await authorize(admin.id, workspace.slug, "members.manage");
    expect(access.role).toBe("admin");
  });

  it("membership of one workspace grants nothing in another", async () => {
    const { workspace: mine, admin } = await makeWorkspace();
    const { workspace: theirs } = await makeWorkspace();
    await expect(authorize(admin.id, mine.slug, "members.manage")).resolves.toBeTruthy();
    expect((await rejection(authorize(admin.id, theirs.slug, "workspace.view"))).status).toBe(404);
  });
});
