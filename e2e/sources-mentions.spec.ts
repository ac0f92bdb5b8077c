import { expect, test, type Page } from "./test";
import { addHighlight, changeClaim, claimOnNewArticle, richText } from "./action-setup";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";

/**
 * The claim page's two corrections: detaching a mention (after confirming;
 * the last one is refused with the server's reason) and editing a source in
 * the form it was added with. Every claim here is written for the test.
 */

const claimHeading = (page: Page, statement: string) => page.getByRole("heading", { level: 1, name: statement, exact: true });
const history = (page: Page) => page.getByRole("list", { name: "History" });
const notice = (page: Page, text: string | RegExp) => page.locator("[role=alert], [role=status]").filter({ hasText: text });

async function desk(page: Page, label: string): Promise<string> {
  await signUpAndLand(page, newPerson(label));
  return createWorkspace(page, `${label} desk`);
}

test("mentions: Detach asks first and Cancel keeps the mention; a confirmed detach leaves one, and the last one is refused with the reason", async ({ page }) => {
  const slug = await desk(page, "Mentions");
  const statement = "The ferry will run every twenty minutes from May.";
  const article = await claimOnNewArticle(page, slug, "Ferry timetable", statement);
  const second = await addHighlight(page, slug, article, "A second paragraph follows here.");
  await changeClaim(page, "post", `/api/w/${slug}/claims/${article.claimId}/mentions`, { annotationId: second, version: article.version });

  await page.goto(`/w/${slug}/claims/${article.claimId}`);
  await expect(claimHeading(page, statement)).toBeVisible();
  const mentions = page.getByRole("region", { name: /^Mentions/ });
  const items = mentions.getByRole("listitem");
  await expect(items).toHaveCount(2);

  const detachSecond = mentions.getByRole("button", { name: /^Detach mention “A second paragraph follows here\.”/ });
  await detachSecond.click();
  const confirm = mentions.getByRole("group", { name: "Detach the mention in Ferry timetable?" });
  await expect(confirm).toContainText("The highlight stays in the article.");
  // The confirmation takes focus, so a keyboard user lands on it.
  await expect(confirm.getByRole("button", { name: "Detach", exact: true })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(detachSecond).toBeFocused();
  await expect(items).toHaveCount(2);

  await detachSecond.click();
  await confirm.getByRole("button", { name: "Detach", exact: true }).click();
  await expect(notice(page, "Mention detached. The highlight stays in the article.")).toBeVisible();
  await expect(items).toHaveCount(1);
  await expect(mentions.getByRole("heading")).toContainText("(1 in 1 article)");
  await expect(history(page).getByRole("listitem").filter({ hasText: "removed a mention: “A second paragraph follows here.”" })).toHaveCount(1);

  await mentions.getByRole("button", { name: /^Detach mention/ }).click();
  await mentions.getByRole("button", { name: "Detach", exact: true }).click();
  await expect(items.first().getByRole("alert")).toHaveText("A claim needs at least one mention. Add another mention first, or delete the claim.");
  await page.reload();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(statement);

  // The highlight detached above is still in the article, as a plain highlight.
  const annotations = await page.request.get(`/api/w/${slug}/articles/${article.articleId}/annotations`);
  const list = JSON.stringify(await annotations.json());
  expect(list).toContain(second);
});

test("sources: Edit opens the form filled in; a bad URL is refused at its field; Cancel keeps the source; a saved edit shows after a reload and in the history", async ({ page }) => {
  const slug = await desk(page, "Sourceedits");
  const statement = "The library lent out half a million books last year.";
  const { claimId, version } = await claimOnNewArticle(page, slug, "Library figures", statement);
  await changeClaim(page, "post", `/api/w/${slug}/claims/${claimId}/sources`, { version, title: "Annual report 2023", url: "https://example.org/report-2023", kind: "primary-document", stance: "supports", publisher: "City library", note: "Page 4" });

  await page.goto(`/w/${slug}/claims/${claimId}`);
  await expect(claimHeading(page, statement)).toBeVisible();
  const sources = page.getByRole("region", { name: /^Sources/ });

  await sources.getByRole("button", { name: "Edit source Annual report 2023" }).click();
  const form = sources.getByRole("form", { name: "Edit source Annual report 2023" });
  await expect(form.getByLabel("Title")).toHaveValue("Annual report 2023");
  await expect(form.getByLabel("Title")).toBeFocused();
  await expect(form.getByLabel("URL")).toHaveValue("https://example.org/report-2023");
  await expect(form.getByLabel("Kind")).toHaveValue("primary-document");
  await expect(form.getByLabel("Stance")).toHaveValue("supports");
  await expect(form.getByLabel("Publisher")).toHaveValue("City library");
  await expect(form.getByLabel("Note")).toHaveValue("Page 4");

  await form.getByLabel("Title").fill("Never saved");
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toHaveCount(0);
  await expect(sources.getByRole("button", { name: "Edit source Annual report 2023" })).toBeFocused();
  await expect(sources.getByRole("link", { name: "Annual report 2023" })).toBeVisible();
  await expect(sources.getByText("Never saved")).toHaveCount(0);

  await sources.getByRole("button", { name: "Edit source Annual report 2023" }).click();
  await form.getByLabel("URL").fill("example.org/report-2024");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByLabel("URL")).toHaveAccessibleDescription("Use an http or https address.");
  await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Title").fill("Annual report 2024");
  await form.getByLabel("URL").fill("https://example.org/report-2024");
  await form.getByLabel("Stance").selectOption({ label: "Context" });
  await form.getByLabel("Published").fill("2024-03-15");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(notice(page, "Source updated.")).toBeVisible();
  await expect(form).toHaveCount(0);

  const check = async () => {
    const link = sources.getByRole("link", { name: "Annual report 2024" });
    await expect(link).toHaveAttribute("href", "https://example.org/report-2024");
    await expect(sources.getByRole("heading", { level: 3, name: "Context" })).toBeVisible();
    await expect(sources.getByRole("heading", { level: 3, name: "Supports the claim" })).toHaveCount(0);
    await expect(sources).toContainText("15 March 2024");
    await expect(sources.getByText("Annual report 2023")).toHaveCount(0);
  };
  await check();
  await page.reload();
  await check();
  await expect(history(page).getByRole("listitem").filter({ hasText: "edited a source: Annual report 2024 (URL, title, published date, stance)" })).toHaveCount(1);
});

