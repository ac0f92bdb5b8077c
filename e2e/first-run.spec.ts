/**
 * A newcomer's first minutes (issue #10): the icon (no 404 on a fresh load),
 * the demo workspace and its printed sign-in, where to start, the loading
 * state between pages, resetting a lost password from the CLI, and where the
 * API reference says tokens are.
 *
 * The demo is created as an operator would: `npm run db:seed` against the
 * test server's database, its printed password read from the output.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page, type Response } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { createWorkspace, formAlert, newPerson, signIn, signUpAndLand } from "./helpers";

const DEMO_EMAIL = "demo@claimtrail.local";
const DEMO = "/w/demo-newsroom";
const SCREENS = "docs/screens";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A project script (`npm run db:seed`, `npm run cli`) run as its own process on the test server's database. */
function script(file: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", file), ...args], { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The demo password as it stands: set by the seed, then by the reset test. */
let demoPassword = "";

async function signInAsDemo(page: Page) {
  await signIn(page, { email: DEMO_EMAIL, password: demoPassword });
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  const seeded = await script("db-seed.ts");
  expect(seeded.code, seeded.stderr).toBe(0);
  // The box names where to sign in (the server's public URL), the email and the password.
  expect(seeded.stdout).toContain(`Open:      ${baseURL}/signin`);
  expect(seeded.stdout).toContain(`Email:     ${DEMO_EMAIL}`);
  demoPassword = /Password: {2}(\S+)/.exec(seeded.stdout)?.[1] ?? "";
  expect(demoPassword).not.toBe("");
});

test("a fresh load asks for nothing that isn't there: the icon is served, as SVG and as favicon.ico", async ({ browser }) => {
  // A new context: nothing cached, as on a first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  const failed: string[] = [];
  page.on("response", (res: Response) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  // Aborted requests are the browser's own doing (a prefetch cut short by navigating on), not missing files.
  page.on("requestfailed", (req) => {
    if (req.failure()?.errorText !== "net::ERR_ABORTED") failed.push(`failed ${req.url()}: ${req.failure()?.errorText}`);
  });

  await page.goto("/signin", { waitUntil: "networkidle" });
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => ({ href: (l as HTMLLinkElement).href, type: l.getAttribute("type") })));
  expect(icons.map((i) => new URL(i.href).pathname).sort()).toEqual(["/favicon.ico", "/icon.svg"]);
  for (const icon of icons) {
    // Fetched as the browser would for the tab (headless Chromium may not ask for icons itself).
    const res = await page.request.get(icon.href);
    expect(res.status(), icon.href).toBe(200);
    expect(res.headers()["content-type"]).toMatch(icon.href.includes(".svg") ? /^image\/svg\+xml/ : /^image\/(x-icon|vnd\.microsoft\.icon)/);
  }
  // Browsers that ignore <link rel=icon> ask for /favicon.ico on their own.
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);

  await signInAsDemo(page);
  await page.goto(DEMO, { waitUntil: "networkidle" });
  expect(failed).toEqual([]);
  await context.close();
});

test("the demo workspace says where to start, and its three steps lead to a finished fact-check", async ({ page }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SCREENS, { recursive: true });
  await signInAsDemo(page);
  await page.getByRole("link", { name: /Demo newsroom/ }).click();
  const start = page.getByRole("region", { name: "Start here: a finished fact-check in three steps" });
  await expect(start).toContainText("5 claims (2 approved, 1 in review, 2 unreviewed)");

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.goto(DEMO);
    await expect(start).toBeVisible();
    await page.waitForLoadState("networkidle");
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
    expect(scrollWidth, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(clientWidth);
    await expectNoSeriousAxeViolations(page, `demo home at ${width} px`);
    await page.screenshot({ path: `${SCREENS}/demo-home-${width}.png`, fullPage: width === 390 });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // 1. The first article, its claims marked in the text.
  await page.goto(DEMO);
  await start.getByRole("link", { name: "Open the first article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Harbour bridge to close for eight months, council confirms" })).toBeVisible();
  await expect(page.locator(".ct-hl").first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/demo-reader-1280.png` });

  // 2. Every claim, in its state.
  await page.goto(DEMO);
  await start.getByRole("link", { name: "See all claims" }).click();
  await page.waitForURL(/\/claims$/);
  for (const statement of ["The bridge repairs will cost €12 million.", "Only around 25,000 vehicles cross the Kessel Street bridge on a typical weekday."]) {
    await expect(page.getByRole("link", { name: statement }).first()).toBeVisible();
  }

  // 3. The claim left for the newcomer: assigned to them, no verdict yet.
  await page.goto(DEMO);
  await start.getByRole("link", { name: "Open your claim" }).click();
  await page.waitForURL(/\/claims\/[^/]+$/);
  await expect(page.getByText("Inspectors found corrosion in three of the bridge's twelve steel girders.").first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/demo-claim-1280.png` });
});

