import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { getOwnVerdictLabels } from "@/lib/claims/workspace-labels";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { updateWorkspaceSettings, workspaceSettingsSchema } from "./update-settings";

// X18: two admins with Settings open; the second saves labels edited from what the first has since replaced.
describe("verdict labels saved from stale ones", () => {
  it("a language whose stored labels differ from the base sent is 409 verdict_labels_stale; nothing is written; other languages and a current base go through", async () => {
    const { workspace, admin } = await makeWorkspace();
    const deputy = (await makeMember(workspace.id, "admin")).user;
    const first = await authorize(admin.id, workspace.slug, "workspace.update");
    const second = await authorize(deputy.id, workspace.slug, "workspace.update");
    await updateWorkspaceSettings(first, workspaceSettingsSchema.parse({ verdictLabels: { ru: { false: "Фейк" } } }));
    const loaded = await getOwnVerdictLabels(workspace.id);

    // The first admin renames again; the second still has the page as loaded.
    await updateWorkspaceSettings(first, workspaceSettingsSchema.parse({ verdictLabels: { ru: { false: "Ложь" } }, verdictLabelsBase: { ru: loaded.ru } }));
    const changesBefore = await db.change.count({ where: { workspaceId: workspace.id } });
    const err = await updateWorkspaceSettings(second, workspaceSettingsSchema.parse({ verdictLabels: { ru: { false: "Фейк", mixed: "Полуправда" } }, verdictLabelsBase: { ru: loaded.ru } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    const refused = err as DomainError;
    expect(refused.status).toBe(409);
    expect(refused.extra).toMatchObject({ code: "verdict_labels_stale", currentVerdictLabels: { ru: { false: "Ложь" } } });
    expect(Object.keys(refused.fields)).toEqual(["verdictLabels.ru"]);
    expect(await getOwnVerdictLabels(workspace.id)).toEqual({ ru: { false: "Ложь" } });
    expect(await db.change.count({ where: { workspaceId: workspace.id } })).toBe(changesBefore);

    // Another language, from its own (unchanged, empty) base: saved, the Russian labels kept.
    await updateWorkspaceSettings(second, workspaceSettingsSchema.parse({ verdictLabels: { uk: { false: "Фейк" } }, verdictLabelsBase: { uk: {} } }));
    // From the current labels (an empty label there counts as none): saved.
    await updateWorkspaceSettings(second, workspaceSettingsSchema.parse({ verdictLabels: { ru: { false: "Ложь", mixed: "Полуправда" } }, verdictLabelsBase: { ru: { false: "Ложь", true: "" } } }));
    expect(await getOwnVerdictLabels(workspace.id)).toEqual({ ru: { false: "Ложь", mixed: "Полуправда" }, uk: { false: "Фейк" } });
    // Without a base (older clients, API scripts): the last save wins, as before.
    await updateWorkspaceSettings(first, workspaceSettingsSchema.parse({ verdictLabels: { ru: { false: "Фейк" } } }));
    expect((await getOwnVerdictLabels(workspace.id)).ru).toEqual({ false: "Фейк" });
  });
});
