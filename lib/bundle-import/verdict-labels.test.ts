import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { DEFAULT_VERDICT_LABELS } from "@/lib/claims/verdicts";
import { db } from "@/lib/db/client";
import { exportToString } from "@/lib/export";
import { makeWorkspace, type FixtureUser } from "@/lib/testing/fixtures";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-settings";
import { importBundle, type Bundle } from "./index";

const LABELS = { en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Манипуляция", false: "Фейк" } };

async function exported(owner: FixtureUser, slug: string): Promise<Bundle> {
  return JSON.parse(await exportToString(await authorize(owner.id, slug, "workspace.view"), "bundle")) as Bundle;
}

async function emptyWorkspace(owner: FixtureUser) {
  const { workspace } = await makeWorkspace(owner);
  return { workspace, access: await authorize(owner.id, workspace.slug, "workspace.view") };
}

const storedLabels = async (id: string) => (await db.workspace.findUniqueOrThrow({ where: { id }, select: { verdictLabels: true } })).verdictLabels;

describe("bundles carry verdict labels per language", () => {
  it("export → import into an empty workspace → export: the same labels in every language", async () => {
    const { workspace, admin } = await makeWorkspace();
    await updateWorkspaceSettings(await authorize(admin.id, workspace.slug, "workspace.update"), { verdictLabels: LABELS });
    const bundle = await exported(admin, workspace.slug);
    expect(bundle.workspace.verdictLabelsByLocale).toEqual(LABELS);

    const target = await emptyWorkspace(admin);
    const dry = await importBundle(target.access, bundle, { dryRun: true });
    expect(dry.dryRun && dry.plan.verdictLabels).toBe("adopted");
    await importBundle(target.access, bundle, { dryRun: false });
    expect(await storedLabels(target.workspace.id)).toEqual(LABELS);
    const again = await exported(admin, target.workspace.slug);
    expect([again.workspace.verdictLabels, again.workspace.verdictLabelsByLocale]).toEqual([bundle.workspace.verdictLabels, bundle.workspace.verdictLabelsByLocale]);
  });

  it("a bundle from before labels had a language: its renamings name the verdict in every language; the English built-in names it lists are no renaming", async () => {
    const { workspace, admin } = await makeWorkspace();
    const old = await exported(admin, workspace.slug);
    delete (old.workspace as { verdictLabelsByLocale?: unknown }).verdictLabelsByLocale;
    old.workspace.verdictLabels = { ...DEFAULT_VERDICT_LABELS, "mostly-false": "Misleading" };

    const target = await emptyWorkspace(admin);
    await importBundle(target.access, old, { dryRun: false });
    const each = { "mostly-false": "Misleading" };
    expect(await storedLabels(target.workspace.id)).toEqual({ en: each, ru: each, uk: each });
  });

  it("a workspace with labels of its own keeps them (the dry run says so); an old bundle with labels out of bounds is refused naming them", async () => {
    const { workspace, admin } = await makeWorkspace();
    await updateWorkspaceSettings(await authorize(admin.id, workspace.slug, "workspace.update"), { verdictLabels: LABELS });
    const bundle = await exported(admin, workspace.slug);
    const target = await emptyWorkspace(admin);
    await updateWorkspaceSettings(await authorize(admin.id, target.workspace.slug, "workspace.update"), { verdictLabels: { uk: { false: "Вигадка" } } });
    const dry = await importBundle(target.access, bundle, { dryRun: true });
    expect(dry.dryRun && dry.plan.verdictLabels).toBe("kept");
    await importBundle(target.access, bundle, { dryRun: false });
    expect(await storedLabels(target.workspace.id)).toEqual({ uk: { false: "Вигадка" } });

    const bad = structuredClone(bundle);
    bad.workspace.verdictLabelsByLocale = { ru: { false: "ф".repeat(41) }, de: { false: "Falsch" } };
    const refused = await importBundle(target.access, bad, { dryRun: true }).then(
      () => null,
      (e: unknown) => e as { status: number; fields: Record<string, string> },
    );
    expect(refused?.status).toBe(422);
    expect(Object.keys(refused?.fields ?? {})).toEqual(expect.arrayContaining(["workspace.verdictLabelsByLocale.ru.false", "workspace.verdictLabelsByLocale.de"]));
  });
});