test("switching pages shows a loading state at once (a live region, busy, with a bar at the top)", async ({ page }) => {
  await signInAsDemo(page);
  await page.goto(DEMO, { waitUntil: "networkidle" });

  // Hold the dashboard's navigation request (not its prefetch) until the loading state has been seen.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === `${DEMO}/dashboard`,
    async (route) => {
      const headers = route.request().headers();
      if (headers.rsc && !headers["next-router-prefetch"]) await released;
      await route.continue();
    },
  );
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Dashboard" }).click();
  const loading = page.getByRole("status", { name: "Loading the page" });
  await expect(loading).toBeVisible();
  await expect(loading).toHaveAttribute("aria-busy", "true");
  await page.screenshot({ path: "test-results/loading-dashboard.png" });
  await expectNoSeriousAxeViolations(page, "loading state");
  release();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(loading).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
});

test("reset-password from the CLI: the printed password signs in, the old one doesn't, and the signed-in browser is signed out", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsDemo(page);
  await page.goto(DEMO);

  const reset = await script("cli.ts", "reset-password", DEMO_EMAIL);
  expect(reset.code, reset.stderr).toBe(0);
  // Every earlier test signed in too: at least this browser's session ends.
  expect(reset.stdout).toMatch(new RegExp(`^Set a new password for ${DEMO_EMAIL.replaceAll(".", "\\.")} and signed it out everywhere \\([1-9]\\d* sessions? ended\\)\\.$`, "m"));
  const newPassword = /^Password \(shown only now\): (\S+)$/m.exec(reset.stdout)?.[1] ?? "";
  expect(newPassword).toHaveLength(24);

  // The browser that was signed in is signed out on its next request.
  await page.reload();
  await page.waitForURL(/\/signin\?callbackUrl=/);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await signIn(fresh, { email: DEMO_EMAIL, password: demoPassword });
  await expect(formAlert(fresh)).toHaveText("That email and password don't match an account.");
  demoPassword = newPassword;
  await signInAsDemo(fresh);
  await other.close();
});

test("the API reference says where tokens are, and they are there: the account menu, or the account page on a phone", async ({ page }) => {
  await signInAsDemo(page);
  await page.goto("/api/docs");
  const overview = page.getByRole("region", { name: "Claimtrail API" });
  await expect(overview).toContainText("Create one under API tokens in the account menu at the top right of every page");
  await expect(overview).toContainText("(in the account menu at the top right; on a phone, open your name there first)");
  await expect(overview).not.toContainText("Settings →");

  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/api/docs");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Demo Editor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
});

test("a workspace of one's own says how to make the first claim, until there is one", async ({ page }) => {
  await signUpAndLand(page, newPerson("Newcomer"));
  const slug = await createWorkspace(page, "First desk");
  const hint = page.getByText("Next step: open an article, select the words of a claim and choose Mark as claim.");
  // No articles yet: the empty list says what to do; no hint.
  await expect(page.getByText("No articles yet")).toBeVisible();
  await expect(hint).toHaveCount(0);

  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { title: "Ferry timetable", content: "The ferry will run every fifteen minutes, the operator said." } });
  expect(created.status()).toBe(201);
  await page.reload();
  await expect(hint).toBeVisible();
  await expectNoSeriousAxeViolations(page, "workspace with the next-step hint");

  const { article } = (await created.json()) as { article: { id: string } };
  const highlight = await page.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start: 0, end: 40, revision: 1 } });
  expect(highlight.status()).toBe(201);
  expect((await page.request.post(`/api/w/${slug}/claims`, { data: { annotationId: ((await highlight.json()) as { id: string }).id } })).status()).toBe(201);
  await page.reload();
  await expect(page.getByRole("list", { name: "Articles" })).toBeVisible();
  await expect(hint).toHaveCount(0);
  await expect(page.getByRole("region", { name: /Start here/ })).toHaveCount(0);
});
