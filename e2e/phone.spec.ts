/**
 * The reader on a phone (390 px, touch): the highlights are a sheet opened by
 * a "Highlights (N)" button rather than a list after the whole article; text
 * selected by touch is marked with taps; a tapped highlight opens its claim.
 *
 * Headless Chromium does not turn a long press into a text selection (neither
 * CDP touch events nor its synthesized long-press gesture select anything), so
 * the selection a long press and the handles would make is set through the
 * Selection API after a real tap into the text; everything else is real taps
 * (touch events, as Playwright's `tap` sends them).
 */
import { expect, test, type Page } from "./test";
import { articleText, createWorkspace, newPerson, selectionToolbar, signUp } from "./helpers";

/** Signs up and waits for the workspace list; hashing the password takes its time on a loaded machine. */
async function signUpAndWait(page: Page, person: ReturnType<typeof newPerson>) {
  await signUp(page, person);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
}

const TITLE = "Harbour bridge to close for eight months, council confirms";
const PARAGRAPHS = [
  "The Kessel Street bridge opened in 1974 and was last fully renovated in 1998, the council said on Tuesday.",
  "A 2025 inspection report lists corrosion in three girders and rates the structure as poor.",
  "Traffic counts show an average of 38,700 vehicles per day, according to the regional transport office.",
  "The council says the works will cost twelve million euros and take eight months, starting in May.",
];

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Selects `words` inside the article the way a long press and its handles do: the page's own selection, inside the focused text. */
async function touchSelect(page: Page, words: string) {
  const text = articleText(page);
  const paragraph = text.locator("p", { hasText: words });
  await paragraph.scrollIntoViewIfNeeded();
  // A real tap first, at the paragraph's end, away from any highlight: it puts the focus (and the caret) in the text, as a finger does.
  const box = (await paragraph.boundingBox())!;
  await paragraph.tap({ position: { x: box.width - 4, y: box.height - 6 } });
  const selected = await paragraph.evaluate((p, words) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(words);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + words.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }
    return null;
  }, words);
  expect(selected).toBe(words);
}

test("a phone: touch selection marked with taps, highlights in a sheet, a tapped highlight opens its claim", async ({ page }) => {
  await signUpAndWait(page, newPerson("Phone"));
  const slug = await createWorkspace(page, "Phone newsroom");
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: PARAGRAPHS.join("\n\n"), title: TITLE } });
  expect(created.status()).toBe(201);
  const {
    article: { id: articleId },
  } = (await created.json()) as { article: { id: string } };
  await page.goto(`/w/${slug}/articles/${articleId}`);
  await expect(articleText(page)).toBeVisible();

  // The list is not laid out after the whole article: a button opens it.
  const sheetButton = page.getByRole("button", { name: "Highlights (0)" });
  await expect(sheetButton).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Highlights" })).toBeHidden();

  // Select by touch, tap "Highlight": it is saved with exactly the selected words.
  await touchSelect(page, "inspection report lists corrosion");
  const toolbar = selectionToolbar(page);
  await expect(toolbar).toBeVisible();
  // Docked inside the screen, not off its edge.
  const bar = (await toolbar.boundingBox())!;
  expect(bar.x).toBeGreaterThanOrEqual(0);
  expect(bar.x + bar.width).toBeLessThanOrEqual(390);
  await toolbar.getByRole("button", { name: /^Highlight/ }).tap();
  await expect(page.getByRole("button", { name: "Highlights (1)" })).toBeVisible();
  const saved = (await (await page.request.get(`/api/w/${slug}/articles/${articleId}/annotations`)).json()) as { annotations: { exact: string }[] };
  expect(saved.annotations.map((a) => a.exact)).toEqual(["inspection report lists corrosion"]);

  // Select by touch again, tap "Mark as claim", create the claim with taps.
  await touchSelect(page, "38,700 vehicles per day");
  await selectionToolbar(page).getByRole("button", { name: /Mark as claim/ }).tap();
  const composer = page.getByRole("dialog", { name: /Mark as claim/i });
  await expect(composer).toBeVisible();
  await composer.getByRole("button", { name: "Create claim" }).tap();
  await expect(composer).toBeHidden();
  await expect(page.getByRole("button", { name: "Highlights (2)" })).toBeVisible();

  // The sheet: opened by its button, listing both in document order; a tapped entry closes it and shows its words.
  await page.getByRole("button", { name: "Highlights (2)" }).tap();
  const sheet = page.getByRole("dialog", { name: "Highlights" });
  await expect(sheet).toBeVisible();
  const entries = sheet.getByRole("complementary", { name: "Highlights" }).getByRole("listitem");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText("inspection report lists corrosion");
  await expect(entries.nth(1)).toContainText("38,700 vehicles per day");
  // The new claim is selected: its card heads the sheet.
  await expect(sheet.getByRole("region", { name: "Claim" }).getByRole("link", { name: "Open claim →" })).toBeVisible();
  await page.screenshot({ path: "docs/screens/reader-highlights-390.png" });
  await entries.nth(0).getByRole("button").first().tap();
  await expect(sheet).toBeHidden();

  // Tapping a highlight in the text opens the sheet on its claim.
  await page.locator(".ct-hl", { hasText: "38,700 vehicles per day" }).tap();
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("region", { name: "Claim" })).toContainText("38,700 vehicles per day");
  await sheet.getByRole("button", { name: "Close", exact: true }).tap();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole("button", { name: "Highlights (2)" })).toBeFocused();

  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
});

test("a desktop keeps the highlights beside the article, with no sheet button", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpAndWait(page, newPerson("Desk"));
  const slug = await createWorkspace(page, "Desk newsroom");
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: PARAGRAPHS.join("\n\n"), title: TITLE } });
  const {
    article: { id },
  } = (await created.json()) as { article: { id: string } };
  await page.goto(`/w/${slug}/articles/${id}`);
  const panel = page.getByRole("complementary", { name: "Highlights" });
  await expect(panel).toBeVisible();
  await expect(page.getByRole("button", { name: /^Highlights \(/ })).toHaveCount(0);
  const text = (await articleText(page).boundingBox())!;
  const side = (await panel.boundingBox())!;
  expect(side.x).toBeGreaterThan(text.x + text.width - 1);
  expect(side.y).toBeLessThan(text.y + text.height);
});
