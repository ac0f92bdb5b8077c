/**
 * Issue #10, at the edges: dates in one format in the viewer's locale (history included), the
 * claims filters (tag suggestions, case-insensitive tags, refused values named), "no verdict" in a
 * neutral colour, native controls in the app's look, and phones: the filters fold into
 * "Filters (N active)" and API tokens are cards. Screenshots go to test-results/formatting/.
 */
import { expect, test, type Page } from "./test";
import { seriousAxeViolations } from "./axe-helpers";
import { createWorkspace, newPerson, signUp } from "./helpers";

const SHOTS = "test-results/formatting";
const BODY = [
  "The Kessel Street bridge opened in 1974 and was last fully renovated in 1998, the council said on Tuesday.",
  "A 2025 inspection report lists corrosion in three girders and rates the structure as poor.",
].join("\n\n");

/** Signs up and waits for the workspace list; hashing the password takes its time on a loaded machine. */
async function signUpAndWait(page: Page) {
  await signUp(page, newPerson("Format"));
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
}

/** A workspace with one article and one claim (tag "Infrastructure", no verdict yet) on its first words. */
async function world(page: Page) {
  const slug = await createWorkspace(page, "Formatting newsroom");
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: BODY, title: "Bridge to close", publishedAt: "2021-12-17" } });
  expect(created.status()).toBe(201);
  const { article } = (await created.json()) as { article: { id: string } };
  const highlight = await page.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start: 0, end: BODY.indexOf(" opened"), revision: 1 } });
  expect(highlight.status()).toBe(201);
  const claim = await page.request.post(`/api/w/${slug}/claims`, { data: { annotationId: ((await highlight.json()) as { id: string }).id, tags: ["Infrastructure"] } });
  expect(claim.status()).toBe(201);
  const { id: claimId, version } = (await claim.json()) as { id: string; version: number };
  return { slug, articleId: article.id, claimId, version };
}

/** An rgb()/rgba() colour with no hue to speak of: its channels within a few steps of each other. */
function isNeutral(colour: string) {
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return Math.max(r, g, b) - Math.min(r, g, b) <= 24;
}

test.describe("dates in the viewer's locale", () => {
  test.use({ locale: "de-DE" });

  test("history, claim date, comments and the article list are formatted for the viewer, without hydration errors", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /hydrat/i.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await signUpAndWait(page);
    const w = await world(page);
    const edited = await page.request.patch(`/api/w/${w.slug}/claims/${w.claimId}`, { data: { version: w.version, claimDate: "2021-12-17" } });
    expect(edited.ok()).toBe(true);

    await page.goto(`/w/${w.slug}/claims/${w.claimId}`);
    const history = page.getByRole("list", { name: "History" });
    // The claim date as a date in German, never the stored "2021-12-17T00:00:00.000Z".
    await expect(history).toContainText("changed the claim date from “—” to “17. Dezember 2021”");
    await expect(page.locator("body")).not.toContainText("T00:00:00");
    // When it happened: German date and time, said to be UTC.
    await expect(history.locator("time").first()).toHaveText(/^\d{1,2}\. [A-Z][a-zä]+\.? \d{4}, \d{2}:\d{2} UTC$/);
    await expect(page.getByText("17. Dezember 2021", { exact: true })).toBeVisible(); // the claim's date in its facts

    await page.goto(`/w/${w.slug}`);
    await expect(page.getByRole("list", { name: "Articles" })).toContainText("17. Dez. 2021");
    expect(problems).toEqual([]);
  });
});

