import { expect, test } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { addArticle, addHighlight, changeClaim, claimOnNewArticle } from "./action-setup";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";

/**
 * What a black-box test of issue #10 found on the claim page and the dashboard: a very long word
 * widened the page, a double-click posted a comment twice, an unchanged edit marked a comment
 * "edited", a source's date was shown raw, a mention whose highlight was deleted still counted, and the
 * dashboard's activity links failed axe's
 * link-in-text-block rule.
 */

const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

test("a long word wraps; a double-clicked Comment posts once; saving an unchanged comment doesn't mark it edited; dates and links read well", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpAndLand(page, newPerson("Edges"));
  const slug = await createWorkspace(page, "Edges desk");
  const statement = "The tunnel will open to cyclists in June.";
  const c = await claimOnNewArticle(page, slug, "Tunnel plans", statement);
  await changeClaim(page, "post", `/api/w/${slug}/claims/${c.claimId}/sources`, { version: c.version, title: "Council minutes", kind: "primary-document", stance: "supports", publishedAt: "2025-03-04" });

  await page.goto(`/w/${slug}/claims/${c.claimId}`);
  await expect(page.getByRole("heading", { level: 1, name: statement })).toBeVisible();
  // The source's date in the viewer's locale (en-GB in the tests), like every other date.
  await expect(page.getByRole("region", { name: /^Sources/ })).toContainText("4 March 2025");

  const discussion = page.getByRole("region", { name: /^Discussion/ });
  const longWord = `https://example.org/${"x".repeat(300)}`;
  await discussion.getByRole("textbox", { name: "New comment" }).click();
  await page.keyboard.type(longWord);
  await discussion.getByRole("button", { name: "Comment", exact: true }).dblclick();
  await expect(discussion.getByRole("heading", { name: "Discussion (1)" })).toBeVisible();
  await expect(discussion.getByRole("listitem")).toHaveCount(1);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);
  await page.reload();
  await expect(discussion.getByRole("listitem")).toHaveCount(1);

  // Edit, then Save without a change: no request, no "edited".
  await discussion.getByRole("button", { name: "Edit" }).click();
  await discussion.getByRole("button", { name: "Save" }).click();
  await expect(discussion.getByRole("button", { name: "Edit" })).toBeVisible();
  await page.reload();
  await expect(discussion.getByRole("listitem")).not.toContainText("edited");

  // Its only highlight deleted in the reader: the mention shows as such and isn't counted, and can't be detached.
  const removed = await page.request.delete(`/api/w/${slug}/articles/${c.articleId}/annotations/${c.annotationId}`);
  expect(removed.status(), await removed.text()).toBeLessThan(300);
  await page.reload();
  const mentions = page.getByRole("region", { name: /^Mentions/ });
  await expect(mentions.getByRole("heading")).toHaveText("Mentions (0 in 0 articles)");
  await expect(mentions).toContainText("Highlight deleted");
  await expect(mentions.getByRole("button", { name: /^Detach/ })).toHaveCount(0);

  // The dashboard's recent activity links to the claim: underlined, so it passes axe at both widths.
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/w/${slug}/dashboard`);
    await expect(page.getByRole("region", { name: "Recent activity" })).toContainText("commented");
    await expectNoSeriousAxeViolations(page, { rules: "all" });
    expect(await page.evaluate(noSidewaysScroll)).toBe(true);
  }
});

test("a claim made in many articles shows its first 20 mentions with the full count; Show more mentions brings the rest", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpAndLand(page, newPerson("Many"));
  const slug = await createWorkspace(page, "Many mentions desk");
  const sentence = "The ferry carried 900 passengers on its first day.";
  const c = await claimOnNewArticle(page, slug, "Ferry day one", sentence);
  let version = c.version;
  for (let i = 1; i <= 22; i++) {
    const article = await addArticle(page, slug, `Ferry follow-up ${i}`, [`Report ${i}: ${sentence}`, `Further detail number ${i}.`]);
    const annotationId = await addHighlight(page, slug, article, sentence);
    version = await changeClaim(page, "post", `/api/w/${slug}/claims/${c.claimId}/mentions`, { annotationId, version });
  }

  await page.goto(`/w/${slug}/claims/${c.claimId}`);
  const mentions = page.getByRole("region", { name: /^Mentions/ });
  await expect(mentions.getByRole("heading")).toHaveText("Mentions (23 in 23 articles)");
  await expect(mentions.getByRole("listitem")).toHaveCount(20);
  const more = mentions.getByRole("button", { name: "Show more mentions (20 of 23 shown)" });
  await more.click();
  await expect(mentions.getByRole("listitem")).toHaveCount(23);
  await expect(mentions.getByRole("link", { name: "Ferry follow-up 22" })).toBeVisible();
  await expect(more).toHaveCount(0);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);
  await expectNoSeriousAxeViolations(page, { include: "main", rules: "all" });
});

test("a mention's context shows … only where the article goes on past what is shown (black-box, sessions 31 and 33); one h1 on each page", async ({ page }) => {
  await signUpAndLand(page, newPerson("Ellipsis"));
  const slug = await createWorkspace(page, "Ellipsis desk");
  const sentence = "The bridge reopened after 14 months of repairs.";
  // Whole: the article is the sentence and one short paragraph, so its context reaches both ends.
  const c = await claimOnNewArticle(page, slug, "Bridge short", sentence);
  // Cut: 400 characters of text either side, more than the 200 shown.
  const filler = (word: string) => Array.from({ length: 40 }, () => word).join(" ");
  const long = await addArticle(page, slug, "Bridge long", [`${filler("before")}. ${sentence} ${filler("after")}.`]);
  const afterLong = await changeClaim(page, "post", `/api/w/${slug}/claims/${c.claimId}/mentions`, { annotationId: await addHighlight(page, slug, long, sentence), version: c.version });
  // Exactly as much text after it as is shown (200 characters), then the article's end: no "…" there (black-box, session 33).
  const tail = ` ${"x".repeat(198)}.`;
  expect(tail).toHaveLength(200);
  const edge = await addArticle(page, slug, "Bridge edge", [`${filler("before")}. ${sentence}${tail}`]);
  await changeClaim(page, "post", `/api/w/${slug}/claims/${c.claimId}/mentions`, { annotationId: await addHighlight(page, slug, edge, sentence), version: afterLong });

  await page.goto(`/w/${slug}/claims/${c.claimId}`);
  const mentions = page.getByRole("region", { name: /^Mentions/ });
  const item = (title: string) => mentions.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(item("Bridge short").locator("mark")).toHaveText(sentence);
  await expect(item("Bridge short")).toContainText("A second paragraph follows here.");
  expect(await item("Bridge short").locator("p").first().innerText()).not.toContain("…");
  const cut = await item("Bridge long").locator("p").first().innerText();
  expect(cut.startsWith("…")).toBe(true);
  expect(cut.endsWith("…")).toBe(true);
  expect(cut).toContain(sentence);
  const edgeText = await item("Bridge edge").locator("p").first().innerText();
  expect(edgeText.startsWith("…")).toBe(true);
  expect(edgeText.endsWith(tail)).toBe(true);

  // One h1 on each page: the statement here, the title on an article's page, the workspace's name on its lists
  // and on an article's editor (black-box, session 31: the workspace's name had been a second h1).
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveCount(1);
  await expect(h1).toHaveText(sentence);
  await expect(page.getByText("Ellipsis desk", { exact: true })).toBeVisible();
  await page.goto(`/w/${slug}/articles/${edge.articleId}`);
  await expect(h1).toHaveText("Bridge edge");
  await expect(h1).toHaveCount(1);
  for (const path of [`/w/${slug}`, `/w/${slug}/claims`, `/w/${slug}/articles/${edge.articleId}/edit`]) {
    await page.goto(path);
    await expect(h1, path).toHaveText("Ellipsis desk");
    await expect(h1, path).toHaveCount(1);
  }
});
