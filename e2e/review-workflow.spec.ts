/**
 * The review workflow's edges (issue #10), as people meet them: a send-back
 * reads "Changes requested" with its reason on the claim, the list, its filter
 * and My queue; what approval needs shows before anyone clicks, and Approve is
 * disabled with the reason when the server would refuse it; a second person
 * must approve (a workspace setting); bulk Assign needs a choice; the merge box
 * suggests similar claims before anything is typed; a version ahead of the
 * server is worded as what it is; an approved claim's claimant and date are
 * locked with its statement.
 */
import fs from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { createWorkspace, inviteMember, newPerson, signUpAndLand, type Person } from "./helpers";

test.describe.configure({ mode: "serial" });

const SHOTS = "test-results/review-workflow";
const reviewPanel = (page: Page) => page.getByRole("region", { name: "Verdict and review" });
/** An alert (errors) or status (successes) on the page with this text. */
const notice = (page: Page, text: string | RegExp) => page.locator("[role=alert], [role=status]").filter({ hasText: text });
const claimHeading = (page: Page, statement: string) => page.getByRole("heading", { level: 1, name: statement, exact: true });
const explanation = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

interface Member {
  page: Page;
  person: Person;
  context?: BrowserContext;
}
let slug = "";
let admin: Member;
let annotator: Member;
let reviewer: Member;
let articleId = "";
let articleText = "";

const SENTENCES = [
  "The harbour ferry will run every fifteen minutes while the bridge is closed, the port authority said.",
  "A free ferry is to sail every 15 minutes during the bridge closure, according to the port authority.",
  "Shops on Quay Street reported a third fewer customers in the first week.",
  "The council expects the repairs to cost twelve million euros.",
  "Bus line 7 will be diverted over the old mill road until spring.",
  "The regional fund pays for most of the bridge repairs.",
];

/** A claim on one sentence of the shared article, made through the API the reader uses, as `by`. */
async function claimOn(by: Page, sentence: string): Promise<{ id: string; version: number; statement: string }> {
  const start = articleText.indexOf(sentence);
  expect(start).toBeGreaterThanOrEqual(0);
  const highlight = await by.request.post(`/api/w/${slug}/articles/${articleId}/annotations`, { data: { start, end: start + sentence.length, revision: 1 } });
  expect(highlight.status()).toBe(201);
  const claim = await by.request.post(`/api/w/${slug}/claims`, { data: { annotationId: ((await highlight.json()) as { id: string }).id } });
  expect(claim.status()).toBe(201);
  return (await claim.json()) as { id: string; version: number; statement: string };
}

/** Verdict, explanation and a source, set by `by` through the API: what approval needs. Returns the new version. */
async function makeReady(by: Page, claim: { id: string; version: number }): Promise<number> {
  const base = `/api/w/${slug}/claims/${claim.id}`;
  const v = await by.request.put(`${base}/verdict`, { data: { version: claim.version, verdict: "mostly-true", explanation: explanation("The timetable the port published says so.") } });
  expect(v.status()).toBe(200);
  const s = await by.request.post(`${base}/sources`, { data: { version: ((await v.json()) as { version: number }).version, title: "Port timetable (test source)", url: "https://example.org/claimtrail-test/timetable", kind: "official-statement", stance: "supports" } });
  expect(s.status()).toBe(201);
  const current = await by.request.get(base);
  return ((await current.json()) as { version: number }).version;
}

async function openClaim(page: Page, claim: { id: string; statement: string }) {
  await page.goto(`/w/${slug}/claims/${claim.id}`);
  await expect(claimHeading(page, claim.statement)).toBeVisible();
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const person = newPerson("Editor");
  await signUpAndLand(page, person);
  slug = await createWorkspace(page, "Review desk");
  admin = { page, person, context };
  annotator = await inviteMember(browser, page, slug, "annotator", "Annotator");
  reviewer = await inviteMember(browser, page, slug, "reviewer", "Reviewer");
  articleText = SENTENCES.join("\n\n");
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: articleText, title: "Bridge closure: ferries, shops and repairs" } });
  expect(created.status()).toBe(201);
  articleId = ((await created.json()) as { article: { id: string } }).article.id;
});

test.afterAll(async () => {
  for (const m of [admin, annotator, reviewer]) await m?.context?.close();
});