test("a comment removed in another tab: saving an edit of it says so and shows the claim as it is now, not as gone (black-box B3)", async ({ page }) => {
  const slug = await desk(page, "Parts");
  const statement = "The tram line will reopen in the spring.";
  const { claimId } = await claimOnNewArticle(page, slug, "Tram works", statement);
  const posted = await page.request.post(`/api/w/${slug}/claims/${claimId}/comments`, { data: { body: richText("Check the council minutes.") } });
  expect(posted.status()).toBe(201);
  const { id: commentId } = (await posted.json()) as { id: string };

  await page.goto(`/w/${slug}/claims/${claimId}`);
  await expect(claimHeading(page, statement)).toBeVisible();
  const discussion = page.getByRole("region", { name: /^Discussion/ });
  const comments = discussion.getByRole("listitem");
  await expect(comments).toHaveCount(1);
  await comments.first().getByRole("button", { name: "Edit", exact: true }).click();
  await comments.first().getByRole("textbox", { name: "Edit comment" }).click();
  await page.keyboard.type(" And the budget.");

  // Meanwhile, in another tab, the comment is deleted.
  expect((await page.request.delete(`/api/w/${slug}/claims/${claimId}/comments/${commentId}`)).ok()).toBe(true);

  const saved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().endsWith(`/comments/${commentId}`));
  await comments.first().getByRole("button", { name: "Save" }).click();
  expect((await saved).status()).toBe(404);
  await expect(notice(page, "Comment not found")).toBeVisible();
  // The claim is read again: the comment is gone from the list, the claim itself is still here.
  await expect(comments).toHaveCount(0);
  await expect(discussion).toContainText("No comments yet.");
  await expect(page.getByText("This claim is no longer here")).toHaveCount(0);
  await expect(claimHeading(page, statement)).toBeVisible();
});

test("a claim merged away while its details are being edited: the page stays with the typed text, says so and links to the claim it went into (black-box, session 30)", async ({ page }) => {
  const slug = await desk(page, "Mergedaway");
  const statement = "The ferry will carry 900 passengers a day.";
  const { claimId } = await claimOnNewArticle(page, slug, "Ferry plans", statement);
  const other = await claimOnNewArticle(page, slug, "Ferry notes", "The ferry will carry nine hundred people daily.");

  await page.goto(`/w/${slug}/claims/${claimId}`);
  await expect(claimHeading(page, statement)).toBeVisible();
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Claimant").fill("Harbour office");

  // Meanwhile a teammate merges it into the other claim.
  await changeClaim(page, "post", `/api/w/${slug}/claims/${other.claimId}/merge`, { from: claimId, version: other.version });

  const gone = page.getByTestId("claim-gone");
  await expect(gone).toContainText("A teammate merged this claim into another while this page was open");
  await expect(gone.getByRole("link", { name: "Open the claim it was merged into" })).toHaveAttribute("href", `/w/${slug}/claims/${other.claimId}`);
  // Still this page, with what was typed.
  await expect(page).toHaveURL(new RegExp(`/claims/${claimId}$`));
  await expect(page.getByLabel("Claimant")).toHaveValue("Harbour office");
  // A save now is refused, said beside the banner.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(notice(page, "This claim was merged into another claim; make the change there.")).toBeVisible();
  await gone.getByRole("link", { name: "Open the claim it was merged into" }).click();
  await expect(claimHeading(page, "The ferry will carry nine hundred people daily.")).toBeVisible();
});

test("a claim deleted while its details are being edited: saving says it was deleted, and doesn't invite saving again (black-box, session 30)", async ({ page }) => {
  const slug = await desk(page, "Deletedaway");
  const statement = "The bridge will reopen on 1 March.";
  const { claimId, version } = await claimOnNewArticle(page, slug, "Bridge works", statement);

  await page.goto(`/w/${slug}/claims/${claimId}`);
  await expect(claimHeading(page, statement)).toBeVisible();
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Claimant").fill("Roads department");
  // Meanwhile, in another tab, the claim is deleted.
  expect((await page.request.delete(`/api/w/${slug}/claims/${claimId}`, { data: { version } })).ok()).toBe(true);

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/^This claim was deleted by /)).toBeVisible();
  await expect(page.getByText("Your changes are kept below")).toHaveCount(0);
});
