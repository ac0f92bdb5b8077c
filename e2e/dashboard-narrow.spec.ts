import { expect, test } from "./test";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";
import { expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";
import { expectNoSidewaysScroll } from "./layout-helpers";

/**
 * Issue 14, outside tester's N1: the dashboard scrolled sideways at 390 px in Russian and Ukrainian.
 * Each chart carries its numbers as a table for screen readers (sr-only: positioned absolutely, one
 * line a row, and a table is never narrower than its content), and long verdict labels made those
 * tables wider than the phone. The clipping wrapper around each table
 * (components/claims/dashboard-charts.tsx) keeps the page within the screen: this test fails without it.
 */

// Workspace labels as long as a label may be (40 characters), the kind a desk writes in full.
const LABELS = {
  ru: { "mostly-false": "Вводящее в заблуждение высказывание", false: "Не соответствующее действительности" },
  uk: { "mostly-false": "Здебільшого неправдиве висловлювання", false: "Твердження, що не відповідає дійсності" },
};
const TITLE = "Заявления администрации о пропускной способности переправы через водохранилище";
const STATEMENT = "Новый паром перевозит девятьсот пассажиров в час, заявил оператор переправы.";

test("the dashboard with long Russian and Ukrainian verdict labels and titles doesn't scroll sideways at 390 px", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Editor"));
  const slug = await createWorkspace(page, "Редакция проверки");
  for (const label of Object.values(LABELS).flatMap((l) => Object.values(l))) expect(label.length).toBeLessThanOrEqual(40);
  const settings = await page.request.patch(`/api/w/${slug}/settings`, { data: { verdictLabels: LABELS } });
  expect(settings.status(), await settings.text()).toBe(200);
  // A claim with a verdict: the chart by week gets a row, "Неделя с … · <label>", the longest of all.
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: `${STATEMENT} Он сказал это в понедельник.`, title: TITLE } });
  expect(created.status()).toBe(201);
  const { article } = (await created.json()) as { article: { id: string } };
  const highlight = await page.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start: 0, end: STATEMENT.length, revision: 1 } });
  const claim = await page.request.post(`/api/w/${slug}/claims`, { data: { annotationId: ((await highlight.json()) as { id: string }).id } });
  const { id, version } = (await claim.json()) as { id: string; version: number };
  const verdict = await page.request.put(`/api/w/${slug}/claims/${id}/verdict`, { data: { verdict: "mostly-false", explanation: null, version } });
  expect(verdict.status(), await verdict.text()).toBeLessThan(300);

  await page.setViewportSize({ width: 390, height: 844 });
  for (const locale of ["ru", "uk"] as const) {
    await setLocaleCookie(page.context(), baseURL!, locale);
    await page.goto(`/w/${slug}/dashboard`);
    // The screen readers' tables hold the long labels (the numbers stay readable without the chart).
    await expect(page.getByRole("rowheader", { name: LABELS[locale]["mostly-false"], exact: true })).toHaveCount(1);
    await expect(page.getByRole("rowheader", { name: new RegExp(`· ${LABELS[locale]["mostly-false"]}$`) })).toHaveCount(1);
    await expect(page.getByRole("progressbar").first()).toBeVisible();
    await expectNoMissingMessages(page);
    // The chart's legend names each verdict in the UI's language, and nothing in English for screen readers (X50).
    await expect(page.locator(".recharts-legend-wrapper")).toContainText(LABELS[locale]["mostly-false"]);
    await expect(page.locator('[aria-label$="legend icon"]')).toHaveCount(0);
    await expectNoSidewaysScroll(page, `dashboard, ${locale}`);
  }
});
