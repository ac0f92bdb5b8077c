import path from "node:path";
import { expect, test, type Page } from "./test";
import {
  articleText,
  CORPUS,
  corpusFiles,
  corpusPath,
  corpusTitle,
  createWorkspace,
  escapeRegExp,
  highlight,
  inviteMember,
  mouseSelect,
  newPerson,
  paragraphs,
  selectionToolbar,
  sentences,
  signUpAndLand,
  textPoints,
  uploadFiles,
  words,
} from "./helpers";

/**
 * Articles, the reader and highlights, in a real browser against the production
 * build on PostgreSQL. The reference corpus is read from /work/shared/corpus (never
 * copied into the repository); sentences are picked from it by position, so no
 * corpus text is written into this file either.
 */

/**
 * 004 starts with a headline (its title); its body then alternates paragraphs of
 * several sentences with short lines, one paragraph per line.
 */
const ZAKHAROVA = corpusPath("004");
const Z = paragraphs(ZAKHAROVA);
const zTitle = Z[0];
/** Body paragraph 1: two sentences; the second one is long. */
const zLong = sentences(Z[1])[1];
/** Body paragraph 3 (after a one-line paragraph): its last sentence. */
const zLater = sentences(Z[3]).at(-1)!;

// ---------------------------------------------------------------- helpers

const panel = (page: Page) => page.getByRole("complementary", { name: "Highlights" });

/** The text a highlight covers on screen (it may be cut into several runs). */
async function highlightText(page: Page, id: string): Promise<string> {
  return (await highlight(page, id).allTextContents()).join("");
}

/** Highlights the current selection without a claim (toolbar button or the "h" key) and returns the new highlight's id once it shows. */
async function markSelection(page: Page, how: "button" | "key" = "button"): Promise<string> {
  await expect(selectionToolbar(page)).toBeVisible();
  const created = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/annotations"));
  if (how === "key") await page.keyboard.press("h");
  else await selectionToolbar(page).getByRole("button", { name: /^Highlight/ }).click();
  const res = await created;
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await expect(highlight(page, id).first()).toBeVisible();
  await expect(selectionToolbar(page)).toHaveCount(0);
  // The marked text is no longer selected (a new drag starting on it selects, rather than drags it).
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("");
  return id;
}

/** A user with a workspace holding article 004, open in the reader. Returns the slug and the article's path. */
async function deskWithArticle(page: Page, label = "Ada") {
  await signUpAndLand(page, newPerson(label));
  const slug = await createWorkspace(page, `${label} desk`);
  await uploadFiles(page, slug, [ZAKHAROVA], { [path.basename(ZAKHAROVA)]: "Added" });
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: zTitle }).click();
  await expect(page.getByRole("heading", { level: 1, name: zTitle })).toBeVisible();
  await expect(articleText(page)).toBeVisible();
  return { slug, articlePath: new URL(page.url()).pathname };
}

// ---------------------------------------------------------------- tests

test("the five reference articles upload at once with their titles; a second upload is recognised; bad files fail by name", async ({ page }) => {
  await signUpAndLand(page, newPerson("Importer"));
  const slug = await createWorkspace(page, "Corpus desk");

  const files = corpusFiles.map((f) => path.join(CORPUS, f));
  expect(files).toHaveLength(5);
  await uploadFiles(page, slug, files, Object.fromEntries(corpusFiles.map((f) => [f, "Added"])));
  await expect(page.getByRole("region", { name: "Upload files" }).getByRole("status")).toHaveText("5 added of 5");

  await page.getByRole("link", { name: "← All articles" }).click();
  const list = page.getByRole("list", { name: "Articles" });
  await expect(list.getByRole("listitem")).toHaveCount(5);
  // Newest first: the files were uploaded one after another in name order.
  await expect(list.locator("li a > span:first-child")).toHaveText([...corpusFiles].reverse().map((f) => corpusTitle(path.join(CORPUS, f))));

  // The same text again is recognised.
  await uploadFiles(page, slug, [files[2]], { [corpusFiles[2]]: "Already here" });

  // A bad file among good ones: each bad one is named with its reason, the good one is added.
  await page.goto(`/w/${slug}/import`);
  await page.getByLabel("Choose files").setInputFiles([
    { name: "scan.tiff", mimeType: "image/tiff", buffer: Buffer.from("II* a TIFF image, not an article") },
    { name: "desk-notes.txt", mimeType: "text/plain", buffer: Buffer.from("Desk notes\n\nA short note the desk wrote for this test, with a sentence or two.\n") },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
  ]);
  await page.getByRole("button", { name: "Import 3 files" }).click();
  const uploads = page.getByRole("list", { name: "Uploads" });
  await expect(uploads.getByRole("listitem").filter({ hasText: "scan.tiff" })).toContainText("Failed: Use a .txt, .md, .html, .pdf or .docx file.");
  await expect(uploads.getByRole("listitem").filter({ hasText: "empty.txt" })).toContainText("Failed: There is no text to import.");
  await expect(uploads.getByRole("listitem").filter({ hasText: "desk-notes.txt" })).toContainText("Added");
  await expect(page.getByRole("region", { name: "Upload files" }).getByRole("status")).toHaveText("1 added, 2 failed of 3");
  await page.goto(`/w/${slug}`);
  await expect(list.getByRole("listitem")).toHaveCount(6);
  await expect(list.getByRole("link", { name: "Desk notes" })).toBeVisible();
});

