/**
 * Every page at a desktop width (1280 px) and a phone's (390 px): the page
 * never scrolls sideways at 390 px, and axe-core finds no serious or critical
 * WCAG 2.1 A/AA violation at either width. Screenshots of the key pages go to
 * docs/screens/<page>-<width>.png (the README shows them).
 *
 * Pages: sign-in, sign-up, invite, workspace list, workspace home (articles),
 * article reader, an earlier revision (History), article edit, import, claims
 * list, claim page, dashboard, export, members, workspace settings, webhooks, a
 * webhook's deliveries, the audit log, API tokens,
 * account settings (/settings), the API reference (/api/docs), 404.
 */
import fs from "node:fs";
import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { createWorkspace, newPerson, signUp } from "./helpers";

/** Signs up and waits for the workspace list; hashing the password takes its time on a loaded machine. */
async function signUpAndWait(page: Page, person: ReturnType<typeof newPerson>) {
  await signUp(page, person);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
}

const WIDTHS = [1280, 390] as const;
const SCREENS = "docs/screens";

/** A title long enough to test every place that shows one. */
const LONG_TITLE = "Regional transport authority says the harbour bridge closure will add forty minutes to every commuter's journey";
const BODY = [
  "The Kessel Street bridge opened in 1974 and was last fully renovated in 1998, the council said on Tuesday.",
  "A 2025 inspection report lists corrosion in three girders and rates the structure as poor.",
  "Traffic counts show an average of 38,700 vehicles per day, according to the regional transport office.",
].join("\n\n");

interface World {
  slug: string;
  articleId: string;
  claimId: string;
  inviteUrl: string;
  webhookId: string;
}

async function makeWorld(page: Page): Promise<World> {
  const slug = await createWorkspace(page, "Pages newsroom");
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: BODY, title: LONG_TITLE } });
  expect(created.status()).toBe(201);
  const { article } = (await created.json()) as { article: { id: string } };
  const end = BODY.indexOf(" and was");
  const highlight = await page.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start: 0, end, revision: 1 } });
  expect(highlight.status()).toBe(201);
  const claim = await page.request.post(`/api/w/${slug}/claims`, {
    data: { annotationId: ((await highlight.json()) as { id: string }).id, claimant: "Council spokesperson for transport and infrastructure", tags: ["infrastructure"] },
  });
  expect(claim.status()).toBe(201);
  // A second revision, so History has an earlier one to show.
  const full = (await (await page.request.get(`/api/w/${slug}/articles/${article.id}`)).json()) as { doc: unknown; title: string };
  const edited = await page.request.put(`/api/w/${slug}/articles/${article.id}`, { data: { baseRevision: 1, doc: full.doc, metadata: { title: full.title, publisher: "Port Alder Courier" } } });
  expect(edited.ok()).toBe(true);
  const invite = await page.request.post(`/api/w/${slug}/invites`, { data: { role: "annotator" } });
  expect(invite.status()).toBe(201);
  const token = await page.request.post("/api/tokens", { data: { name: "Nightly export to the newsroom archive", workspace: slug } });
  expect(token.status()).toBe(201);
  // A webhook, for the webhooks page and its (empty) delivery log; its creation fills the audit log's first row.
  const webhook = await page.request.post(`/api/w/${slug}/webhooks`, { data: { url: "https://hooks.example.org/newsroom-archive/claimtrail-events", kinds: ["claim.verdict", "claim.review-state"] } });
  expect(webhook.status()).toBe(201);
  return {
    slug,
    articleId: article.id,
    claimId: ((await claim.json()) as { id: string }).id,
    inviteUrl: ((await invite.json()) as { url: string }).url,
    webhookId: ((await webhook.json()) as { id: string }).id,
  };
}

/** No sideways scrolling: the page is no wider than the screen. */
async function expectNoSidewaysScroll(page: Page, name: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
  expect(scrollWidth, `${name}: the page is ${scrollWidth} px wide on a ${clientWidth} px screen`).toBeLessThanOrEqual(clientWidth);
}

/** Waits until the page has settled: its own landmark is there, fonts are in, nothing is loading. */
async function settle(page: Page, ready: ReturnType<Page["getByRole"]>) {
  await expect(ready).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function check(page: Page, name: string, ready: ReturnType<Page["getByRole"]>, width: number, screenshot: boolean) {
  await settle(page, ready);
  if (width === 390) await expectNoSidewaysScroll(page, name);
  await expectNoSeriousAxeViolations(page, `${name} at ${width} px`);
  // A phone page is shown whole: on a narrow screen what matters (the claims as cards, say) is often below the fold.
  if (screenshot) await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: width === 390 });
}

