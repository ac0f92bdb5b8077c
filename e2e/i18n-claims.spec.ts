import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { articleText, createWorkspace, highlight, mouseSelect, newPerson, signUpAndLand, uploadFiles } from "./helpers";
import { expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";

/**
 * Issue 14 §4: the claims list, a claim page and the reader in Russian and Ukrainian. The
 * workspace and its articles are set up in English (those pages are other people's to
 * translate); then the `claimtrail-locale` cookie picks the language, as the sign-in page's
 * switcher does for a person who has saved no preference. The two articles are our own short
 * texts (no corpus text): an English one and its Russian rendering.
 */

const EN_TITLE = "Talks in Geneva";
const EN = "Sergey Lavrov and Antony Blinken held talks in Geneva on 21 January 2022.";
const RU_TITLE = "Переговоры в Женеве";
const RU = "21 января 2022 года Сергей Лавров и Энтони Блинкен провели переговоры.";

const isPost = (suffix: RegExp) => (r: { request(): { method(): string }; url(): string }) => r.request().method() === "POST" && suffix.test(new URL(r.url()).pathname);
const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

/** The person has saved no language, so the cookie (the sign-in page's switcher) picks it. */
async function showIn(page: Page, locale: "ru" | "uk") {
  await setLocaleCookie(page.context(), new URL(page.url()).origin, locale);
}

async function expectAccessibleAndNarrow(page: Page) {
  await expectNoSeriousAxeViolations(page);
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);
  if (wide) await page.setViewportSize(wide);
}

async function openArticle(page: Page, slug: string, title: string) {
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(articleText(page)).toBeVisible();
}

/** A desk with the two articles, set up in English; returns the workspace's slug. */
async function deskWithArticles(page: Page, who: string): Promise<string> {
  await signUpAndLand(page, newPerson(who));
  const slug = await createWorkspace(page, `${who} desk`);
  const file = (name: string, title: string, body: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(`${title}\n\n${body} The rest of the report follows here.\n`) });
  await uploadFiles(page, slug, [file("talks-en.txt", EN_TITLE, EN), file("talks-ru.txt", RU_TITLE, RU)], { "talks-en.txt": "Added", "talks-ru.txt": "Added" });
  return slug;
}

