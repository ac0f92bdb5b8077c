import { expect, test, type Page, type Route } from "./test";
import { addArticle, addClaim, addHighlight } from "./action-setup";
import { articleText, createWorkspace, mouseSelect, newPerson, selectionToolbar, signUpAndLand } from "./helpers";

/**
 * Finding F11: the Mark-as-claim dialog must show suggestions for what is in
 * it now — never a list for an earlier search or selection, nor one from
 * before a teammate's change. Our own sentences.
 */

const TITLE = "Harbour report";
const FERRY = "The ferry to Vardo was cancelled for the winter.";
const BRIDGE = "The bridge over the Glomma reopened after repairs.";
const OPEN = "Engineers said the Glomma bridge would carry trains again in spring.";
const TEAMMATE = "Traffic on the Glomma bridge doubled after the repairs.";

const dialog = (page: Page) => page.getByRole("dialog", { name: "Mark as claim" });
const suggested = (page: Page) => dialog(page).getByRole("list", { name: "Suggested claims" });
const isSuggestions = (r: { method(): string; url(): string }) => r.method() === "POST" && /\/claims\/suggestions$/.test(new URL(r.url()).pathname);

test("the dialog shows only the answer to the latest search, drops a late earlier one, and asks again after a teammate's change", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Fresh"));
  const slug = await createWorkspace(page, "Fresh desk");
  const article = await addArticle(page, slug, TITLE, [FERRY, BRIDGE, OPEN, TEAMMATE, "A last paragraph follows here."]);
  await addClaim(page, slug, await addHighlight(page, slug, article, FERRY));
  await addClaim(page, slug, await addHighlight(page, slug, article, BRIDGE));

  await page.goto(`/w/${slug}`);
  await page.getByRole("list", { name: "Articles" }).getByRole("link", { name: TITLE }).click();
  await expect(articleText(page)).toBeVisible();
  await mouseSelect(page, articleText(page), OPEN);
  await selectionToolbar(page).getByRole("button", { name: /^Mark as claim/ }).click();
  await expect(suggested(page).getByRole("listitem").filter({ hasText: BRIDGE })).toBeVisible();

  // Two searches; the answer to the first is held back until the second has been answered.
  const held: Route[] = [];
  let releaseFirst!: () => void;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  await page.route("**/claims/suggestions", async (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}") as { q?: string };
    if (body.q === "ferry") {
      held.push(route);
      releaseFirst();
      return;
    }
    await route.continue();
  });
  const search = dialog(page).getByRole("searchbox");
  await search.fill("ferry");
  await firstHeld;
  // While "ferry" is unanswered, the selection's list is gone: it answered another question.
  await expect(suggested(page)).toHaveCount(0);
  await expect(dialog(page)).toContainText("Looking for similar claims");

  const second = page.waitForResponse((r) => isSuggestions(r.request()) && JSON.parse(r.request().postData() ?? "{}").q === "bridge");
  await search.fill("bridge");
  expect((await second).status()).toBe(200);
  await expect(suggested(page).getByRole("listitem").filter({ hasText: BRIDGE })).toBeVisible();

  // The first answer arrives last: it is dropped.
  const late = page.waitForResponse((r) => isSuggestions(r.request()) && JSON.parse(r.request().postData() ?? "{}").q === "ferry");
  await held[0].continue();
  expect((await late).status()).toBe(200);
  await expect(suggested(page).getByRole("listitem").filter({ hasText: BRIDGE })).toBeVisible();
  await expect(suggested(page).getByRole("listitem").filter({ hasText: FERRY })).toHaveCount(0);
  await page.unroute("**/claims/suggestions");

  // Back to the selection's suggestions; a teammate makes a claim in this article meanwhile: the open dialog asks again and shows it.
  await search.fill("");
  await expect(suggested(page).getByRole("listitem").filter({ hasText: BRIDGE })).toBeVisible();
  await expect(suggested(page).getByRole("listitem").filter({ hasText: TEAMMATE })).toHaveCount(0);
  const asked = page.waitForRequest((r) => isSuggestions(r) && "text" in (JSON.parse(r.postData() ?? "{}") as object));
  await addClaim(page, slug, await addHighlight(page, slug, article, TEAMMATE));
  await asked;
  await expect(suggested(page).getByRole("listitem").filter({ hasText: TEAMMATE })).toBeVisible();
});

test("a teammate's new claim in another article reaches the open dialog too (a passage's match often lives elsewhere)", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Elsewhere"));
  const slug = await createWorkspace(page, "Elsewhere desk");
  const here = await addArticle(page, slug, TITLE, [OPEN, "A last paragraph follows here."]);
  const elsewhere = await addArticle(page, slug, "Rail report", [TEAMMATE, "Another paragraph follows here."]);
  await addClaim(page, slug, await addHighlight(page, slug, here, "A last paragraph follows here."));

  await page.goto(`/w/${slug}`);
  await page.getByRole("list", { name: "Articles" }).getByRole("link", { name: TITLE }).click();
  await expect(articleText(page)).toBeVisible();
  await mouseSelect(page, articleText(page), OPEN);
  await selectionToolbar(page).getByRole("button", { name: /^Mark as claim/ }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByText("Looking for similar claims")).toHaveCount(0);
  await expect(dialog(page).getByRole("listitem").filter({ hasText: TEAMMATE })).toHaveCount(0);

  // The teammate's claim is made in the other article, which this reader's own stream doesn't follow.
  const asked = page.waitForRequest((r) => isSuggestions(r) && "text" in (JSON.parse(r.postData() ?? "{}") as object));
  await addClaim(page, slug, await addHighlight(page, slug, elsewhere, TEAMMATE));
  await asked;
  await expect(suggested(page).getByRole("listitem").filter({ hasText: TEAMMATE })).toBeVisible();
});
