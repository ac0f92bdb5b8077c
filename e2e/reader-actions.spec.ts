import path from "node:path";
import { expect, test, type Page, type Response } from "./test";
import { articleText, corpusPath, createWorkspace, highlight, mouseSelect, newPerson, paragraphs, selectionToolbar, sentences, signUpAndLand, textPoints, uploadFiles, words } from "./helpers";

/**
 * The reader's and the claim page's everyday actions, in a real browser against
 * the production build on PostgreSQL, on corpus article 004 (read from
 * /work/shared/corpus at runtime; no corpus text is written into this file).
 *
 * Actions covered here:
 * - keyboard: Shift+→ then H (highlight) or M (mark as claim) at once, many times, no waits
 * - the Mark-as-claim dialog: Tab / Shift+Tab stay inside, Escape and Cancel close it, focus returns to the article
 * - a plain highlight: "Make claim" from its side-panel entry, "Attach to claim" from its card
 * - marking words that are already highlighted: H selects the existing highlight, M offers it
 * - claim page comments: post, edit, delete
 */

const ZAKHAROVA = corpusPath("004");
const Z = paragraphs(ZAKHAROVA);
const zTitle = Z[0];
/** Body sentences of five words or more that occur once in the article. */
const zBody = Z.slice(1).join("\n");
const zSentences = Z.slice(1)
  .flatMap((p) => p.split("\n"))
  .flatMap((line) => sentences(line.trim()))
  .filter((s) => words(s).length >= 5 && zBody.indexOf(s) === zBody.lastIndexOf(s));

const panel = (page: Page) => page.getByRole("complementary", { name: "Highlights" });
const dialog = (page: Page) => page.getByRole("dialog", { name: "Mark as claim" });
const claimCard = (page: Page) => page.getByRole("region", { name: "Claim" });
const highlightCard = (page: Page) => page.getByRole("region", { name: "Highlight", exact: true });
const crashed = (page: Page) => page.getByText("Something went wrong");
const isPost = (suffix: RegExp) => (r: Response) => r.request().method() === "POST" && suffix.test(new URL(r.url()).pathname);

async function deskWithArticle(page: Page, label: string) {
  await signUpAndLand(page, newPerson(label));
  const slug = await createWorkspace(page, `${label} desk`);
  await uploadFiles(page, slug, [ZAKHAROVA], { [path.basename(ZAKHAROVA)]: "Added" });
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: zTitle }).click();
  await expect(page.getByRole("heading", { level: 1, name: zTitle })).toBeVisible();
  await expect(articleText(page)).toBeVisible();
  return { slug, articlePath: new URL(page.url()).pathname };
}

/** Puts the caret right after the first word of `sentence` with a click; nothing is selected. */
async function caretAfterFirstWord(page: Page, sentence: string) {
  // Escape first: a toolbar left over from an earlier selection must not catch the click.
  await page.keyboard.press("Escape");
  const first = words(sentence)[0];
  const { end } = await textPoints(articleText(page), sentence, first);
  await page.mouse.click(end.x, end.y);
  await expect(selectionToolbar(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("");
  return first.length;
}

/** Whether the focused element is inside the Mark-as-claim dialog. */
const focusInDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest("[role=dialog], dialog"));
const focusIsArticle = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "article-text");

/** Highlights the sentence with the mouse and the toolbar; returns the new highlight's id. */
async function highlightSentence(page: Page, sentence: string): Promise<string> {
  await mouseSelect(page, articleText(page), sentence);
  await expect(selectionToolbar(page)).toBeVisible();
  const created = page.waitForResponse(isPost(/\/annotations$/));
  await selectionToolbar(page).getByRole("button", { name: /^Highlight/ }).click();
  const res = await created;
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await expect(highlight(page, id).first()).toBeVisible();
  return id;
}

test("keyboard: Shift+→ pressed quickly, then H or M at once, marks exactly the selected text every time", async ({ page }) => {
  test.setTimeout(120_000);
  await deskWithArticle(page, "Quick");
  const tries = zSentences.slice(0, 10);
  expect(tries).toHaveLength(10);
  for (const [i, sentence] of tries.entries()) {
    const from = await caretAfterFirstWord(page, sentence);
    // A different length each time, ending inside a word or just after one.
    const count = Math.min(sentence.length - from, 6 + ((i * 7) % 17));
    const expected = sentence.slice(from, from + count).trim();
    // H first, then M (whose dialog is tested for focus on its own below).
    const key = i < 7 ? "h" : "m";
    const created = key === "h" ? page.waitForResponse(isPost(/\/annotations$/), { timeout: 20_000 }) : null;
    // No waits between the keys: the mark must use the selection as it is when the key goes down.
    for (let k = 0; k < count; k++) await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press(key);
    if (created) {
      const res = await created;
      expect(res.status()).toBe(201);
      const body = (await res.json()) as { id: string; exact: string };
      expect(body.exact, `try ${i + 1}`).toBe(expected);
      await expect(panel(page).locator(`#ann-${body.id}`)).toContainText(expected);
      // Marked: the selection is dropped, and its toolbar with it.
      await expect(selectionToolbar(page)).toHaveCount(0);
    } else {
      await expect(dialog(page)).toBeVisible();
      await expect(dialog(page).getByRole("blockquote"), `try ${i + 1}`).toHaveText(expected);
      await page.keyboard.press("Escape");
      await expect(dialog(page)).toHaveCount(0);
      // Back in the text, a second Escape puts the toolbar away.
      await page.keyboard.press("Escape");
      await expect(selectionToolbar(page)).toHaveCount(0);
    }
  }
});

