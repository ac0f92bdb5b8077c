import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { updateWorkspaceSettings, workspaceSettingsSchema } from "./update-settings";

describe("workspace settings", () => {
  it("an admin renames verdict labels; stored values stay normalised and defaults fill the rest", async () => {
    const { workspace, admin } = await makeWorkspace();
    const access = await authorize(admin.id, workspace.slug, "workspace.update");
    const input = workspaceSettingsSchema.parse({ verdictLabels: { "mostly-false": "Misleading", true: "True" } });
    const saved = await updateWorkspaceSettings(access, input);
    expect(saved.verdictLabels).toEqual({ "mostly-false": "Misleading" });
    const labels = await getVerdictLabels(workspace.id);
    expect(labels["mostly-false"]).toBe("Misleading");
    expect(labels.false).toBe("False");
  });

  it("refuses empty or unknown labels, and members who aren't admins", async () => {
    expect(workspaceSettingsSchema.safeParse({ verdictLabels: { false: " " } }).success).toBe(false);
    expect(workspaceSettingsSchema.safeParse({ verdictLabels: { bogus: "x" } }).success).toBe(false);
    const { workspace } = await makeWorkspace();
    const reviewer = await makeMember(workspace.id, "reviewer");
    await expect(authorize(reviewer.user.id, workspace.slug, "workspace.update")).rejects.toSatisfy((e) => e instanceof DomainError && e.status === 403);
  });

  it("re-checks the permission itself: a viewer's Access is 403 and nothing changes", async () => {
    const { workspace } = await makeWorkspace();
    const viewer = await makeMember(workspace.id, "viewer");
    const access = await authorize(viewer.user.id, workspace.slug, "workspace.view");
    await expect(updateWorkspaceSettings(access, { name: "Taken over" })).rejects.toSatisfy((e) => e instanceof DomainError && e.status === 403);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).name).toBe(workspace.name);
  });
});
