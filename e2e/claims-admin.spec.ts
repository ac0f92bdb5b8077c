import { expect, test, type Page } from "./test";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";

/** An article and a claim on one of its sentences, made through the same API the reader uses. */
async function claimOn(page: Page, slug: string, title: string, paragraphs: string[], sentence: string) {
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: paragraphs.join("\n\n"), title } });
  expect(created.status()).toBe(201);
  const { article } = (await created.json()) as { article: { id: string } };
  const text = paragraphs.join("\n\n");
  const start = text.indexOf(sentence);
  const highlight = await page.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start, end: start + sentence.length, revision: 1 } });
  const { id: annotationId } = (await highlight.json()) as { id: string };
  const claim = await page.request.post(`/api/w/${slug}/claims`, { data: { annotationId } });
  expect(claim.status()).toBe(201);
  return { articleId: article.id, claimId: ((await claim.json()) as { id: string }).id };
}

test("a reviewer merges a duplicate claim, an admin renames a verdict, and the dashboard counts it all", async ({ page }) => {
  await signUpAndLand(page, newPerson("Editor"));
  const slug = await createWorkspace(page, "Merge desk");
  const survivor = await claimOn(page, slug, "Ferry timetable", ["The ferry runs every fifteen minutes during the closure.", "Tickets are free."], "The ferry runs every fifteen minutes during the closure.");
  const duplicate = await claimOn(page, slug, "Ferry notice", ["A free ferry will run every 15 minutes while the bridge is shut.", "Signs are up."], "A free ferry will run every 15 minutes while the bridge is shut.");

  await page.goto(`/w/${slug}/claims/${survivor.claimId}`);
  await page.getByRole("button", { name: "Merge a duplicate into this" }).click();
  await page.getByLabel("The duplicate to merge into this claim").fill("ferry");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /^Merge “A free ferry/ }).click();
  await expect(page.getByText(/Merged into this claim: “A free ferry will run every 15 minutes/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mentions (2 in 2 articles)" })).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText("merged “A free ferry will run every 15 minutes");

  // The merged claim's page leads to the survivor.
  await page.goto(`/w/${slug}/claims/${duplicate.claimId}`);
  await expect(page).toHaveURL(new RegExp(`/claims/${survivor.claimId}$`));

  // Verdict labels are the workspace's own words; the value stays normalised.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Mostly false (mostly-false)").fill("Misleading");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await page.goto(`/w/${slug}/claims/${survivor.claimId}`);
  await page.getByRole("button", { name: "Propose a verdict" }).click();
  await page.getByRole("radio", { name: /^Misleading/ }).check();
  await page.getByRole("button", { name: "Save verdict" }).click();
  // "Change verdict" shows only once the form has closed after the server's answer. "Save verdict" going away proved
  // nothing: the button reads "Saving…" meanwhile, and "Misleading" is also the open form's radio label.
  await expect(page.getByRole("button", { name: "Change verdict" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Verdict and review" }).getByText("Misleading", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("1 claim in this workspace")).toBeVisible();
  const byVerdict = page.getByRole("table", { name: "Claims by verdict" });
  await expect(byVerdict.getByRole("row", { name: "Misleading 1" })).toHaveCount(1);
  await expect(page.getByRole("progressbar", { name: "Ferry timetable: claims with a verdict" })).toHaveAttribute("aria-valuenow", "1");
  await expect(page.getByRole("region", { name: "Most-linked claims" })).toContainText("2 articles");
  await expect(page.getByRole("region", { name: "Recent activity" })).toContainText("changed the verdict from no verdict to Misleading");
});