test("the Mark-as-claim dialog keeps focus inside while open, closes with Escape or Cancel, and gives focus back to the article", async ({ page }) => {
  await deskWithArticle(page, "Focus");
  const sentence = zSentences[3];

  for (const close of ["Escape", "Cancel"] as const) {
    await mouseSelect(page, articleText(page), sentence);
    await expect(selectionToolbar(page)).toBeVisible();
    expect(await focusIsArticle(page)).toBe(true);
    await page.keyboard.press("m");
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).getByLabel("Statement")).toBeFocused();
    await expect(dialog(page)).toContainText("No similar claims yet.");

    // Its controls: Cancel, Statement, Claimant, Create claim, Search claims. Tab past the last one returns to the first.
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInDialog(page), `Tab ${i + 1} left the dialog`).toBe(true);
      seen.push(await page.evaluate(() => document.activeElement?.getAttribute("aria-label") || document.activeElement?.id || document.activeElement?.textContent || ""));
    }
    expect(new Set(seen).size).toBe(5);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focusInDialog(page), `Shift+Tab ${i + 1} left the dialog`).toBe(true);
    }
    if (close === "Escape") await page.screenshot({ path: "/tmp/ui-defects-dialog.png" });

    if (close === "Escape") await page.keyboard.press("Escape");
    else await dialog(page).getByRole("button", { name: "Cancel", exact: true }).click();
    await expect(dialog(page)).toHaveCount(0);
    await expect.poll(() => focusIsArticle(page)).toBe(true);
  }
});

test("a plain highlight becomes a claim, or a mention of one, later; marking the same words again reuses the highlight", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await deskWithArticle(page, "Later");
  const [s1, s2, s3] = [zSentences[1], zSentences[4], zSentences[6]];
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(new URL(r.url()).pathname);
  });
  const annotationPosts = () => posts.filter((p) => p.endsWith("/annotations")).length;

  const first = await highlightSentence(page, s1);
  const second = await highlightSentence(page, s2);
  expect(annotationPosts()).toBe(2);

  // Marking the same words again with H creates nothing: the existing highlight is selected.
  await mouseSelect(page, articleText(page), s1);
  await expect(selectionToolbar(page)).toBeVisible();
  await page.keyboard.press("h");
  await expect(highlightCard(page)).toContainText("Already highlighted");
  await expect(panel(page).locator(`#ann-${first}`).getByRole("button").first()).toHaveAttribute("aria-current", "true");
  await expect(panel(page).getByRole("heading", { name: "Highlights (2)" })).toBeVisible();
  expect(annotationPosts()).toBe(2);
  await page.screenshot({ path: "/tmp/ui-defects-highlight-card.png" });

  // "Make claim" on the first one's side-panel entry: the dialog quotes it; creating the claim reuses the highlight.
  await panel(page).locator(`#ann-${first}`).getByRole("button", { name: "Make claim" }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole("blockquote")).toHaveText(s1);
  const claimPost = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await dialog(page).getByRole("button", { name: "Create claim" }).click();
  const claimRes = await claimPost;
  expect(claimRes.status()).toBe(201);
  const claimId = ((await claimRes.json()) as { claim: { id: string } }).claim.id;
  expect(JSON.parse(claimRes.request().postData() ?? "{}")).toMatchObject({ annotationId: first });
  await expect(dialog(page)).toHaveCount(0);
  await expect(claimCard(page)).toContainText(s1);
  await expect(panel(page).locator(`#ann-${first}`)).toContainText("Claim ·");
  await expect(panel(page).locator(`#ann-${first}`).getByRole("button", { name: "Make claim" })).toHaveCount(0);

  // The second one, clicked in the text: its card offers "Attach to claim"; the claim just made is suggested and attached.
  const { start } = await textPoints(articleText(page), s2);
  await page.mouse.click(start.x + 3, start.y);
  await expect(highlightCard(page)).toContainText(s2);
  await highlightCard(page).getByRole("button", { name: "Attach to claim" }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole("blockquote")).toHaveText(s2);
  await expect(dialog(page).getByLabel("Search claims")).toBeFocused();
  await page.keyboard.type(words(s1).slice(0, 3).join(" "));
  const attach = dialog(page).getByRole("button", { name: `Attach to “${s1.slice(0, 60)}”` });
  const mention = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await attach.click();
  const mentionRes = await mention;
  expect(mentionRes.status()).toBe(201);
  expect(JSON.parse(mentionRes.request().postData() ?? "{}")).toMatchObject({ annotationId: second, claimId });
  await expect(dialog(page)).toHaveCount(0);
  await expect(claimCard(page)).toContainText(s1);
  await expect(panel(page).locator(`#ann-${second}`)).toContainText("Claim ·");

  // M on words already highlighted as plain text offers that highlight; M on a claim's mention shows the claim.
  const third = await highlightSentence(page, s3);
  await mouseSelect(page, articleText(page), s3);
  await page.keyboard.press("m");
  await expect(dialog(page).getByRole("blockquote")).toHaveText(s3);
  const thirdClaim = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await dialog(page).getByRole("button", { name: "Create claim" }).click();
  expect(JSON.parse((await thirdClaim).request().postData() ?? "{}")).toMatchObject({ annotationId: third });
  await expect(dialog(page)).toHaveCount(0);
  await mouseSelect(page, articleText(page), s1);
  await page.keyboard.press("m");
  await expect(dialog(page)).toHaveCount(0);
  await expect(claimCard(page)).toContainText(s1);
  await expect(page.getByRole("status").filter({ hasText: "already a mention" })).toBeVisible();

  expect(annotationPosts()).toBe(3);
  await page.reload();
  await expect(panel(page).getByRole("heading", { name: "Highlights (3)" })).toBeVisible();
});

