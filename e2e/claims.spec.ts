import path from "node:path";
import { expect, test, type Page } from "./test";
import {
  articleText,
  corpusPath,
  corpusSentence,
  corpusTitle,
  createWorkspace,
  escapeRegExp,
  highlight,
  importCorpus,
  inviteMember,
  mouseSelect,
  newPerson,
  openCorpusArticle,
  paragraphs,
  selectionToolbar,
  sentences,
  signUpAndLand,
  uploadFiles,
} from "./helpers";

/**
 * Claims in a real browser against the production build on PostgreSQL, on the
 * reference corpus (read from /work/shared/corpus at runtime; sentences are
 * found by a few words, so no corpus text is written into this file).
 */

/** 001 (Ryabkov) and 002 (Grushko) both report the publication of the two draft security texts on 17 December 2021. */
const RYABKOV = corpusPath("001");
const GRUSHKO = corpusPath("002");
const draftsIn001 = corpusSentence(RYABKOV, "December 17, 2021", "published");
const draftsIn002 = corpusSentence(GRUSHKO, "December 17, 2021", "published");
/** Three more sentences of 001 (its body is one paragraph per line): the first sentence of lines 2, 3 and 4. */
const ryabkovLines = paragraphs(RYABKOV).flatMap((p) => p.split("\n"));
const otherIn001 = [1, 2, 3].map((i) => sentences(ryabkovLines[i])[0]);

// ---------------------------------------------------------------- helpers

/** The claim page's heading: its statement (the workspace's name is a level-1 heading too). */
const claimHeading = (page: Page, statement: string) => page.getByRole("heading", { level: 1, name: statement, exact: true });
const dialog = (page: Page) => page.getByRole("dialog", { name: "Mark as claim" });
const claimCard = (page: Page) => page.getByRole("region", { name: "Claim" });
const reviewPanel = (page: Page) => page.getByRole("region", { name: "Verdict and review" });
const history = (page: Page) => page.getByRole("list", { name: "History" });
/** An alert (errors) or status (successes) on the page with this text. */
const notice = (page: Page, text: string | RegExp) => page.locator("[role=alert], [role=status]").filter({ hasText: text });
const isPost = (suffix: RegExp) => (r: { request(): { method(): string }; url(): string }) => r.request().method() === "POST" && suffix.test(new URL(r.url()).pathname);

/** Selects the sentence with the mouse and opens "Mark as claim" from the toolbar; the dialog quotes it. */
async function openComposer(page: Page, sentence: string) {
  await mouseSelect(page, articleText(page), sentence);
  await expect(selectionToolbar(page)).toBeVisible();
  await selectionToolbar(page).getByRole("button", { name: /^Mark as claim/ }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole("blockquote")).toHaveText(sentence);
}

/** Marks the sentence as a new claim (its statement is the sentence); returns the claim's and the highlight's ids. */
async function markClaim(page: Page, sentence: string): Promise<{ claimId: string; annotationId: string }> {
  await openComposer(page, sentence);
  await expect(dialog(page).getByLabel("Statement")).toHaveValue(sentence);
  // One request makes the highlight and the claim (lib/claims/mark-as-claim.ts).
  const marked = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await dialog(page).getByRole("button", { name: "Create claim" }).click();
  const c = await marked;
  expect(c.status()).toBe(201);
  await expect(dialog(page)).toHaveCount(0);
  const { annotationId, claim } = (await c.json()) as { annotationId: string; claim: { id: string } };
  await expect(highlight(page, annotationId).first()).toBeVisible();
  return { claimId: claim.id, annotationId };
}

/** A new person with a new workspace holding the given corpus files (all five by default). */
async function deskWithCorpus(page: Page, label: string, files?: string[]) {
  const person = newPerson(label);
  await signUpAndLand(page, person);
  const slug = await createWorkspace(page, `${label} desk`);
  if (files) await uploadFiles(page, slug, files, Object.fromEntries(files.map((f) => [path.basename(f), "Added"])));
  else await importCorpus(page, slug);
  return { slug, person };
}

async function openClaimPage(page: Page, slug: string, claimId: string, statement: string) {
  await page.goto(`/w/${slug}/claims/${claimId}`);
  await expect(claimHeading(page, statement)).toBeVisible();
}

// ---------------------------------------------------------------- tests

