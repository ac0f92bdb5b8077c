import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { getOwnVerdictLabels, getVerdictLabels } from "@/lib/claims/workspace-labels";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { updateWorkspaceSettings, workspaceSettingsSchema } from "./update-settings";

describe("workspace settings", () => {
  it("an admin names verdicts per language; each reader sees their language's label, else the built-in name in it", async () => {
    const { workspace, admin } = await makeWorkspace();
    const access = await authorize(admin.id, workspace.slug, "workspace.update");
    const input = workspaceSettingsSchema.parse({
      verdictLabels: { en: { "mostly-false": "Misleading", true: "True" }, ru: { "mostly-false": " Манипуляция ", false: "Неправда" }, uk: {} },
    });
    const saved = await updateWorkspaceSettings(access, input);
    // Only real renamings are stored: "True" and "Неправда" are the built-in names of their language.
    expect(saved.verdictLabels).toEqual({ en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Манипуляция" } });
    const en = await getVerdictLabels(workspace.id, "en");
    const ru = await getVerdictLabels(workspace.id, "ru");
    const uk = await getVerdictLabels(workspace.id, "uk");
    expect([en["mostly-false"], en.false]).toEqual(["Misleading", "False"]);
    expect([ru["mostly-false"], ru.false]).toEqual(["Манипуляция", "Неправда"]);
    // No Ukrainian label: the built-in Ukrainian name, not another language's label.
    expect([uk["mostly-false"], uk.true]).toEqual(["Здебільшого неправда", "Правда"]);
    expect(await getOwnVerdictLabels(workspace.id)).toEqual({ en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Манипуляция" } });
  });

  it("a language sent replaces that language only; an empty label goes back to the built-in name", async () => {
    const { workspace, admin } = await makeWorkspace();
    const access = await authorize(admin.id, workspace.slug, "workspace.update");
    await updateWorkspaceSettings(access, workspaceSettingsSchema.parse({ verdictLabels: { en: { false: "Wrong" }, uk: { false: "Фейк", mixed: "Напівправда" } } }));
    const saved = await updateWorkspaceSettings(access, workspaceSettingsSchema.parse({ verdictLabels: { uk: { false: "", mixed: "Напівправда" } } }));
    expect(saved.verdictLabels).toEqual({ en: { false: "Wrong" }, uk: { mixed: "Напівправда" } });
    const cleared = await updateWorkspaceSettings(access, workspaceSettingsSchema.parse({ verdictLabels: { en: {}, uk: { mixed: "" } } }));
    expect(cleared.verdictLabels).toEqual({});
    expect((await getVerdictLabels(workspace.id, "uk")).false).toBe("Неправда");
  });

  it("a label of 40 emoji (80 UTF-16 units) is accepted and kept, in every language's reading of it", async () => {
    const { workspace, admin } = await makeWorkspace();
    const access = await authorize(admin.id, workspace.slug, "workspace.update");
    const emoji = "😀".repeat(40);
    const saved = await updateWorkspaceSettings(access, workspaceSettingsSchema.parse({ verdictLabels: { uk: { false: emoji, mixed: "Напівправда" } } }));
    expect(saved.verdictLabels).toEqual({ uk: { false: emoji, mixed: "Напівправда" } });
    expect((await getVerdictLabels(workspace.id, "uk")).false).toBe(emoji);
    expect(workspaceSettingsSchema.safeParse({ verdictLabels: { uk: { false: "😀".repeat(41) } } }).success).toBe(false);
  });

  it("refuses long, multi-line or unknown labels naming the field, and members who aren't admins", async () => {
    const pathsOf = (input: unknown) => {
      const r = workspaceSettingsSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(pathsOf({ verdictLabels: { ru: { false: "л".repeat(41) } } })).toEqual(["verdictLabels.ru.false"]);
    expect(pathsOf({ verdictLabels: { uk: { mixed: "Напів\nправда" } } })).toEqual(["verdictLabels.uk.mixed"]);
    expect(pathsOf({ verdictLabels: { en: { true: "Tr\u202Eue" } } })).toEqual(["verdictLabels.en.true"]);
    expect(pathsOf({ verdictLabels: { en: { bogus: "x" } } })).toEqual(["verdictLabels.en.bogus"]);
    expect(pathsOf({ verdictLabels: { de: { false: "Falsch" } } })).toEqual(["verdictLabels.de"]);
    expect(pathsOf({ verdictLabels: { ru: "Неправда" } })).toEqual(["verdictLabels.ru"]);
    expect(pathsOf({ verdictLabels: { ru: { false: "л".repeat(40) } } })).toEqual([]);
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