test("in Russian: a claim is made from a highlight, the Russian passage is offered it with the reasons in Russian, the list and the claim page are Russian, and a verdict is set", async ({ page }) => {
  test.setTimeout(180_000);
  const slug = await deskWithArticles(page, "Rus");
  await showIn(page, "ru");

  // The reader: the panel, the legend and the selection toolbar in Russian.
  await openArticle(page, slug, EN_TITLE);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  // The English article's words are marked English for screen readers (WCAG 3.1.2); the Russian UI around them isn't.
  await expect(articleText(page)).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: EN_TITLE })).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: /^Выделения/ })).toBeVisible();
  await expect(page.getByText("Обозначения")).toBeVisible();
  await expectNoMissingMessages(page);
  await mouseSelect(page, articleText(page), EN);
  const toolbar = page.getByRole("toolbar", { name: "Выделенный текст" });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole("button", { name: /^Отметить как утверждение/ }).click();
  const dialog = page.getByRole("dialog", { name: "Отметить как утверждение" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Новое утверждение")).toBeVisible();
  await expectNoMissingMessages(page);
  const marked = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await dialog.getByRole("button", { name: "Создать утверждение" }).click();
  expect((await marked).status()).toBe(201);
  const { claim } = (await (await marked).json()) as { claim: { id: string } };
  await expect(dialog).toHaveCount(0);
  // The new claim's card in the side panel.
  const card = page.getByRole("region", { name: "Утверждение" });
  await expect(card).toContainText("Открыть утверждение →");
  await expect(card).toContainText("0 источников · 0 связанных утверждений");

  // The Russian passage, marked with the M key on a Russian keyboard layout (where it types "ь"):
  // the English claim is suggested, and why, in Russian.
  await openArticle(page, slug, RU_TITLE);
  await mouseSelect(page, articleText(page), RU);
  await expect(page.getByRole("toolbar", { name: "Выделенный текст" })).toBeVisible();
  await articleText(page).dispatchEvent("keydown", { key: "ь", code: "KeyM", bubbles: true, cancelable: true });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Похожие утверждения в этом рабочем пространстве")).toBeVisible();
  const item = dialog.getByRole("list", { name: "Подсказки: утверждения" }).getByRole("listitem").filter({ hasText: EN });
  const reasons = item.getByTestId("suggestion-reasons");
  await expect(reasons).toContainText(/Имя: .*Сергей Лавров ↔ Sergey Lavrov/);
  await expect(reasons).toContainText(/Дата: .*21 января 2022 ↔ 21 January 2022/);
  await expect(item).toContainText("1 статья");
  await expect(item).toContainText("Не проверено");
  await expectNoMissingMessages(page);
  const attached = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await item.getByRole("button", { name: /^Привязать к/ }).click();
  expect((await attached).status()).toBe(201);
  const { annotationId } = (await (await attached).json()) as { annotationId: string };
  await expect(highlight(page, annotationId).first()).toBeVisible();

  // The claims list.
  await page.goto(`/w/${slug}/claims`);
  await expect(page.getByRole("heading", { level: 2, name: "Утверждения", exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Вердикт" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Применить фильтры" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: EN });
  await expect(row.getByRole("link", { name: EN })).toHaveAttribute("lang", "en");
  await expect(row).toContainText("Вердикта пока нет");
  await expect(row).toContainText("Не проверено");
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);

  // The claim page; setting a verdict works in Russian and is told in Russian.
  await row.getByRole("link", { name: EN }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: EN })).toHaveAttribute("lang", "en");
  // The Russian mention's quote, on a Russian page, inherits the page's language.
  await expect(page.locator("mark", { hasText: RU }).locator("xpath=..")).not.toHaveAttribute("lang", /.+/);
  const review = page.getByRole("region", { name: "Вердикт и проверка" });
  await expect(review).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Упоминания/ })).toContainText("(2 в 2 статьях)");
  await expect(page.getByRole("heading", { name: /^Источники/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "История" })).toBeVisible();
  await expect(review.getByRole("listitem")).toHaveText(["Сначала выберите вердикт.", "Сначала поясните вердикт.", "Сначала добавьте хотя бы один источник."]);
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);
  await review.getByRole("button", { name: "Предложить вердикт" }).click();
  await review.locator('input[name="verdict"][value="mostly-true"]').check();
  await expect(review).toContainText("Точно, но требует уточнения или дополнительного контекста.");
  const saved = page.waitForResponse((r) => r.request().method() === "PUT" && /\/verdict$/.test(new URL(r.url()).pathname));
  await review.getByRole("button", { name: "Сохранить вердикт" }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByText("Вердикт сохранён.")).toBeVisible();
  await expect(review.getByRole("button", { name: "Изменить вердикт" })).toBeVisible();
  await expect(page.getByRole("list", { name: "История" })).toContainText("изменил(а) вердикт");
  await expectNoMissingMessages(page);
});

test("in Ukrainian: the claim page, with its mentions, history and review panel, is Ukrainian", async ({ page }) => {
  test.setTimeout(120_000);
  const slug = await deskWithArticles(page, "Ukr");
  await openArticle(page, slug, EN_TITLE);
  await mouseSelect(page, articleText(page), EN);
  await page.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: /^Mark as claim/ }).click();
  const marked = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await page.getByRole("dialog", { name: "Mark as claim" }).getByRole("button", { name: "Create claim" }).click();
  const { claim } = (await (await marked).json()) as { claim: { id: string } };

  await showIn(page, "uk");
  await page.goto(`/w/${slug}/claims/${claim.id}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expect(page.getByRole("region", { name: "Вердикт і перевірка" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Згадки/ })).toContainText("(1 у 1 статті)");
  await expect(page.getByRole("heading", { name: "Історія" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Історія" })).toContainText("створив(ла) твердження");
  await expect(page.getByRole("link", { name: "← Усі твердження" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Змінити дані" })).toBeVisible();
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);

  // The list and the reader too.
  await page.goto(`/w/${slug}/claims`);
  await expect(page.getByRole("heading", { level: 2, name: "Твердження", exact: true })).toBeVisible();
  await expectNoMissingMessages(page);
  await openArticle(page, slug, EN_TITLE);
  await expect(page.getByRole("heading", { name: /^Виділення/ })).toBeVisible();
  await expectNoMissingMessages(page);
});