test("a claim made in one article is suggested in another and attached; sourced, given a verdict, reviewed and approved, with every step in its history and the verdict's colour on its highlights", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { slug } = await deskWithCorpus(page, "Chief");
  const annotator = await inviteMember(browser, page, slug, "annotator", "Annotator");
  const reviewer = await inviteMember(browser, page, slug, "reviewer", "Reviewer");
  const a = annotator.page;
  const r = reviewer.page;
  await a.setViewportSize({ width: 1280, height: 900 });
  await r.setViewportSize({ width: 1280, height: 1000 });

  // 001: the sentence becomes a new claim; its highlight is a claim without a verdict, not yet approved.
  const article001 = await openCorpusArticle(a, slug, RYABKOV);
  const { claimId, annotationId: first } = await markClaim(a, draftsIn001);
  await expect(claimCard(a)).toContainText(draftsIn001);
  await expect(claimCard(a)).toContainText("No verdict yet");
  await expect(highlight(a, first).first()).toHaveClass(/\bct-tone-none\b/);
  await expect(highlight(a, first).first()).toHaveClass(/\bct-pending\b/);

  // 002: the corresponding sentence; the first claim is among the suggestions and is attached.
  await openCorpusArticle(a, slug, GRUSHKO);
  await openComposer(a, draftsIn002);
  const suggestions = dialog(a).getByRole("list", { name: "Suggested claims" });
  const attach = suggestions.getByRole("button", { name: `Attach to “${draftsIn001.slice(0, 60)}”` });
  await expect(attach).toBeVisible();
  await expect(suggestions.getByRole("listitem").filter({ has: a.getByRole("button", { name: `Attach to “${draftsIn001.slice(0, 60)}”` }) })).toContainText("1 article");
  await a.screenshot({ path: "docs/suggestions.png" });
  const mention = a.waitForResponse(isPost(/\/mark-as-claim$/));
  await attach.click();
  expect((await mention).status()).toBe(201);
  expect(JSON.parse((await mention).request().postData() ?? "{}")).toMatchObject({ claimId });
  await expect(dialog(a)).toHaveCount(0);
  // The side panel shows the claim, also made in 001.
  await expect(claimCard(a)).toContainText(draftsIn001);
  await expect(claimCard(a).getByRole("link", { name: corpusTitle(RYABKOV) })).toBeVisible();
  await claimCard(a).getByRole("link", { name: "Open claim →" }).click();
  await a.waitForURL(`**/w/${slug}/claims/${claimId}`);

  // The claim page: two mentions, in two articles.
  await expect(claimHeading(a, draftsIn001)).toBeVisible();
  const mentions = a.getByRole("region", { name: /^Mentions/ });
  await expect(mentions.getByRole("heading", { name: "Mentions (2 in 2 articles)" })).toBeVisible();
  await expect(mentions.getByRole("listitem")).toHaveCount(2);
  for (const [file, sentence] of [
    [RYABKOV, draftsIn001],
    [GRUSHKO, draftsIn002],
  ]) {
    const item = mentions.getByRole("listitem").filter({ has: a.getByRole("link", { name: corpusTitle(file), exact: true }) });
    await expect(item.locator("mark")).toHaveText(sentence);
  }

  // The annotator proposes a verdict with an explanation, and sends it to review.
  const review = reviewPanel(a);
  await review.getByRole("button", { name: "Propose a verdict" }).click();
  await review.getByRole("radio", { name: /^False\b/ }).check();
  const explanation = review.getByRole("textbox", { name: "Explanation" });
  await explanation.click();
  const because = "Written by the browser tests: the desk rates this claim for the test only.";
  await a.keyboard.type(because);
  await expect(explanation).toHaveText(because);
  await review.getByRole("button", { name: "Save verdict" }).click();
  await expect(notice(a, "Verdict saved.")).toBeVisible();
  await expect(review).toContainText("False");
  await expect(review).toContainText(because);
  await review.getByRole("button", { name: "Send to review" }).click();
  await expect(notice(a, "Sent to review.")).toBeVisible();
  await expect(review).toContainText("In review");
  await expect(review).toContainText("Waiting for a reviewer.");
  // Without a source it can't be approved yet, and the panel says so.
  await expect(review).toContainText("Before it can be approved:");
  await expect(review.getByRole("listitem")).toHaveText(["Add at least one source first."]);

  // The reviewer sees what is missing; Approve can't succeed yet, so it is disabled and says why.
  await openClaimPage(r, slug, claimId, draftsIn001);
  await expect(reviewPanel(r)).toContainText("Before it can be approved:");
  await expect(reviewPanel(r).getByRole("listitem")).toHaveText(["Add at least one source first."]);
  await expect(reviewPanel(r).getByRole("button", { name: "Approve" })).toBeDisabled();
  await expect(reviewPanel(r).getByRole("button", { name: "Approve" })).toHaveAccessibleDescription(/Add at least one source first/);
  await expect(reviewPanel(r)).toContainText("In review");

  // The annotator adds a source.
  const sources = a.getByRole("region", { name: /^Sources/ });
  await sources.getByRole("button", { name: "Add source" }).click();
  const sourceTitle = "The two draft texts as the ministry published them (test source)";
  await sources.getByLabel("Title").fill(sourceTitle);
  await sources.getByLabel("URL").fill("https://example.org/claimtrail-test/draft-texts");
  await sources.getByLabel("Kind").selectOption({ label: "Official statement" });
  await sources.getByLabel("Stance").selectOption({ label: "Refutes the claim" });
  await sources.getByRole("button", { name: "Save source" }).click();
  await expect(notice(a, "Source added.")).toBeVisible();
  await expect(sources.getByRole("heading", { name: "Sources (1)" })).toBeVisible();
  await expect(sources.getByRole("link", { name: sourceTitle })).toHaveAttribute("href", "https://example.org/claimtrail-test/draft-texts");
  await expect(sources.getByRole("heading", { name: "Refutes the claim" })).toBeVisible();
  await expect(review).not.toContainText("Before it can be approved");

  // Before approval, both highlights have the verdict's colour, dashed as not yet approved.
  await a.goto(article001);
  await expect(highlight(a, first).first()).toHaveClass(/\bct-tone-false\b/);
  await expect(highlight(a, first).first()).toHaveClass(/\bct-pending\b/);

  // The reviewer approves.
  await r.reload();
  await expect(reviewPanel(r)).not.toContainText("Before it can be approved");
  await reviewPanel(r).getByRole("button", { name: "Approve" }).click();
  await expect(notice(r, "Approved.")).toBeVisible();
  await expect(reviewPanel(r)).toContainText("Approved");
  await expect(reviewPanel(r)).toContainText(`approved by ${reviewer.person.name}`);
  await expect(reviewPanel(r).getByRole("button", { name: "Reopen" })).toBeVisible();

  // The history names each step, newest first.
  const steps = history(r).getByRole("listitem");
  const who = (p: { name: string }, what: string) => new RegExp(`^${escapeRegExp(p.name)} ${what}`);
  const expected = [
    who(reviewer.person, "moved it from In review to Approved"),
    who(annotator.person, `added a source: ${escapeRegExp(sourceTitle)}`),
    who(annotator.person, "moved it from Unreviewed to In review"),
    who(annotator.person, "changed the verdict from no verdict to False"),
    who(annotator.person, `changed the explanation from “—” to “${escapeRegExp(because)}”`),
    who(annotator.person, `added a mention: “${escapeRegExp(draftsIn002)}”`),
    who(annotator.person, "created the claim"),
  ];
  await expect(steps).toHaveCount(expected.length);
  for (const step of expected) await expect(steps.filter({ hasText: step })).toHaveCount(1);
  await expect(steps.first()).toHaveText(expected[0]);
  await expect(steps.last()).toHaveText(expected.at(-1)!);
  const order = await steps.allTextContents();
  const at = (re: RegExp) => order.findIndex((t) => re.test(t));
  expect(at(expected[1])).toBeLessThan(at(expected[2]));
  expect(at(expected[2])).toBeLessThan(at(expected[3]));
  expect(at(expected[5])).toBeLessThan(at(expected[6]));

  await r.evaluate(() => window.scrollTo(0, 0));
  await r.screenshot({ path: "docs/claim.png", fullPage: true });

  // Approved with "False": the highlights take its colour, solid.
  for (const [file, sentence] of [
    [RYABKOV, draftsIn001],
    [GRUSHKO, draftsIn002],
  ]) {
    await openCorpusArticle(a, slug, file);
    const mark = a.locator(".ct-hl").filter({ hasText: sentence.slice(0, 30) });
    await expect(mark.first()).toHaveClass(/\bct-tone-false\b/);
    await expect(mark.first()).not.toHaveClass(/\bct-pending\b/);
  }
  // The legend explains the colours and the underlines.
  const legend = a.locator("details").filter({ has: a.getByText("Legend", { exact: true }) });
  await expect(legend.getByText("Dashed underline")).toBeHidden();
  await legend.getByText("Legend", { exact: true }).click();
  await expect(legend.getByRole("listitem").filter({ hasText: /^False$/ })).toBeVisible();
  await expect(legend).toContainText("Claim without a verdict");
  await expect(legend).toContainText("Dashed underline: a claim not yet approved");
  await expect(legend).toContainText("Solid underline: an approved claim");

  await annotator.context.close();
  await reviewer.context.close();
});

