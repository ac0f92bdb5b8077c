import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { createWorkspace, newPerson, signUpAndLand, uploadFiles } from "./helpers";
import { expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";

/**
 * Issue 14 §4: the articles list, the import page (with the server's validation errors inline),
 * export, the audit log, webhooks, members, the dashboard and the inbox in Russian and Ukrainian.
 * The workspace is set up in English; then the `claimtrail-locale` cookie picks the language, as
 * the sign-in page's switcher does for a person who has saved no preference. The article is our
 * own short text (no corpus text).
 */

const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

const useLocale = (page: Page, locale: "ru" | "uk") => setLocaleCookie(page.context(), new URL(page.url()).origin, locale);

async function expectAccessibleAndNarrow(page: Page) {
  await expectNoSeriousAxeViolations(page);
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);
  if (wide) await page.setViewportSize(wide);
}

/** A desk with one article, set up in English; returns the workspace's slug. */
async function deskWithArticle(page: Page, who: string): Promise<string> {
  await signUpAndLand(page, newPerson(who));
  const slug = await createWorkspace(page, `${who} desk`);
  const body = "Talks in Geneva\n\nThe ministers met in Geneva on 21 January 2022. The rest of the report follows here.\n";
  await uploadFiles(page, slug, [{ name: "talks.txt", mimeType: "text/plain", buffer: Buffer.from(body) }], { "talks.txt": "Added" });
  return slug;
}