test("claim page: a comment is posted, edited and deleted without reloading, and each change is still there after a reload", async ({ page }) => {
  const { slug } = await deskWithArticle(page, "Talk");
  const sentence = zSentences[2];
  await mouseSelect(page, articleText(page), sentence);
  await selectionToolbar(page).getByRole("button", { name: /^Mark as claim/ }).click();
  const created = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await dialog(page).getByRole("button", { name: "Create claim" }).click();
  const claimId = ((await (await created).json()) as { claim: { id: string } }).claim.id;
  await page.goto(`/w/${slug}/claims/${claimId}`);
  const heading = page.getByRole("heading", { level: 1, name: sentence, exact: true });
  await expect(heading).toBeVisible();
  const discussion = page.getByRole("region", { name: /^Discussion/ });
  const comments = discussion.getByRole("listitem");

  // Post.
  await discussion.getByRole("textbox", { name: "New comment" }).click();
  await page.keyboard.type("First thought from the browser test.");
  const posted = page.waitForResponse(isPost(/\/comments$/));
  await discussion.getByRole("button", { name: "Comment", exact: true }).click();
  expect((await posted).status()).toBe(201);
  await expect(comments).toHaveCount(1);
  await expect(comments.first()).toContainText("First thought from the browser test.");
  await expect(discussion.getByRole("heading", { name: "Discussion (1)" })).toBeVisible();
  await expect(discussion.getByRole("textbox", { name: "New comment" })).toHaveText("");
  await expect(crashed(page)).toHaveCount(0);
  await expect(heading).toBeVisible();

  // Edit.
  await comments.first().getByRole("button", { name: "Edit", exact: true }).click();
  const edit = comments.first().getByRole("textbox", { name: "Edit comment" });
  await edit.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Second thought, edited.");
  const patched = page.waitForResponse((r) => r.request().method() === "PATCH" && /\/comments\/[^/]+$/.test(new URL(r.url()).pathname));
  await comments.first().getByRole("button", { name: "Save" }).click();
  expect((await patched).status()).toBe(200);
  await expect(edit).toHaveCount(0);
  await expect(comments.first()).toContainText("Second thought, edited.");
  await expect(comments.first()).not.toContainText("First thought");
  await expect(crashed(page)).toHaveCount(0);
  await expect(heading).toBeVisible();
  await page.reload();
  await expect(comments).toHaveCount(1);
  await expect(comments.first()).toContainText("Second thought, edited.");

  // Delete.
  const deleted = page.waitForResponse((r) => r.request().method() === "DELETE" && /\/comments\/[^/]+$/.test(new URL(r.url()).pathname));
  await comments.first().getByRole("button", { name: "Delete", exact: true }).click();
  expect((await deleted).ok()).toBe(true);
  await expect(comments).toHaveCount(0);
  await expect(discussion).toContainText("No comments yet.");
  await expect(crashed(page)).toHaveCount(0);
  await page.reload();
  await expect(discussion.getByRole("heading", { name: "Discussion (0)" })).toBeVisible();
});
