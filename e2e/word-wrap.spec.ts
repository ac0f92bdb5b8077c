import { expect, test, type Page } from "./test";
import { createWorkspace, signUpAndLand } from "./helpers";
import { expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";
import { expectNoSidewaysScroll, expectNoWordSplit } from "./layout-helpers";

/**
 * Issue 14, outside tester's S13: at 1280 px in Russian and Ukrainian, words broke mid-word in the
 * API tokens table and in the claims list's column headers (the columns were squeezed below their
 * longest word). At 1280 and 390 px, in both languages, no word of a header or a cell is drawn on
 * two lines, and at 390 px nothing scrolls sideways.
 */

const STATEMENT = "Новый паром перевозит девятьсот пассажиров в час, заявил оператор переправы.";

async function seed(page: Page) {
  const id = Date.now().toString(36);
  // Long Cyrillic words where the cells hold names: a person, a workspace, a token.
  await signUpAndLand(page, { name: "Александра Константинопольская", email: `aleksandra.${id}@example.test`, password: `pw-${id}-long-enough` });
  const slug = await createWorkspace(page, "Отдел проверки фактов");
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: `${STATEMENT} Он сказал это в понедельник.`, title: "Пропускная способность парома" } });
  expect(created.status()).toBe(201);
  const { article } = (await created.json()) as { article: { id: string } };
  const highlight = await page.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start: 0, end: STATEMENT.length, revision: 1 } });
  const claim = await page.request.post(`/api/w/${slug}/claims`, { data: { annotationId: ((await highlight.json()) as { id: string }).id, claimant: "Пресс-служба администрации" } });
  expect(claim.status()).toBe(201);
  const { id: claimId, version } = (await claim.json()) as { id: string; version: number };
  const verdict = await page.request.put(`/api/w/${slug}/claims/${claimId}/verdict`, { data: { verdict: "mostly-false", explanation: null, version } });
  expect(verdict.status(), await verdict.text()).toBeLessThan(300);
  const members = (await (await page.request.get(`/api/w/${slug}/members?q=Александра`)).json()) as { members: { id: string }[] };
  const assigned = await page.request.post(`/api/w/${slug}/claims/bulk`, { data: { action: "assign", claimIds: [claimId], assigneeId: members.members[0].id } });
  expect(assigned.status(), await assigned.text()).toBe(200);
  const token = await page.request.post("/api/tokens", { data: { name: "Еженедельная выгрузка", workspace: slug } });
  expect(token.status(), await token.text()).toBe(201);
  return slug;
}

test("the API tokens table and the claims list break no word across lines in Russian and Ukrainian, at 1280 and 390 px", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const slug = await seed(page);
  for (const locale of ["ru", "uk"] as const) {
    await setLocaleCookie(page.context(), baseURL!, locale);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await page.goto("/settings/tokens");
      await expect(page.getByText("Еженедельная выгрузка", { exact: true })).toBeVisible();
      await expectNoMissingMessages(page);
      await expectNoWordSplit(page, `API tokens, ${locale}, ${width} px`);
      if (width === 390) await expectNoSidewaysScroll(page, `API tokens, ${locale}`);

      await page.goto(`/w/${slug}/claims`);
      await expect(page.getByRole("row").filter({ hasText: STATEMENT })).toBeVisible();
      await expectNoWordSplit(page, `claims list, ${locale}, ${width} px`);
      if (width === 390) await expectNoSidewaysScroll(page, `claims list, ${locale}`);
      if (width === 1280) await page.screenshot({ path: test.info().outputPath(`claims-${locale}-${width}.png`) });
    }
  }
});
