import { expect, test } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";
import { expectNoSidewaysScroll } from "./layout-helpers";

/**
 * Issue 11, black-box finding F3: the workspace page listed every article (2,000 at 100k claims:
 * 2 MB of HTML, 0.85 s on the server). It shows the newest 50 and pages back through the older
 * ones; the cookie API pages the same way as API v1.
 */
test("the article list shows the newest 50 and pages through older ones, at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(180_000);
  await signUpAndLand(page, newPerson("Editor"));
  const slug = await createWorkspace(page, "Paged desk");
  // 52 articles, oldest first: "Report 01" … "Report 52".
  const titles = Array.from({ length: 52 }, (_, i) => `Report ${String(i + 1).padStart(2, "0")}`);
  for (const title of titles) {
    const res = await page.request.post(`/api/w/${slug}/articles`, { data: { content: `${title}: the harbour authority said the bridge would reopen in spring.`, title } });
    expect(res.status(), await res.text()).toBe(201);
  }

  await page.goto(`/w/${slug}`);
  const list = page.getByRole("list", { name: "Articles" });
  const links = list.getByRole("link");
  await expect(links).toHaveCount(50);
  await expect(links.first()).toContainText("Report 52");
  await expect(links.last()).toContainText("Report 03");
  const pager = page.getByRole("navigation", { name: "More articles" });
  await expect(pager.getByRole("link", { name: "← Newest articles" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, "article list, first page");

  await pager.getByRole("link", { name: "Older articles →" }).click();
  await expect(page).toHaveURL(/\?cursor=/);
  await expect(links).toHaveCount(2);
  await expect(links.first()).toContainText("Report 02");
  await expect(links.last()).toContainText("Report 01");
  await expect(pager.getByRole("link", { name: "Older articles →" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, "article list, older page");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, "article list, older page");

  // Keyboard: the way back to the newest is a link like any other.
  await pager.getByRole("link", { name: "← Newest articles" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  await expect(links).toHaveCount(50);
  await expectNoSidewaysScroll(page, "article list, first page");

  // A cursor that isn't one of ours shows the first page rather than an error, saying so, as the claims list does.
  await page.goto(`/w/${slug}?cursor=not-a-cursor`);
  await expect(links).toHaveCount(50);
  await expect(links.first()).toContainText("Report 52");
  await expect(page.getByRole("status").filter({ hasText: "That page link no longer leads to a page of this list" })).toBeVisible();
  await expect(page.getByRole("link", { name: "← Newest articles" })).toHaveCount(0);

  // The cookie API pages the same way: { items, nextCursor }, 400 naming a parameter it doesn't take.
  const first = (await (await page.request.get(`/api/w/${slug}/articles?limit=50`)).json()) as { items: { title: string }[]; nextCursor: string };
  expect(first.items).toHaveLength(50);
  const rest = (await (await page.request.get(`/api/w/${slug}/articles?cursor=${first.nextCursor}`)).json()) as { items: { title: string }[]; nextCursor: string | null };
  expect(rest.items.map((a) => a.title)).toEqual(["Report 02", "Report 01"]);
  expect(rest.nextCursor).toBeNull();
  const typo = await page.request.get(`/api/w/${slug}/articles?limt=5`);
  expect(typo.status()).toBe(400);
  expect(Object.keys(((await typo.json()) as { errors: Record<string, string> }).errors)).toEqual(["limt"]);
});