test("what approval needs shows before any click; a send-back reads 'Changes requested' with the reason on the claim, the list, its filter and My queue, until it is sent to review again", async () => {
  test.setTimeout(180_000);
  const a = annotator.page;
  const r = reviewer.page;
  const claim = await claimOn(a, SENTENCES[0]);
  const untouched = await claimOn(a, SENTENCES[4]);

  // A fresh claim: the checklist is there before anyone sends it anywhere, and tied to the Send to review button.
  await openClaim(a, claim);
  const panel = reviewPanel(a);
  await expect(panel).toContainText("Before it can be approved:");
  await expect(panel.getByRole("listitem")).toHaveText(["Choose a verdict first.", "Explain the verdict first.", "Add at least one source first."]);
  await expect(panel.getByRole("button", { name: "Send to review" })).toHaveAccessibleDescription(/Choose a verdict first\. Explain the verdict first\. Add at least one source first\./);
  await shoot(a, "claim-checklist");

  // Ready, assigned to the annotator, sent to review.
  const version = await makeReady(a, claim);
  // Assigned to the annotator (who made it), so it is in their queue.
  const { createdBy } = (await (await a.request.get(`/api/w/${slug}/claims/${claim.id}`)).json()) as { createdBy: { id: string } };
  expect((await a.request.patch(`/api/w/${slug}/claims/${claim.id}`, { data: { version, assigneeId: createdBy.id } })).status()).toBe(200);
  await a.reload();
  await expect(panel).not.toContainText("Before it can be approved");
  await panel.getByRole("button", { name: "Send to review" }).click();
  await expect(notice(a, "Sent to review.")).toBeVisible();

  // The reviewer sends it back with a reason.
  const reason = "Cite the timetable page itself, not the press release.";
  await openClaim(r, claim);
  await reviewPanel(r).getByLabel("Comment (required to send back)").fill(reason);
  await reviewPanel(r).getByRole("button", { name: "Send back" }).click();
  await expect(notice(r, "Sent back.")).toBeVisible();

  // The annotator sees it where they look: the claim page…
  await a.reload();
  await expect(panel.getByText("Changes requested", { exact: true })).toBeVisible();
  await expect(panel).not.toContainText("Unreviewed");
  await expect(panel).toContainText(`Changes requested by ${reviewer.person.name}`);
  await expect(panel).toContainText(reason);
  await shoot(a, "claim-changes-requested");

  // …the claims list, with the reason under the state…
  await a.goto(`/w/${slug}/claims`);
  const row = a.getByRole("row").filter({ has: a.getByRole("link", { name: claim.statement }) });
  await expect(row).toContainText("Changes requested");
  await expect(row).toContainText(reason);
  await expect(a.getByRole("row").filter({ has: a.getByRole("link", { name: untouched.statement }) })).toContainText("Unreviewed");
  await shoot(a, "claims-list-changes-requested");

  // …its filter…
  await a.getByLabel("Review state").selectOption({ label: "Changes requested (sent back)" });
  await a.getByRole("button", { name: "Apply filters" }).click();
  await a.waitForURL(/reviewState=changes-requested/);
  await expect(a.getByRole("link", { name: claim.statement })).toBeVisible();
  await expect(a.getByRole("link", { name: untouched.statement })).toHaveCount(0);

  // …and My queue.
  await a.getByRole("link", { name: "My queue" }).click();
  await a.waitForURL(/assignee=me/);
  const queued = a.getByRole("row").filter({ has: a.getByRole("link", { name: claim.statement }) });
  await expect(queued).toContainText("Changes requested");
  await expect(queued).toContainText(reason);

  // Sending it to review again answers the request: the badge and the note go.
  await openClaim(a, claim);
  await panel.getByRole("button", { name: "Send to review" }).click();
  await expect(notice(a, "Sent to review.")).toBeVisible();
  await expect(panel).toContainText("In review");
  await expect(panel).not.toContainText("Changes requested");
  await a.goto(`/w/${slug}/claims?reviewState=changes-requested`);
  await expect(a.getByRole("heading", { name: "No claims match these filters" })).toBeVisible();
});

