import { expect, test, type Page } from "@playwright/test";
import { createWorkspace, newPerson, openArticleTitled, openMarkAsClaim, signUpAndLand, uploadFiles } from "./helpers";

/**
 * Issue 14 §2, a tester's findings on names: a Russian passage naming «Шольц»
 * is offered the English claim that says "Scholz" (the name keys of migration
 * name_keys: no transliteration rule gives Scholz back), saying why in words a
 * person reads — the name as both texts write it, and the country as a place.
 * Our own short texts.
 */

const EN_TITLE = "Berlin and weapons";
const EN = "Scholz said Germany will not supply lethal weapons to Ukraine.";
const RU_TITLE = "Берлин и оружие";
const RU = "Шольц заявил, что Германия не будет поставлять летальное оружие.";

const dialog = (page: Page) => page.getByRole("dialog", { name: "Mark as claim" });
const isPost = (suffix: RegExp) => (r: { request(): { method(): string }; url(): string }) => r.request().method() === "POST" && suffix.test(new URL(r.url()).pathname);

const openArticle = openArticleTitled;
const openComposer = openMarkAsClaim;

test("a Russian selection «Шольц заявил…» is offered the English Scholz claim, with «Шольц ↔ Scholz» as the name and Germany as a place", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Namesake"));
  const slug = await createWorkspace(page, "Names desk");
  const file = (name: string, title: string, body: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(`${title}\n\n${body} The rest of the report follows here.\n`) });
  await uploadFiles(page, slug, [file("scholz-en.txt", EN_TITLE, EN), file("scholz-ru.txt", RU_TITLE, RU)], { "scholz-en.txt": "Added", "scholz-ru.txt": "Added" });

  await openArticle(page, slug, EN_TITLE);
  await openComposer(page, EN);
  const marked = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await dialog(page).getByRole("button", { name: "Create claim" }).click();
  expect((await marked).status()).toBe(201);
  await expect(dialog(page)).toHaveCount(0);

  await openArticle(page, slug, RU_TITLE);
  await openComposer(page, RU);
  const list = dialog(page).getByRole("list", { name: "Suggested claims" });
  const item = list.getByRole("listitem").first();
  await expect(item).toContainText(EN);
  const reasons = item.getByTestId("suggestion-reasons");
  await expect(reasons).toContainText(/Name: .*Шольц ↔ Scholz/);
  await expect(reasons).toContainText(/Place: .*Германия ↔ Germany/);
  // Nothing of the search's internal forms (name keys are 0k…, 0f…).
  await expect(reasons).not.toContainText(/\b0[kf][a-z0-9]/);
});
