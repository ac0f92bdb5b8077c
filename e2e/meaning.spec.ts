/**
 * Workspace settings say whether matching by meaning (the optional model,
 * EMBEDDING_MODEL_DIR) is on, and with it the model's name and how many
 * claims are embedded. The servers inherit this process's environment
 * (scripts/test-e2e.ts): without the variable the line says "Off"; run with
 * EMBEDDING_MODEL_DIR pointing at a tiny model written beforehand
 * (`npx tsx scripts/write-tiny-embedding-model.ts <dir>`) it says "Active".
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import path from "node:path";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";

test("an admin sees in Settings whether a model matches by meaning, its name and how many claims are embedded", async ({ page }) => {
  test.setTimeout(180_000);
  const admin = newPerson("meaning");
  await signUpAndLand(page, admin);
  const slug = await createWorkspace(page, `Meaning ${Date.now()}`);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/w/${slug}/settings`);
    const line = page.getByTestId("meaning-status");
    await expect(page.getByRole("heading", { name: "Matching by meaning" })).toBeVisible();
    const dir = process.env.EMBEDDING_MODEL_DIR;
    if (dir) {
      await expect(line).toHaveText(new RegExp(`^Active: model ${path.basename(dir)} \\(8 dimensions\\), \\d+ of \\d+ claims embedded`));
    } else {
      await expect(line).toHaveText(/^Off: suggestions match by words, names, dates and numbers\./);
    }
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  }
});