test("Approve is disabled, with the reason, when the server would refuse: something missing, or the reviewer's own verdict; another person approves; an admin can turn the rule off", async () => {
  test.setTimeout(180_000);
  const r = reviewer.page;
  const ad = admin.page;

  // The reviewer writes the finding and sends it to review themselves.
  const own = await claimOn(r, SENTENCES[2]);
  await openClaim(r, own);
  await reviewPanel(r).getByRole("button", { name: "Send to review" }).click();
  await expect(notice(r, "Sent to review.")).toBeVisible();
  const approve = reviewPanel(r).getByRole("button", { name: "Approve" });
  await expect(approve).toBeDisabled();
  await expect(approve).toHaveAccessibleDescription(/Choose a verdict first/);
  await makeReady(r, { id: own.id, version: ((await (await r.request.get(`/api/w/${slug}/claims/${own.id}`)).json()) as { version: number }).version });
  await r.reload();
  await expect(reviewPanel(r)).not.toContainText("Before it can be approved");
  await expect(approve).toBeDisabled();
  await expect(approve).toHaveAccessibleDescription(/second person to approve/);
  await expect(reviewPanel(r)).toContainText("you set, explained or submitted this verdict, so another reviewer has to approve it");
  await shoot(r, "claim-second-approver");

  // The server stays the judge: the same request, sent anyway, is refused and names why.
  const current = (await (await r.request.get(`/api/w/${slug}/claims/${own.id}`)).json()) as { version: number };
  const refused = await r.request.post(`/api/w/${slug}/claims/${own.id}/review`, { data: { action: "approve", version: current.version } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { errors: Record<string, string> }).errors).toHaveProperty("approver");

  // Another person approves it.
  await openClaim(ad, own);
  await expect(reviewPanel(ad).getByRole("button", { name: "Approve" })).toBeEnabled();
  await reviewPanel(ad).getByRole("button", { name: "Approve" }).click();
  await expect(notice(ad, "Approved.")).toBeVisible();
  await expect(reviewPanel(ad)).toContainText(`approved by ${admin.person.name}`);

  // On by default in a new workspace; the admin turns it off in Settings.
  await ad.goto(`/w/${slug}/settings`);
  const rule = ad.getByRole("checkbox", { name: "A second person must approve" });
  await expect(rule).toBeChecked();
  await expect(rule).toHaveAccessibleDescription(/can[’']t approve it; another reviewer or admin has to/);
  await shoot(ad, "settings-second-approver");
  await rule.uncheck();
  await ad.getByRole("button", { name: "Save settings" }).click();
  await expect(notice(ad, "Settings saved.")).toBeVisible();
  await ad.reload();
  await expect(ad.getByRole("checkbox", { name: "A second person must approve" })).not.toBeChecked();

  // Now the reviewer may approve their own.
  const second = await claimOn(r, SENTENCES[3]);
  await makeReady(r, { id: second.id, version: second.version });
  await openClaim(r, second);
  await reviewPanel(r).getByRole("button", { name: "Send to review" }).click();
  await expect(notice(r, "Sent to review.")).toBeVisible();
  await expect(reviewPanel(r).getByRole("button", { name: "Approve" })).toBeEnabled();
  await reviewPanel(r).getByRole("button", { name: "Approve" }).click();
  await expect(notice(r, "Approved.")).toBeVisible();

  // Back on for the tests after this one.
  await ad.getByRole("checkbox", { name: "A second person must approve" }).check();
  await ad.getByRole("button", { name: "Save settings" }).click();
  await expect(notice(ad, "Settings saved.")).toBeVisible();
});

test("bulk Assign starts with no choice: Assign is disabled until a person (or 'Nobody') is chosen", async () => {
  test.setTimeout(120_000);
  const ad = admin.page;
  await ad.goto(`/w/${slug}/claims`);
  const rows = ad.getByRole("row").filter({ has: ad.getByRole("checkbox") });
  await expect(rows.first()).toBeVisible();
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  const bar = ad.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("2 selected");
  const picker = bar.getByLabel("Assign to");
  await expect(picker).toHaveValue("");
  await expect(picker.locator("option:checked")).toHaveText("Choose a person…");
  await expect(bar.getByRole("button", { name: "Assign" })).toBeDisabled();
  await expect(bar.getByRole("button", { name: "Assign" })).toHaveAccessibleDescription("Choose a person to assign to first.");
  await shoot(ad, "claims-bulk-assign");

  await picker.selectOption({ label: reviewer.person.name });
  await expect(bar.getByRole("button", { name: "Assign" })).toBeEnabled();
  await bar.getByRole("button", { name: "Assign" }).click();
  await expect(notice(ad, /^Assigned 2 claims\./)).toBeVisible();
  await expect(ad.getByRole("row").filter({ hasText: reviewer.person.name })).toHaveCount(2);

  // Unassigning is a choice of its own; the picker starts empty again.
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await expect(picker).toHaveValue("");
  await picker.selectOption({ label: "Nobody (unassign)" });
  await bar.getByRole("button", { name: "Assign" }).click();
  await expect(notice(ad, /^Unassigned 2 claims\./)).toBeVisible();
  await expect(ad.getByRole("row").filter({ hasText: reviewer.person.name })).toHaveCount(0);
});

test("the merge box suggests similar claims before anything is typed", async () => {
  test.setTimeout(120_000);
  const ad = admin.page;
  const survivor = await claimOn(ad, SENTENCES[1]);
  // SENTENCES[0] has a claim already (the first test's): the same ferry, in other words.
  await openClaim(ad, survivor);
  await ad.getByRole("button", { name: "Merge a duplicate into this" }).click();
  await expect(ad.getByLabel("The duplicate to merge into this claim")).toHaveValue("");
  const similar = ad.getByRole("list", { name: "Similar claims" });
  await expect(similar.getByRole("button", { name: `Merge “${SENTENCES[0].slice(0, 60)}” into this claim` })).toBeVisible();
  await expect(similar).not.toContainText(SENTENCES[1]);
  // Each says why it matched, as the reader's suggestions do.
  await expect(similar.getByRole("listitem").first().getByTestId("suggestion-reasons")).toContainText(/Words: |Name: /);
  await shoot(ad, "claim-merge-suggestions");

  // Typing switches to the search, and clearing it brings the suggestions back.
  await ad.getByLabel("The duplicate to merge into this claim").fill("diverted");
  await expect(ad.getByRole("list", { name: "Claims to merge" }).getByRole("button", { name: /^Merge “Bus line 7/ })).toBeVisible();
  await ad.getByLabel("The duplicate to merge into this claim").fill("");
  await expect(similar.getByRole("button", { name: `Merge “${SENTENCES[0].slice(0, 60)}” into this claim` })).toBeVisible();
  ad.once("dialog", (d) => void d.accept());
  await similar.getByRole("button", { name: `Merge “${SENTENCES[0].slice(0, 60)}” into this claim` }).click();
  await expect(notice(ad, "Merged.")).toBeVisible();
  await expect(ad.getByText(`Merged into this claim: “${SENTENCES[0]}”`)).toBeVisible();
});

test("a version ahead of the server's is worded as the client's mistake, not someone else's change, and the page starts again from the current one", async () => {
  test.setTimeout(120_000);
  const a = annotator.page;
  const claim = await claimOn(a, SENTENCES[5]);
  await openClaim(a, claim);
  // A client that sends a version the claim never had (a bug, a copy from elsewhere).
  await a.route(`**/api/w/${slug}/claims/${claim.id}`, async (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    const body = JSON.parse(route.request().postData() ?? "{}") as { version: number };
    await route.continue({ postData: JSON.stringify({ ...body, version: body.version + 5 }) });
  });
  await a.getByRole("button", { name: "Edit details" }).click();
  await a.getByLabel("Tags").fill("ferries");
  await a.getByRole("button", { name: "Save", exact: true }).click();
  const message = notice(a, /version 6 doesn't exist yet/);
  await expect(message).toBeVisible();
  await expect(message).toContainText("This claim is at version 1");
  await expect(message).not.toContainText(/someone/i);
  await a.unroute(`**/api/w/${slug}/claims/${claim.id}`);
  const stored = (await (await a.request.get(`/api/w/${slug}/claims/${claim.id}`)).json()) as { version: number; tags: string[] };
  expect(stored).toMatchObject({ version: 1, tags: [] });
});

test("an approved claim's statement, claimant and claim date are locked in the form, with the reason; its tags still change", async () => {
  test.setTimeout(120_000);
  const a = annotator.page;
  // The second test's first claim: approved by the admin.
  await a.goto(`/w/${slug}/claims?reviewState=approved`);
  const link = a.getByRole("link", { name: SENTENCES[2] });
  await link.click();
  await expect(claimHeading(a, SENTENCES[2])).toBeVisible();
  await a.getByRole("button", { name: "Edit details" }).click();
  for (const label of ["Statement", "Claimant", "Claim date"]) await expect(a.getByLabel(label)).not.toBeEditable();
  await expect(a.getByLabel("Statement")).toHaveAccessibleDescription(/approved, so its statement, claimant and claim date are locked/);
  await expect(a.getByLabel("Claimant")).toHaveAccessibleDescription("Locked while approved.");
  await shoot(a, "claim-approved-locked");
  await a.getByLabel("Tags").fill("ferries, shops");
  await a.getByRole("button", { name: "Save", exact: true }).click();
  await expect(notice(a, "Saved.")).toBeVisible();
  await expect(a.getByText("shops", { exact: true })).toBeVisible();
  await expect(reviewPanel(a)).toContainText("Approved");
});