test("in Russian: the articles list, import (with the server's field errors in Russian), export, audit log, webhooks, members, dashboard and inbox", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await deskWithArticle(page, "Rurest");
  await useLocale(page, "ru");

  // The articles list and the workspace's tabs.
  await page.goto(`/w/${slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { name: "Статьи" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Добавить статьи" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Рабочее пространство" });
  for (const tab of ["Статьи", "Утверждения", "Обзор", "Экспорт", "Участники", "Настройки"]) await expect(tabs.getByRole("link", { name: tab })).toBeVisible();
  await expect(page.getByRole("list", { name: "Статьи" }).getByRole("link", { name: /Talks in Geneva/ })).toContainText("английский");
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);

  // The import page: every section in Russian.
  await page.getByRole("link", { name: "Добавить статьи" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Добавить статьи" })).toBeVisible();
  for (const heading of ["Импорт из интернета", "Вставить статью", "Загрузить файлы", "Импорт аннотаций из других инструментов", "Импорт пакета Claimtrail"]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Прочитать страницы" })).toBeVisible();
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);

  // A check in the browser: the text is missing.
  const paste = page.getByRole("region", { name: "Вставить статью" });
  await paste.getByRole("button", { name: "Добавить статью" }).click();
  await expect(paste.getByText("Вставьте текст статьи.")).toBeVisible();

  // The server's refusal, field by field, in Russian (its English stays in the API's answer), and nothing is written.
  await paste.getByLabel("Заголовок").fill("З".repeat(301));
  await paste.getByLabel("Текст").fill("Переговоры прошли в Женеве 21 января 2022 года.");
  await paste.getByText("Сведения об источнике (необязательно)").click();
  await paste.getByLabel("URL").fill("ftp://example.org/report");
  await paste.getByLabel("Язык").fill("zz-invalid-123");
  const refused = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/api/w/${slug}/articles`);
  await paste.getByRole("button", { name: "Добавить статью" }).click();
  const answer = await refused;
  expect(answer.status()).toBe(400);
  const problem = (await answer.json()) as { errors: Record<string, string>; fieldCodes: Record<string, { code: string; limit?: number }> };
  expect(problem.errors.url).toBe("Use a full http:// or https:// address.");
  expect(problem.fieldCodes).toMatchObject({ title: { code: "too_long", limit: 300 }, url: { code: "invalid_url" }, language: { code: "invalid_language" } });
  await expect(paste.getByLabel("Заголовок")).toHaveAccessibleDescription("Слишком длинно: не больше 300 символов.");
  await expect(paste.getByLabel("URL")).toHaveAccessibleDescription("Укажите полный адрес, начинающийся с http:// или https://.");
  await expect(paste.getByLabel("Язык")).toHaveAccessibleDescription("Укажите код языка, например en или pt-BR.");
  await expectNoMissingMessages(page);
  await page.goto(`/w/${slug}`);
  await expect(page.getByRole("list", { name: "Статьи" }).getByRole("listitem")).toHaveCount(1);

  // Export: the counts in Russian plurals.
  await page.goto(`/w/${slug}/export`);
  await expect(page.getByRole("heading", { name: "Экспорт", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "В этом экспорте" })).toContainText("1 статья, 0 выделений и 0 утверждений");
  await expect(page.getByRole("link", { name: "Экспорт: CSV" })).toBeVisible();
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);

  // The audit log, and a refused filter explained in Russian.
  await page.goto(`/w/${slug}/settings/audit`);
  await expect(page.getByRole("navigation", { name: "Разделы настроек" }).getByRole("link", { name: "Журнал аудита" })).toHaveAttribute("aria-current", "page");
  const log = page.getByRole("table", { name: "Журнал аудита" });
  await expect(log.getByRole("columnheader", { name: "Когда" })).toBeVisible();
  // Kinds and summaries are told in Russian now, not as their codes (article.created).
  await expect(log.getByRole("cell", { name: "Добавлена статья", exact: true })).toBeVisible();
  await expect(log).toContainText("Добавлена статья «");
  await expect(log).not.toContainText("article.created");
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);
  await page.goto(`/w/${slug}/settings/audit?from=2024-05-02&to=2024-05-01`);
  await expect(page.locator("#audit-filter-error")).toHaveText("По: Начальная дата позже конечной.");

  // Webhooks: the empty state, and the server's refusal of an empty address in Russian.
  await page.goto(`/w/${slug}/settings/webhooks`);
  await expect(page.getByRole("heading", { name: "Новый вебхук" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Какие события отправлять" })).toBeVisible();
  // The event groups are named in Russian, as the audit log names them; the event codes stay as the payload carries them.
  await expect(page.getByRole("group", { name: "Утверждения" })).toBeVisible();
  await expect(page.getByLabel("Все события: Утверждения")).toBeVisible();
  await expect(page.getByRole("group", { name: "claim", exact: true })).toHaveCount(0);
  await expect(page.getByText("Вебхуков пока нет.", { exact: false })).toBeVisible();
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);
  await page.getByRole("button", { name: "Добавить вебхук" }).click();
  await expect(page.getByLabel("URL получателя")).toHaveAccessibleDescription("Обязательное поле.");

  // Members and the dashboard.
  await page.goto(`/w/${slug}/members`);
  await expect(page.getByRole("heading", { name: "Участники" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Пригласить" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Участники" })).toContainText("(вы)");
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);
  await page.goto(`/w/${slug}/dashboard`);
  await expect(page.getByText("0 утверждений в этом рабочем пространстве")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Прогресс по статьям" })).toBeVisible();

  // The inbox (empty) and the bell.
  await page.goto("/inbox");
  await expect(page.getByText("Пока ничего нет.", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Входящие, всё прочитано" })).toBeVisible();
  await expectNoMissingMessages(page);
});

test("in Ukrainian: the import page with a field error, and the export page", async ({ page }) => {
  test.setTimeout(180_000);
  const slug = await deskWithArticle(page, "Ukrest");
  await useLocale(page, "uk");

  await page.goto(`/w/${slug}/import`);
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expect(page.getByRole("heading", { level: 2, name: "Додати статті" })).toBeVisible();
  for (const heading of ["Імпорт з інтернету", "Вставити статтю", "Завантажити файли"]) await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);

  // An address list the server refuses: the message under the field is Ukrainian.
  const web = page.getByRole("region", { name: "Імпорт з інтернету" });
  await web.getByLabel("Вебадреси").fill(Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`).join("\n"));
  await web.getByRole("button", { name: "Прочитати сторінки" }).click();
  await expect(web.getByLabel("Вебадреси")).toHaveAccessibleDescription("Забагато: щонайбільше 20.");

  const paste = page.getByRole("region", { name: "Вставити статтю" });
  await paste.getByLabel("Текст").fill("Переговори відбулися в Женеві 21 січня 2022 року.");
  await paste.getByText("Відомості про джерело (необов'язково)").click();
  await paste.getByLabel("URL").fill("not an address");
  await paste.getByRole("button", { name: "Додати статтю" }).click();
  await expect(paste.getByLabel("URL")).toHaveAccessibleDescription("Вкажіть повну адресу, що починається з http:// або https://.");
  await expectNoMissingMessages(page);

  await page.goto(`/w/${slug}/export`);
  await expect(page.getByRole("heading", { name: "Експорт", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "У цьому експорті" })).toContainText("1 стаття, 0 виділень і 0 тверджень");
  await expect(page.getByText("Стан перевірки (будь-який, якщо нічого не позначено)")).toBeVisible();
  await expectNoMissingMessages(page);
  await expectAccessibleAndNarrow(page);
});