test("a viewer sees a claim but has no controls to change it, and a forged change is refused", async ({ page, browser }) => {
  const { slug } = await deskWithCorpus(page, "Owner", [RYABKOV]);
  await openCorpusArticle(page, slug, RYABKOV);
  const { claimId } = await markClaim(page, draftsIn001);

  const viewer = await inviteMember(browser, page, slug, "viewer", "Viewer");
  const v = viewer.page;
  await openClaimPage(v, slug, claimId, draftsIn001);
  await expect(v.getByRole("heading", { name: "Mentions (1 in 1 article)" })).toBeVisible();
  await expect(reviewPanel(v)).toContainText("No verdict yet");
  await expect(history(v).getByRole("listitem")).toHaveCount(1);
  for (const name of ["Edit details", "Add source", "Propose a verdict", "Change verdict", "Send to review", "Approve", "Send back", "Reopen"]) {
    await expect(v.getByRole("button", { name, exact: true })).toHaveCount(0);
  }

  // Forged requests with the viewer's cookies.
  const current = await v.request.get(`/api/w/${slug}/claims/${claimId}`);
  expect(current.status()).toBe(200);
  const { version } = (await current.json()) as { version: number };
  const patch = await v.request.patch(`/api/w/${slug}/claims/${claimId}`, { data: { version, statement: "Forged by a viewer" } });
  expect(patch.status()).toBe(403);
  expect(patch.headers()["content-type"]).toContain("application/problem+json");
  const submit = await v.request.post(`/api/w/${slug}/claims/${claimId}/review`, { data: { version, action: "submit" } });
  expect(submit.status()).toBe(403);
  await v.reload();
  await expect(claimHeading(v, draftsIn001)).toBeVisible();
  await expect(history(v).getByRole("listitem")).toHaveCount(1);
  await viewer.context.close();
});

