import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { databaseBefore, onDatabase } from "@/lib/testing/database-before";
import { resolveVerdictLabels } from "./verdicts";
import { builtInVerdictLabels } from "./workspace-labels";

/**
 * Migration verdict_labels_locale on an installation whose workspaces have single-language labels:
 * every renaming is kept, in every language; labels that only repeat the built-in English names go.
 */
describe("migration verdict_labels_locale", () => {
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ url, drop } = await databaseBefore("verdict_labels_locale"));
  });

  afterAll(async () => {
    await drop?.();
  });

  it("keeps each workspace's labels for every language, drops mere built-in English names, leaves empty ones empty", async () => {
    const rows: [string, object][] = [
      ["renamed", { "mostly-false": "Misleading", false: "Fake" }],
      // What the old pre-filled settings form could store: the English names, one renamed.
      ["prefilled", { true: "True", "mostly-true": "Mostly true", mixed: "Mixed", "mostly-false": "Misleading", false: "False", unverifiable: "Unverifiable", "not-a-claim": "Not a claim" }],
      ["defaults-only", { true: "True", false: "False" }],
      ["none", {}],
    ];
    await onDatabase(url, async (c) => {
      for (const [id, labels] of rows) await c.query(`INSERT INTO "Workspace" (id, slug, name, "verdictLabels") VALUES ($1, $1, $1, $2)`, [id, JSON.stringify(labels)]);
    });
    await migrate(url);
    const stored = await onDatabase(url, (c) => c.query<{ id: string; verdictLabels: Record<string, unknown> }>(`SELECT id, "verdictLabels" FROM "Workspace" ORDER BY id`));
    const byId = Object.fromEntries(stored.rows.map((r) => [r.id, r.verdictLabels]));
    const renamed = { "mostly-false": "Misleading", false: "Fake" };
    expect(byId.renamed).toEqual({ en: renamed, ru: renamed, uk: renamed });
    expect(byId.prefilled).toEqual({ en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Misleading" }, uk: { "mostly-false": "Misleading" } });
    expect(byId["defaults-only"]).toEqual({});
    expect(byId.none).toEqual({});

    // What a Russian reader sees: the desk's renaming, and the built-in Russian names for the rest.
    const ru = resolveVerdictLabels(byId.prefilled, "ru", await builtInVerdictLabels("ru"));
    expect([ru["mostly-false"], ru.true, ru.false]).toEqual(["Misleading", "Правда", "Неправда"]);

    // Applied once: migrating again changes nothing.
    await migrate(url);
    const again = await onDatabase(url, (c) => c.query(`SELECT id, "verdictLabels" FROM "Workspace" ORDER BY id`));
    expect(again.rows).toEqual(stored.rows);
  });
});
