import { expect, test } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { createWorkspace, inviteMember, newPerson, signUpAndLand } from "./helpers";

/**
 * Finding T4: the 403 and 404 pages inside a workspace carry the reader's language in the server's HTML
 * (lang and dir on <html>), before any script runs; read from the raw response, not the hydrated page.
 * Finding T5: the export page says, in the reader's language, that CSV headers stay in English.
 */

const htmlTag = (html: string) => /<html\b[^>]*>/i.exec(html)?.[0] ?? "";

test("a workspace's 404 and 403 pages are served with lang and dir of the reader's language (ru)", async ({ page, browser }) => {
  // NOT MET yet (finding T4 stays open): Next 16 answers a notFound() thrown while a workspace page renders with its
  // error shell, `<html id="__next_error__">`, not the root layout's <html lang dir>; the client puts the layout
  // in only when it hydrates. Marked as failing so the suite records the bug and says so once it is fixed.
  test.fail();
  await signUpAndLand(page, newPerson("langadmin"));
  const slug = await createWorkspace(page, "Lang desk");
  const viewer = await inviteMember(browser, page, slug, "viewer", "langviewer");
  for (const p of [page, viewer.page]) expect((await p.request.put("/api/account/locale", { data: { locale: "ru" } })).ok()).toBe(true);

  for (const path of [`/w/${slug}/claims/no-such-claim`, `/w/no-such-desk-${Date.now()}`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
    const tag = htmlTag(await res.text());
    expect(tag, path).toMatch(/\blang="ru"/);
    expect(tag, path).toMatch(/\bdir="ltr"/);
  }
  // A viewer may not manage members: 403, in their language too.
  const res = await viewer.page.request.get(`/w/${slug}/members`);
  expect(res.status()).toBe(403);
  const tag = htmlTag(await res.text());
  expect(tag).toMatch(/\blang="ru"/);
  expect(tag).toMatch(/\bdir="ltr"/);
  await viewer.context.close();
});

test("the export page says CSV headers stay in English, in en and ru, and passes axe", async ({ page }) => {
  await signUpAndLand(page, newPerson("csvnote"));
  const slug = await createWorkspace(page, "Csv desk");
  await page.goto(`/w/${slug}/export`);
  await expect(page.getByText("Column headers stay in English, so that other tools can read them.")).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  expect((await page.request.put("/api/account/locale", { data: { locale: "ru" } })).ok()).toBe(true);
  await page.goto(`/w/${slug}/export`);
  await expect(page.getByText("Заголовки столбцов остаются на английском, чтобы их могли прочитать другие программы.")).toBeVisible();
});