test("two people editing the same claim: the first save wins, the second is told what changed and keeps what they typed", async ({ page, browser }) => {
  const { slug, person: lead } = await deskWithCorpus(page, "Lead", [RYABKOV]);
  await openCorpusArticle(page, slug, RYABKOV);
  const { claimId } = await markClaim(page, draftsIn001);
  const mate = await inviteMember(browser, page, slug, "annotator", "Mate");
  const m = mate.page;

  await openClaimPage(page, slug, claimId, draftsIn001);
  await openClaimPage(m, slug, claimId, draftsIn001);
  await page.getByRole("button", { name: "Edit details" }).click();
  await m.getByRole("button", { name: "Edit details" }).click();
  // Under 80 characters: the conflict message quotes longer values cut short.
  const first = "Two draft security texts were published on 17 December 2021 (lead)";
  await page.getByLabel("Statement").fill(first);
  await m.getByLabel("Claimant").fill("Sergey Ryabkov (mate)");

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(notice(page, "Saved.")).toBeVisible();
  await expect(claimHeading(page, first)).toBeVisible();

  await m.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = notice(m, "This claim changed since you loaded it");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${lead.name} changed the statement to “${first}”`);
  await expect(conflict).toContainText("Your change was not saved");
  // The form opens again on the current version, with what the second person typed over it (finding T8):
  // the lead's statement, their claimant; nothing stale, nothing lost, and no second "changed" banner.
  await expect(m.getByText("Your changes are kept below")).toBeVisible();
  await expect(m.getByLabel("Statement")).toHaveValue(first);
  await expect(m.getByLabel("Claimant")).toHaveValue("Sergey Ryabkov (mate)");
  await expect(m.getByRole("button", { name: /changed this claim/ })).toHaveCount(0);
  await m.getByRole("button", { name: "Save", exact: true }).click();
  await expect(notice(m, "Saved.")).toBeVisible();
  await expect(claimHeading(m, first)).toBeVisible();
  await expect(m.locator("dl").getByText("Sergey Ryabkov (mate)")).toBeVisible();
  await m.reload();
  await expect(claimHeading(m, first)).toBeVisible();
  await expect(history(m).getByRole("listitem").filter({ hasText: "changed the statement" })).toHaveCount(1);
  await mate.context.close();
});

test("a teammate saves the statement while the details form is open here: the change waits behind the banner, and saving here is refused, not an overwrite (black-box, session 32)", async ({ page, browser }) => {
  test.slow(); // two people's pages
  const { slug } = await deskWithCorpus(page, "Typing", [RYABKOV]);
  await openCorpusArticle(page, slug, RYABKOV);
  const { claimId } = await markClaim(page, draftsIn001);
  const mate = await inviteMember(browser, page, slug, "annotator", "Mate");
  const m = mate.page;
  await m.setViewportSize({ width: 390, height: 844 });

  await openClaimPage(page, slug, claimId, draftsIn001);
  await openClaimPage(m, slug, claimId, draftsIn001);
  // The mate opens the form (focus goes to the statement) and hasn't typed yet; the lead edits the same statement and saves.
  await m.getByRole("button", { name: "Edit details" }).click();
  await expect(m.getByLabel("Statement")).toBeFocused();
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Statement").fill("Statement by the lead");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(notice(page, "Saved.")).toBeVisible();

  // The mate's form stays open on the version it was opened on; the page says a teammate changed the claim.
  await expect(m.getByRole("button", { name: "A teammate changed this claim — show" })).toBeVisible({ timeout: 10_000 });
  await m.getByLabel("Statement").fill("Statement by the mate");
  await m.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = notice(m, "This claim changed since you loaded it");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("changed the statement to “Statement by the lead”");
  await expect(m.getByText("Your changes are kept below")).toBeVisible();
  await m.reload();
  await expect(claimHeading(m, "Statement by the lead")).toBeVisible();
  await mate.context.close();
});

test("the claims list: filter by review state, j/k and Enter, and My queue after bulk-assigning a claim to yourself", async ({ page }) => {
  const { slug, person } = await deskWithCorpus(page, "Queue", [RYABKOV]);
  await openCorpusArticle(page, slug, RYABKOV);
  for (const s of otherIn001) await markClaim(page, s);
  const [inReview, assigned, untouched] = otherIn001;

  await page.getByRole("link", { name: "Claims", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Claims", exact: true })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  const row = (statement: string) => rows.filter({ has: page.getByRole("link", { name: statement }) });

  // Bulk: one to review.
  await row(inReview).getByRole("checkbox").check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("1 selected");
  await bulk.getByRole("button", { name: "Send to review" }).click();
  await expect(notice(page, "Sent to review 1 claim.")).toBeVisible();
  await expect(row(inReview)).toContainText("In review");

  // Filter by review state.
  const filters = page.getByRole("form", { name: "Filter claims" });
  await filters.getByLabel("Review state").selectOption({ label: "In review" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/reviewState=in-review/);
  await expect(rows).toHaveCount(1);
  await expect(row(inReview)).toHaveCount(1);
  await filters.getByLabel("Review state").selectOption({ label: "Unreviewed" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/reviewState=unreviewed/);
  await expect(rows).toHaveCount(2);
  await expect(row(inReview)).toHaveCount(0);
  await expect(row(assigned)).toHaveCount(1);
  await expect(row(untouched)).toHaveCount(1);

  // j/k move the focus between rows; Enter opens the focused one.
  await page.getByRole("link", { name: "All claims" }).click();
  await page.waitForURL((url) => url.search === "");
  await expect(rows).toHaveCount(3);
  const statements = await rows.getByRole("link").allTextContents();
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/claims\/[^/?]+$/);
  await expect(claimHeading(page, statements[1])).toBeVisible();

  // Bulk-assign one to yourself; My queue lists it, and only it.
  await page.getByRole("link", { name: "← All claims" }).click();
  await expect(rows).toHaveCount(3);
  await row(assigned).getByRole("checkbox").check();
  await bulk.getByLabel("Assign to").selectOption({ label: person.name });
  await bulk.getByRole("button", { name: "Assign" }).click();
  await expect(notice(page, "Assigned 1 claim.")).toBeVisible();
  await expect(row(assigned)).toContainText(person.name);
  await page.getByRole("link", { name: "My queue" }).click();
  await expect(page.getByRole("heading", { name: "My queue" })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(row(assigned)).toHaveCount(1);
});