test("claims filters: tags suggested and matched whatever their case; refused values named on the page and in the API", async ({ page }) => {
  await signUpAndWait(page);
  const w = await world(page);
  await page.goto(`/w/${w.slug}/claims`);
  // The workspace's tags are suggested in the tag field.
  const tag = page.getByLabel("Tag", { exact: true });
  const options = await page.locator(`datalist#${await tag.getAttribute("list")} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options).toEqual(["Infrastructure"]);
  // Typed in another case, the tag still finds its claim.
  await tag.fill("infrastructure");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/tag=infrastructure/);
  await expect(page.getByRole("link", { name: "The Kessel Street bridge" })).toBeVisible();
  await tag.fill("infra");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/tag=infra(&|$)/);
  await expect(page.getByRole("link", { name: "The Kessel Street bridge" })).toBeHidden();

  // A hand-edited address: every refused value is named, under its own control too.
  await page.goto(`/w/${w.slug}/claims?reviewState=foo&sort=oldest&hasSources=perhaps`);
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  await expect(alert).toContainText("Review state: “foo” is not one of unreviewed, in-review, approved, changes-requested.");
  await expect(alert).toContainText("Sort: “oldest” is not one of updated, created, statement.");
  await expect(alert).toContainText("Sources: “perhaps” is not one of true, false.");
  await expect(page.getByLabel("Review state")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Review state")).toHaveAccessibleDescription("Review state: “foo” is not one of unreviewed, in-review, approved, changes-requested.");
  await expect(page.getByLabel("Sort")).toHaveAccessibleDescription(/^Sort: “oldest”/);
  await expect(page.getByLabel("Verdict")).not.toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: `${SHOTS}/claims-filter-errors-1280.png`, fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);

  const api = await page.request.get(`/api/w/${w.slug}/claims?reviewState=foo&verdict=maybe`);
  expect(api.status()).toBe(400);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
  const body = (await api.json()) as { detail: string; errors: Record<string, string> };
  expect(body.errors).toEqual({
    reviewState: "Review state: “foo” is not one of unreviewed, in-review, approved, changes-requested.",
    verdict: "Verdict: “maybe” is not one of true, mostly-true, mixed, mostly-false, false, unverifiable, not-a-claim, none.",
  });
  expect(body.detail).toContain("Review state: “foo”");
});

test("'No verdict yet' is drawn in a neutral colour, not green, with no contrast problems", async ({ page }) => {
  await signUpAndWait(page);
  const w = await world(page);
  await page.goto(`/w/${w.slug}/claims`);
  const swatch = page.locator('[data-verdict-swatch="none"]').first();
  await expect(swatch).toBeVisible();
  const drawn = await swatch.evaluate((el) => {
    const s = getComputedStyle(el);
    return { border: s.borderTopColor, background: s.backgroundColor, width: s.borderTopWidth };
  });
  expect(isNeutral(drawn.border), drawn.border).toBe(true);
  expect(isNeutral(drawn.background), drawn.background).toBe(true);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The highlight in the reader is neutral too.
  await page.goto(`/w/${w.slug}/articles/${w.articleId}`);
  const mark = page.locator(".ct-tone-none").first();
  await expect(mark).toBeVisible();
  const hl = await mark.evaluate((el) => getComputedStyle(el).borderBottomColor);
  expect(isNeutral(hl), hl).toBe(true);
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("native checkboxes and file pickers have the app's look", async ({ page }) => {
  await signUpAndWait(page);
  const w = await world(page);
  await page.goto(`/w/${w.slug}/export`);
  const checkbox = page.getByRole("checkbox").first();
  await expect(checkbox).toBeVisible();
  expect(await checkbox.evaluate((el) => getComputedStyle(el).accentColor)).toBe("rgb(15, 107, 107)");
  await page.screenshot({ path: `${SHOTS}/export-1280.png`, fullPage: true });

  await page.goto(`/w/${w.slug}/import`);
  const file = page.getByLabel("Bundle file");
  await expect(file).toBeVisible();
  const button = await file.evaluate((el) => {
    const s = getComputedStyle(el, "::file-selector-button");
    return { radius: s.borderTopLeftRadius, background: s.backgroundColor, border: s.borderTopStyle };
  });
  expect(button).toEqual({ radius: "6px", background: "rgb(255, 255, 255)", border: "none" });
  await page.screenshot({ path: `${SHOTS}/import-1280.png`, fullPage: true });
});

test.describe("phones", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the claims filters fold into 'Filters (N active)'; API tokens are cards, not a table scrolling in its box", async ({ page }) => {
    await signUpAndWait(page);
    const w = await world(page);
    const token = await page.request.post("/api/tokens", { data: { name: "Nightly export to the newsroom archive", workspace: w.slug } });
    expect(token.status()).toBe(201);

    await page.goto(`/w/${w.slug}/claims?tag=infrastructure&verdict=none`);
    const toggle = page.getByRole("button", { name: "Filters (2 active)" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("form", { name: "Filter claims" })).toBeHidden();
    // The list starts on the first screen.
    await expect(page.getByRole("link", { name: "The Kessel Street bridge" })).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}/claims-390.png` });
    await toggle.tap();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByLabel("Tag", { exact: true })).toHaveValue("infrastructure");
    await page.screenshot({ path: `${SHOTS}/claims-filters-open-390.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // With a refused value the filters start open, so its message is seen.
    await page.goto(`/w/${w.slug}/claims?reviewState=foo`);
    await expect(page.getByRole("button", { name: "Filters (1 active)" })).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByLabel("Review state")).toBeVisible();

    await page.goto("/settings/tokens");
    const revoke = page.getByRole("button", { name: "Revoke Nightly export to the newsroom archive" });
    await expect(revoke).toBeInViewport();
    const box = await page.getByRole("table").evaluate((t) => ({ scroll: t.parentElement!.scrollWidth, width: t.parentElement!.clientWidth }));
    expect(box.scroll).toBeLessThanOrEqual(box.width);
    // A card: the cells stack, each with its column's name (the header row stays for screen readers only).
    const row = page.getByRole("row").filter({ hasText: "Nightly export to the newsroom archive" });
    const [name, created] = await Promise.all([row.getByRole("cell").first().boundingBox(), row.locator('[data-label="Created"]').boundingBox()]);
    expect(created!.y).toBeGreaterThan(name!.y + name!.height - 1);
    expect(Math.abs(created!.x - name!.x)).toBeLessThan(2);
    expect(await row.locator('[data-label="Created"]').evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Created"');
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.screenshot({ path: `${SHOTS}/tokens-390.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

test("on a desktop the filters are always shown and the token list is a table", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUpAndWait(page);
  const w = await world(page);
  const token = await page.request.post("/api/tokens", { data: { name: "Nightly export", workspace: w.slug } });
  expect(token.status()).toBe(201);
  await page.goto(`/w/${w.slug}/claims?tag=infrastructure`);
  await expect(page.getByRole("form", { name: "Filter claims" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Filters/ })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/claims-1280.png`, fullPage: true });
  await page.goto("/settings/tokens");
  await expect(page.getByRole("columnheader", { name: "Created" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tokens-1280.png`, fullPage: true });
});