test("a sentence selected with the mouse becomes a highlight that survives a reload", async ({ page }) => {
  await deskWithArticle(page);
  await expect(panel(page).getByText("Select a passage in the article")).toBeVisible();

  await mouseSelect(page, articleText(page), zLong);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(zLong);
  const id = await markSelection(page);
  expect(await highlightText(page, id)).toBe(zLong);
  await expect(panel(page).locator(`#ann-${id}`)).toContainText(zLong);

  await page.reload();
  await expect(highlight(page, id).first()).toBeVisible();
  expect(await highlightText(page, id)).toBe(zLong);
  await expect(page.locator(".ct-hl")).toHaveText([zLong]);
  await expect(panel(page).getByRole("heading", { name: "Highlights (1)" })).toBeVisible();
  await expect(panel(page).getByRole("listitem")).toHaveText([new RegExp(escapeRegExp(zLong))]);
});

test("a teammate with the article open sees a new highlight appear without reloading", async ({ page, browser }) => {
  const { slug, articlePath } = await deskWithArticle(page, "Lead");
  const mate = await inviteMember(browser, page, slug, "annotator");
  await mate.page.goto(articlePath);
  await expect(articleText(mate.page)).toBeVisible();
  await expect(mate.page.locator(".ct-hl")).toHaveCount(0);
  // Set in the page: a reload would drop it.
  await mate.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  await page.goto(articlePath);
  await mouseSelect(page, articleText(page), zLater);
  const id = await markSelection(page);

  // Polling every 3 s: well within 10 s.
  await expect(highlight(mate.page, id).first()).toBeVisible({ timeout: 10_000 });
  expect(await highlightText(mate.page, id)).toBe(zLater);
  await expect(panel(mate.page).locator(`#ann-${id}`)).toContainText(zLater);
  expect(await mate.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await mate.context.close();
});

test("edits move a highlight with its words, and removing its words orphans it", async ({ page }) => {
  const { articlePath } = await deskWithArticle(page, "Editor");
  await mouseSelect(page, articleText(page), zLater);
  const id = await markSelection(page);

  // Insert a paragraph before everything.
  await page.getByRole("link", { name: "Edit article" }).click();
  await page.waitForURL(/\/edit$/);
  const editor = page.getByRole("textbox", { name: "Article text" });
  await expect(editor).toBeVisible();
  const { start } = await textPoints(editor, words(Z[1]).slice(0, 3).join(" "));
  await page.mouse.click(start.x, start.y);
  const added = "A paragraph the desk added above the article during this test.";
  await page.keyboard.type(added);
  await page.keyboard.press("Enter");
  await expect(editor.locator("p").first()).toHaveText(added);
  await page.getByRole("button", { name: "Save revision" }).click();
  await page.waitForURL((url) => url.pathname === articlePath);
  await expect(page.getByText("Revision 2 of 2")).toBeVisible();
  await expect(articleText(page).locator("p").first()).toHaveText(added);
  await expect(highlight(page, id).first()).toBeVisible();
  expect(await highlightText(page, id)).toBe(zLater);
  await expect(panel(page).getByRole("region", { name: /Orphaned/ })).toHaveCount(0);

  // Delete the highlighted sentence.
  await page.getByRole("link", { name: "Edit article" }).click();
  await page.waitForURL(/\/edit$/);
  await expect(editor).toContainText(zLater);
  await mouseSelect(page, editor, zLater);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(zLater);
  await page.keyboard.press("Backspace");
  await expect(editor).not.toContainText(zLater);
  await page.getByRole("button", { name: "Save revision" }).click();
  await page.waitForURL((url) => url.pathname === articlePath);
  await expect(page.getByText("Revision 3 of 3")).toBeVisible();
  await expect(articleText(page)).not.toContainText(zLater);

  const orphaned = panel(page).getByRole("region", { name: /Orphaned/ });
  await expect(orphaned).toBeVisible();
  await expect(orphaned.locator(`#ann-${id}`)).toContainText(zLater);
  await expect(orphaned.locator(`#ann-${id}`)).toContainText("Orphaned");
  await expect(highlight(page, id)).toHaveCount(0);
  await expect(page.locator(".ct-hl")).toHaveCount(0);
  await expect(panel(page).getByRole("heading", { name: "Highlights (0)" })).toBeVisible();

  // Earlier revisions open by number; a number that can't be a revision is a page that doesn't exist.
  await page.goto(`${articlePath}?revision=1`);
  await expect(page.getByText("You're reading an earlier revision")).toBeVisible();
  await expect(page.getByText(zLater)).toBeVisible();
  for (const bad of ["-1", "abc", "9"]) {
    await page.goto(`${articlePath}?revision=${bad}`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

/**
 * A new person's new desk with one plain-text article uploaded (its first paragraph the title), opened in the
 * reader: the reader's text and the article's path.
 */
async function deskWithTextArticle(page: Page, who: string, paragraphs: string[]) {
  await signUpAndLand(page, newPerson(who));
  const slug = await createWorkspace(page, `${who} desk`);
  await uploadFiles(page, slug, [{ name: "article.txt", mimeType: "text/plain", buffer: Buffer.from(paragraphs.join("\n\n") + "\n") }], { "article.txt": "Added" });
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: paragraphs[0] }).click();
  const reader = articleText(page);
  await expect(reader.locator("p")).toHaveCount(paragraphs.length - 1);
  return { reader, articlePath: new URL(page.url()).pathname };
}

test("an edit beside a highlight keeps it in its own paragraph when a near-copy of that paragraph sits above", async ({ page }) => {
  // Wire copy repeats itself: an outside tester's edit (a paragraph added on top, a word changed
  // beside the highlight) once moved both highlights onto the first copy's words, status "moved".
  const bulletin = (n: number, who: string) => `Item ${n}: the ministry said grain exports rose by 5 percent, ${who} reported.`;
  const { reader, articlePath } = await deskWithTextArticle(page, "Copies", ["Grain bulletins", bulletin(1, "officials"), "Some other text in between.", bulletin(2, "officials")]);
  const item = (n: number) => reader.locator("p").filter({ hasText: `Item ${n}:` });

  await mouseSelect(page, item(2), "grain exports");
  const second = await markSelection(page);
  await mouseSelect(page, item(1), "grain exports");
  const first = await markSelection(page);

  await page.getByRole("link", { name: "Edit article" }).click();
  await page.waitForURL(/\/edit$/);
  const editor = page.getByRole("textbox", { name: "Article text" });
  const { start } = await textPoints(editor, "Item 1:");
  await page.mouse.click(start.x, start.y);
  await page.keyboard.type("Updated at noon with the second bulletin.");
  await page.keyboard.press("Enter");
  await mouseSelect(page, editor.locator("p").filter({ hasText: "Item 2:" }), "officials");
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("officials");
  await page.keyboard.type("sources");
  await expect(editor).toContainText(bulletin(2, "sources"));
  await page.getByRole("button", { name: "Save revision" }).click();
  await page.waitForURL((url) => url.pathname === articlePath);
  await expect(page.getByText("Revision 2 of 2")).toBeVisible();

  // Each highlight is on its own paragraph's words, one highlight a span, none orphaned.
  await expect(item(2).locator(`.ct-hl[data-ids~="${second}"]`)).toHaveText("grain exports");
  await expect(item(1).locator(`.ct-hl[data-ids~="${first}"]`)).toHaveText("grain exports");
  await expect(highlight(page, second)).toHaveCount(1);
  await expect(highlight(page, first)).toHaveCount(1);
  await expect(page.locator(".ct-hl")).toHaveCount(2);
  await expect(panel(page).getByRole("region", { name: /Orphaned/ })).toHaveCount(0);
});

test("a corrected figure keeps its highlight, marked as a fuzzy match, in its own sentence though the old words are quoted in a new paragraph", async ({ page }) => {
  // The typical fact-check correction (outside tester's W1, session 39): the highlight once left the corrected
  // sentence for the old words quoted below it, marked "moved", so nothing said its words had changed.
  const { reader, articlePath } = await deskWithTextArticle(page, "Corrections", ["Grain report", "The ministry said grain exports rose by 5 percent in March, officials added.", "Farmers in the south welcomed the news on Tuesday."]);
  await mouseSelect(page, reader.locator("p").first(), "grain exports rose by 5 percent");
  const id = await markSelection(page);

  await page.getByRole("link", { name: "Edit article" }).click();
  await page.waitForURL(/\/edit$/);
  const editor = page.getByRole("textbox", { name: "Article text" });
  await mouseSelect(page, editor.locator("p").first(), "5 percent");
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("5 percent");
  await page.keyboard.type("7 percent");
  const { end } = await textPoints(editor, "on Tuesday.");
  await page.mouse.click(end.x, end.y);
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Earlier estimates said grain exports rose by 5 percent.");
  await expect(editor.locator("p")).toHaveCount(3);
  await page.getByRole("button", { name: "Save revision" }).click();
  await page.waitForURL((url) => url.pathname === articlePath);
  await expect(page.getByText("Revision 2 of 2")).toBeVisible();

  await expect(reader.locator("p").first().locator(`.ct-hl[data-ids~="${id}"]`)).toHaveText("grain exports rose by 7 percent");
  await expect(highlight(page, id)).toHaveCount(1);
  await expect(reader.locator("p").last().locator(".ct-hl")).toHaveCount(0);
  // The entry says the words changed, and what they read now (fourth tester, session 40, UI2).
  await expect(panel(page).locator(`#ann-${id}`)).toContainText("Fuzzy match");
  await expect(panel(page).locator(`#ann-${id}`)).toContainText("Now reads: “grain exports rose by 7 percent”");
  await expect(panel(page).getByRole("region", { name: /Orphaned/ })).toHaveCount(0);
});

test("a selection across two paragraphs, and a keyboard selection highlighted with H", async ({ page }) => {
  await deskWithArticle(page, "Keys");

  // From the last words of body paragraph 1 to the first words of paragraph 2.
  const tail = words(Z[1]).slice(-4).join(" ");
  const head = words(Z[2]).slice(0, 3).join(" ");
  await mouseSelect(page, articleText(page), tail, head);
  const across = await markSelection(page);
  const runs = highlight(page, across);
  await expect(runs.first()).toHaveText(tail);
  await expect(runs.last()).toHaveText(head);
  expect(await runs.evaluateAll((els) => new Set(els.map((e) => e.closest("p"))).size)).toBe(2);
  const entry = panel(page).locator(`#ann-${across}`);
  await expect(entry).toContainText(tail);
  await expect(entry).toContainText(head);

  // Keyboard: caret after the first word of the long paragraph-3 sentence, then
  // shift+→ over a space, two words and the space after them.
  const first = words(zLater)[0];
  const { end } = await textPoints(articleText(page), zLater.slice(0, first.length));
  await page.mouse.click(end.x, end.y);
  await expect(selectionToolbar(page)).toHaveCount(0);
  const chars = zLater.slice(first.length, zLater.indexOf(" ", zLater.indexOf(" ", first.length + 1) + 1) + 1);
  expect(chars).toMatch(/^ \S+ \S+ $/);
  for (let i = 0; i < chars.length; i++) await page.keyboard.press("Shift+ArrowRight");
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(chars);
  // The toolbar shows from the first Shift+→ on, so "h" may go down before the reader has caught up
  // with the last ones; what it marks must still be what the page shows selected (see reader-actions.spec.ts).
  const typed = await markSelection(page, "key");
  expect(await highlightText(page, typed)).toBe(chars.trim());
  await expect(panel(page).locator(`#ann-${typed}`)).toContainText(chars.trim());
});

test("three overlapping highlights: the shared words are darkest, and a click there asks which one", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await deskWithArticle(page, "Overlap");
  const w = words(zLong);
  const spans = [w.slice(0, 6), w.slice(2, 9), w.slice(4, 12)].map((ws) => ws.join(" "));
  const ids: string[] = [];
  for (const span of spans) {
    await mouseSelect(page, articleText(page), span);
    ids.push(await markSelection(page));
  }
  const shared = w.slice(4, 6).join(" ");
  await expect(page.locator(".ct-depth-3")).toHaveText([shared]);
  await expect(page.locator(".ct-depth-3")).toHaveAttribute("data-ids", new RegExp(ids.map((id) => `(?=.*\\b${id}\\b)`).join("")));
  await expect(panel(page).getByRole("heading", { name: "Highlights (3)" })).toBeVisible();

  // One more, apart, for the screenshot the README shows.
  await mouseSelect(page, articleText(page), zLater);
  ids.push(await markSelection(page));
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator(".ct-flash")).toHaveCount(0);
  await page.screenshot({ path: "docs/reader.png" });

  await page.locator(".ct-depth-3").click();
  const menu = page.getByRole("menu", { name: "Overlapping highlights" });
  await expect(menu).toBeVisible();
  await expect(menu).toContainText("3 highlights here");
  const items = menu.getByRole("menuitem");
  await expect(items).toHaveCount(3);
  await expect(items).toHaveText(spans.map((s) => new RegExp(`^${escapeRegExp(s)}`)));
  await items.nth(1).click();
  await expect(menu).toHaveCount(0);
  await expect(panel(page).locator(`#ann-${ids[1]}`).getByRole("button").first()).toHaveAttribute("aria-current", "true");
  await expect(panel(page).locator('[aria-current="true"]')).toHaveCount(1);
});

test("a viewer can't annotate: no toolbar on selection, and the API refuses", async ({ page, browser }) => {
  const { slug, articlePath } = await deskWithArticle(page, "Owner");
  const viewer = await inviteMember(browser, page, slug, "viewer", "Viewer");
  await viewer.page.goto(articlePath);
  await expect(articleText(viewer.page)).toBeVisible();
  await expect(panel(viewer.page).getByText("No highlights yet.")).toBeVisible();

  await mouseSelect(viewer.page, articleText(viewer.page), zLong);
  expect(await viewer.page.evaluate(() => window.getSelection()?.toString())).toBe(zLong);
  await viewer.page.keyboard.press("m");
  await viewer.page.keyboard.press("h");
  // The toolbar would show within a frame of the selection; give the keys a round trip too.
  await expect(selectionToolbar(viewer.page)).toHaveCount(0);
  await expect(viewer.page.getByRole("dialog")).toHaveCount(0);
  await viewer.page.reload();
  await expect(articleText(viewer.page)).toBeVisible();
  await expect(viewer.page.locator(".ct-hl")).toHaveCount(0);

  const articleId = articlePath.split("/").pop()!;
  const res = await viewer.page.request.post(`/api/w/${slug}/articles/${articleId}/annotations`, { data: { start: 0, end: 20, revision: 1 } });
  expect(res.status()).toBe(403);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  await viewer.context.close();
});

test("an annotator deletes their highlight; an admin sees it under Deleted and restores it", async ({ page, browser }) => {
  const { slug, articlePath } = await deskWithArticle(page, "Admin");
  const annotator = await inviteMember(browser, page, slug, "annotator", "Annotator");
  const a = annotator.page;
  await a.goto(articlePath);
  await mouseSelect(a, articleText(a), zLong);
  const id = await markSelection(a);
  await expect(panel(a).locator(`#ann-${id}`)).toContainText(annotator.person.name);

  await panel(a).locator(`#ann-${id}`).getByRole("button", { name: /^Delete highlight/ }).click();
  await expect(highlight(a, id)).toHaveCount(0);
  await expect(panel(a).locator(`#ann-${id}`)).toHaveCount(0);
  await expect(panel(a).getByRole("region", { name: /Deleted/ })).toHaveCount(0);

  await page.goto(articlePath);
  await expect(articleText(page)).toBeVisible();
  await expect(page.locator(".ct-hl")).toHaveCount(0);
  const deleted = panel(page).getByRole("region", { name: /Deleted/ });
  await expect(deleted.locator(`#ann-${id}`)).toContainText(zLong);
  await deleted.getByRole("button", { name: /^Restore highlight/ }).click();
  await expect(highlight(page, id).first()).toBeVisible();
  expect(await highlightText(page, id)).toBe(zLong);
  await expect(panel(page).getByRole("region", { name: /Deleted/ })).toHaveCount(0);
  await expect(panel(page).getByRole("heading", { name: "Highlights (1)" })).toBeVisible();

  // The annotator's open reader gets it back by polling.
  await expect(highlight(a, id).first()).toBeVisible({ timeout: 10_000 });
  await annotator.context.close();
});
