import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { createWorkspace, inviteMember, newPerson, signUpAndLand } from "./helpers";
import { expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";

/**
 * Issue 14 §4, verdict labels per workspace per language: an admin names "mostly false" in Russian
 * and in English in Settings (language tabs, keyboard); a teammate with the Russian UI sees the
 * Russian label on the claims list and the claim page, the English UI the English one, and the
 * Ukrainian UI (no Ukrainian label) the built-in Ukrainian name.
 */

const STATEMENT = "The new ferry carries 900 passengers an hour.";

async function claimWithVerdict(page: Page, slug: string): Promise<string> {
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: `${STATEMENT} The operator said so on Monday.`, title: "Ferry capacity" } });
  expect(created.status()).toBe(201);
  const { article } = (await created.json()) as { article: { id: string } };
  const highlight = await page.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start: 0, end: STATEMENT.length, revision: 1 } });
  const claim = await page.request.post(`/api/w/${slug}/claims`, { data: { annotationId: ((await highlight.json()) as { id: string }).id } });
  expect(claim.status()).toBe(201);
  const { id, version } = (await claim.json()) as { id: string; version: number };
  const verdict = await page.request.put(`/api/w/${slug}/claims/${id}/verdict`, { data: { verdict: "mostly-false", explanation: null, version } });
  expect(verdict.status(), await verdict.text()).toBeLessThan(300);
  return id;
}

async function expectAccessibleAndNarrow(page: Page) {
  await expectNoSeriousAxeViolations(page);
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  if (wide) await page.setViewportSize(wide);
}

/** The claim's row on the claims list and its verdict on the claim page show `label`. */
async function expectLabel(page: Page, slug: string, claimId: string, label: string, regionName: string) {
  await page.goto(`/w/${slug}/claims`);
  await expect(page.getByRole("row").filter({ hasText: STATEMENT })).toContainText(label);
  await page.goto(`/w/${slug}/claims/${claimId}`);
  await expect(page.getByRole("region", { name: regionName }).getByText(label, { exact: true })).toBeVisible();
  await expectNoMissingMessages(page);
}

test("an admin names a verdict in Russian and English; a teammate sees the label of the UI's language, Ukrainian the built-in name", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signUpAndLand(page, newPerson("Labeller"));
  const slug = await createWorkspace(page, "Labels desk");
  const claimId = await claimWithVerdict(page, slug);
  const teammate = await inviteMember(browser, page, slug, "viewer", "Reader");

  await page.goto(`/w/${slug}/settings`);
  const tabs = page.getByRole("tablist", { name: "Language of the labels" });
  await expect(tabs.getByRole("tab", { name: "English" })).toHaveAttribute("aria-selected", "true");
  // Untouched, the fields are empty: the built-in names are placeholders, not stored labels.
  await expect(page.getByLabel("Mostly false (mostly-false)")).toHaveValue("");
  await expect(page.getByLabel("Mostly false (mostly-false)")).toHaveAttribute("placeholder", "Mostly false");
  await page.getByLabel("Mostly false (mostly-false)").fill("Misleading");

  // The keyboard moves between languages (arrow keys), and each language keeps what was typed.
  await tabs.getByRole("tab", { name: "English" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.getByRole("tab", { name: "Русский" })).toBeFocused();
  await expect(tabs.getByRole("tab", { name: "Русский" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Mostly false (mostly-false)")).toHaveAttribute("placeholder", "В основном неправда");
  await page.getByLabel("Mostly false (mostly-false)").fill("Манипуляция");
  await tabs.getByRole("tab", { selected: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.getByRole("tab", { name: "Українська" })).toHaveAttribute("aria-selected", "true");
  // Too long in Ukrainian while the English tab is showing: the form shows the Ukrainian tab with the error at its field.
  await page.getByLabel("False (false)").fill("н".repeat(41));
  await tabs.getByRole("tab", { selected: true }).focus();
  await page.keyboard.press("Home");
  await expect(tabs.getByRole("tab", { name: "English" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Mostly false (mostly-false)")).toHaveValue("Misleading");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(tabs.getByRole("tab", { name: /^Українська/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("False (false)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Keep labels to 40 characters.")).toBeVisible();
  await page.getByLabel("False (false)").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await expectAccessibleAndNarrow(page);

  // The admin's UI is English: the English label.
  await expectLabel(page, slug, claimId, "Misleading", "Verdict and review");

  // The teammate's UI is Russian: the Russian label.
  await setLocaleCookie(teammate.context, new URL(page.url()).origin, "ru");
  await expectLabel(teammate.page, slug, claimId, "Манипуляция", "Вердикт и проверка");
  await expect(teammate.page.getByText("Misleading")).toHaveCount(0);

  // In Ukrainian the desk named nothing: the built-in Ukrainian name, not another language's label.
  await setLocaleCookie(teammate.context, new URL(page.url()).origin, "uk");
  await expectLabel(teammate.page, slug, claimId, "Здебільшого неправда", "Вердикт і перевірка");
  await teammate.context.close();

  // The settings page in Russian: the Russian tab first, every word translated, accessible at 390 px.
  await setLocaleCookie(page.context(), new URL(page.url()).origin, "ru");
  await page.goto(`/w/${slug}/settings`);
  await expect(page.getByRole("heading", { name: "Настройки" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Русский" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("В основном неправда (mostly-false)")).toHaveValue("Манипуляция");
  await expect(page).toHaveTitle(/Настройки/);
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);
});
