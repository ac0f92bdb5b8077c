import { expect, test, type Page } from "./test";
import { createWorkspace, inviteMember, newPerson, signUpAndLand } from "./helpers";

/**
 * Issue 14, outside tester's N6: two admins saving verdict labels in different languages at the
 * same time lost the first one's labels (the form sent every language as the page had loaded it).
 * The form sends only the languages changed on the page: two admins, each with the settings page
 * open, one names a verdict on the Russian tab, the other on the Ukrainian tab, both save; after a
 * reload both see both labels.
 */

const FIELD = "Mostly false (mostly-false)";
const RU = "Манипуляция";
const UK = "Маніпуляція";

async function nameOnTab(page: Page, tab: string, label: string) {
  await page.getByRole("tablist", { name: "Language of the labels" }).getByRole("tab", { name: tab }).click();
  await page.getByLabel(FIELD).fill(label);
}

async function expectLabels(page: Page) {
  const tabs = page.getByRole("tablist", { name: "Language of the labels" });
  await tabs.getByRole("tab", { name: "Русский" }).click();
  await expect(page.getByLabel(FIELD)).toHaveValue(RU);
  await tabs.getByRole("tab", { name: "Українська" }).click();
  await expect(page.getByLabel(FIELD)).toHaveValue(UK);
  await tabs.getByRole("tab", { name: "English" }).click();
  await expect(page.getByLabel(FIELD)).toHaveValue("");
}

test("two admins name a verdict at once, one in Russian, the other in Ukrainian: both labels are kept", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Chief"));
  const slug = await createWorkspace(page, "Two admins desk");
  const second = await inviteMember(browser, page, slug, "admin", "Deputy");

  // Both open the settings page before either saves: each form holds the workspace as it was then.
  await page.goto(`/w/${slug}/settings`);
  await second.page.goto(`/w/${slug}/settings`);
  await nameOnTab(page, "Русский", RU);
  await nameOnTab(second.page, "Українська", UK);

  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await second.page.getByRole("button", { name: "Save settings" }).click();
  await expect(second.page.getByRole("status")).toHaveText("Settings saved.");

  for (const p of [page, second.page]) {
    await p.reload();
    await expectLabels(p);
  }
  await second.context.close();
});

test("a teammate saves the verdict labels while the page is open: a notice says so, and a save from the stale labels is refused, not overwriting theirs", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Editor"));
  const slug = await createWorkspace(page, "Stale labels desk");
  const second = await inviteMember(browser, page, slug, "admin", "Colleague");

  await page.goto(`/w/${slug}/settings`);
  await second.page.goto(`/w/${slug}/settings`);
  const notice = second.page.getByTestId("labels-changed");
  await expect(notice).toHaveCount(0);

  await nameOnTab(page, "Русский", RU);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  // Their own save is no news to the one who made it.
  await expect(page.getByTestId("labels-changed")).toHaveCount(0);

  // The other admin hears of it through the live change feed, without reloading.
  await expect(notice).toContainText("A teammate changed the verdict labels while you had this page open.");
  await notice.getByRole("button", { name: "Keep editing" }).click();
  await expect(notice).toHaveCount(0);
  await nameOnTab(second.page, "Русский", "Фейк наполовину");
  await second.page.getByRole("button", { name: "Save settings" }).click();
  await expect(second.page.getByText("A teammate changed these verdict labels after you opened the page.", { exact: false }).first()).toBeVisible();
  await expect(notice).toBeVisible();
  await notice.getByRole("button", { name: "Reload" }).click();
  await second.page.getByRole("tablist", { name: "Language of the labels" }).getByRole("tab", { name: "Русский" }).click();
  await expect(second.page.getByLabel(FIELD)).toHaveValue(RU);
  await expect(second.page.getByTestId("labels-changed")).toHaveCount(0);

  // From the current labels, the save goes through.
  await second.page.getByLabel(FIELD).fill("Фейк наполовину");
  await second.page.getByRole("button", { name: "Save settings" }).click();
  await expect(second.page.getByRole("status")).toHaveText("Settings saved.");
  await second.context.close();
});