test("every page: no sideways scrolling on a phone, no serious accessibility violation at either width", async ({ browser }) => {
  test.setTimeout(600_000);
  fs.mkdirSync(SCREENS, { recursive: true });
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signUpAndWait(admin, newPerson("Pages"));
  const w = await makeWorld(admin);
  const base = `/w/${w.slug}`;
  const article = `${base}/articles/${w.articleId}`;

  const signedIn: { name: string; path: string; ready: (p: Page) => ReturnType<Page["getByRole"]>; shot?: boolean }[] = [
    { name: "workspaces", path: "/", ready: (p) => p.getByRole("heading", { name: "Your workspaces" }) },
    { name: "articles", path: base, ready: (p) => p.getByRole("list", { name: "Articles" }), shot: true },
    { name: "reader", path: article, ready: (p) => p.getByTestId("article-text"), shot: true },
    { name: "revision", path: `${article}?revision=1`, ready: (p) => p.getByText("You're reading an earlier revision") },
    { name: "edit", path: `${article}/edit`, ready: (p) => p.getByRole("button", { name: "Save revision" }) },
    { name: "import", path: `${base}/import`, ready: (p) => p.getByRole("heading", { name: "Add articles" }) },
    { name: "claims", path: `${base}/claims`, ready: (p) => p.getByRole("link", { name: /Kessel Street bridge/ }), shot: true },
    { name: "claim", path: `${base}/claims/${w.claimId}`, ready: (p) => p.getByRole("heading", { level: 1 }).last(), shot: true },
    { name: "dashboard", path: `${base}/dashboard`, ready: (p) => p.getByRole("heading", { name: "Dashboard" }), shot: true },
    { name: "export", path: `${base}/export`, ready: (p) => p.getByText(/This export holds/), shot: true },
    { name: "members", path: `${base}/members`, ready: (p) => p.getByRole("heading", { name: /Members/ }).first() },
    { name: "workspace-settings", path: `${base}/settings`, ready: (p) => p.getByRole("heading", { name: /Settings/ }).first() },
    { name: "webhooks", path: `${base}/settings/webhooks`, ready: (p) => p.getByRole("list", { name: "Webhooks" }), shot: true },
    { name: "webhook-deliveries", path: `${base}/settings/webhooks/${w.webhookId}`, ready: (p) => p.getByRole("heading", { name: "Deliveries" }) },
    { name: "audit", path: `${base}/settings/audit`, ready: (p) => p.getByRole("table", { name: "Audit log" }), shot: true },
    { name: "tokens", path: "/settings/tokens", ready: (p) => p.getByRole("heading", { name: "API tokens" }) },
    // The account page (another change adds it; until then this is the 404 page, checked all the same).
    { name: "account", path: "/settings", ready: (p) => p.getByRole("heading", { level: 1 }).first() },
    { name: "inbox", path: "/inbox", ready: (p) => p.getByRole("heading", { level: 1, name: "Inbox" }), shot: true },
    { name: "api-docs", path: "/api/docs", ready: (p) => p.getByRole("navigation", { name: "API sections" }) },
    { name: "not-found", path: "/no-such-page", ready: (p) => p.getByRole("heading", { level: 1 }).first() },
    // A path the router can't decode: a page saying so, not the API's problem+json as text.
    { name: "malformed-address", path: `${article}%FF`, ready: (p) => p.getByRole("heading", { level: 1, name: "This address is not valid" }) },
  ];
  const signedOut: typeof signedIn = [
    { name: "signin", path: "/signin", ready: (p) => p.getByRole("button", { name: "Sign in" }), shot: true },
    { name: "signup", path: "/signup", ready: (p) => p.getByRole("button", { name: "Create account" }) },
    { name: "forgot-password", path: "/forgot-password", ready: (p) => p.getByRole("heading", { level: 1, name: "Forgot your password?" }), shot: true },
    { name: "reset-password", path: "/reset-password?token=not-a-real-token", ready: (p) => p.getByRole("button", { name: "Set new password" }) },
    { name: "unsubscribe", path: "/unsubscribe?u=someone&k=assigned&t=not-signed", ready: (p) => p.getByRole("button", { name: "Unsubscribe" }) },
    { name: "invite", path: new URL(w.inviteUrl).pathname, ready: (p) => p.getByRole("heading", { level: 1 }).first() },
  ];

  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  for (const width of WIDTHS) {
    for (const [page, pages] of [
      [admin, signedIn],
      [guest, signedOut],
    ] as const) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      for (const p of pages) {
        await test.step(`${p.name} at ${width} px`, async () => {
          await page.goto(p.path);
          await check(page, p.name, p.ready(page), width, !!p.shot);
        });
      }
    }
  }
  await adminContext.close();
  await guestContext.close();
});

test("export at 1280 px: long article titles stay in their column, clear of the review-state choices", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpAndWait(page, newPerson("Export"));
  const slug = await createWorkspace(page, "Export layout");
  expect((await page.request.post(`/api/w/${slug}/articles`, { data: { content: BODY, title: LONG_TITLE } })).status()).toBe(201);
  await page.goto(`/w/${slug}/export`);
  const articles = page.getByRole("group", { name: "Articles" });
  const states = page.getByRole("group", { name: /Review state/ });
  await expect(articles.getByText(LONG_TITLE)).toBeVisible();
  const list = (await articles.getByRole("checkbox", { name: LONG_TITLE }).locator("xpath=ancestor::div[1]").boundingBox())!;
  const right = (await states.boundingBox())!;
  expect(list.x + list.width, "the article list ends before the review-state column begins").toBeLessThanOrEqual(right.x);
  await expectNoSeriousAxeViolations(page, "export");
});
