import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { JSON_LD_PAGE, OPENGRAPH_PAGE } from "../lib/testing/news-pages";
import { startPageServer, type PageServer } from "../lib/testing/page-server";
import { articleText, createWorkspace, newPerson, signUp } from "./helpers";

/**
 * Import by URL against web pages served on loopback: the app may fetch from
 * E2E_PAGE_PORT only (IMPORT_ALLOW_HOSTS, set by scripts/lib/test-server.ts);
 * a second server on another port stands for a private address.
 */

let site: PageServer;
let intranet: PageServer;

test.beforeAll(async () => {
  intranet = await startPageServer({ "/secret": { body: JSON_LD_PAGE } });
  site = await startPageServer(
    {
      "/news": { body: JSON_LD_PAGE },
      "/ferries": { body: OPENGRAPH_PAGE },
      "/report.pdf": { type: "application/pdf", body: "%PDF-1.7" },
      "/to-intranet": (_req, res) => res.writeHead(302, { location: `${intranet.origin}/secret` }).end(),
    },
    Number(process.env.E2E_PAGE_PORT),
  );
});

test.afterAll(async () => {
  await site?.close();
  await intranet?.close();
});

/** Signs up a new person; a cold server on a loaded machine may take a while to hash the first password. */
async function newDesk(page: Page, label: string): Promise<string> {
  await signUp(page, newPerson(label));
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
  return createWorkspace(page, `${label} desk`);
}

const webImport = (page: Page) => page.getByRole("region", { name: "Import from the web" });

async function expectAccessibleAndNarrow(page: Page) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoSeriousAxeViolations(page, { rules: "all" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `no sideways scroll at ${width} px`).toBe(true);
    await page.screenshot({ path: `test-results/url-import-review-${width}.png`, fullPage: true });
  }
}

test("import from the web: pasted addresses are read for review with an error for each bad one, and the edited details are saved", async ({ page }) => {
  test.setTimeout(180_000);
  const slug = await newDesk(page, "Importer");
  await page.goto(`/w/${slug}/import`);
  const region = webImport(page);

  await region.getByRole("button", { name: "Read pages" }).click();
  await expect(region.getByText("Paste at least one web address.")).toBeVisible();
  await expect(region.getByLabel("Web addresses")).toHaveAttribute("aria-invalid", "true");

  await region.getByLabel("Web addresses").fill([`${site.origin}/news`, `${site.origin}/ferries`, `${site.origin}/gone`, `${site.origin}/report.pdf`, `${site.origin}/to-intranet`].join("\n"));
  await region.getByRole("button", { name: "Read pages" }).click();
  const cards = region.getByRole("group");
  await expect(cards).toHaveCount(2);
  const news = region.getByRole("group", { name: "Harbour bridge to close for 18 months" });
  await expect(news.getByLabel("Title")).toHaveValue("Harbour bridge to close for 18 months");
  await expect(news.getByLabel("Publisher")).toHaveValue("The Harbour Times");
  await expect(news.getByLabel("Author")).toHaveValue("Ana Ruiz, Tom Berg");
  await expect(news.getByLabel("Published")).toHaveValue("2026-03-03");
  await expect(news.getByLabel("Canonical URL")).toHaveValue("https://harbour.example/news/bridge-to-close");
  await expect(region.getByRole("listitem").filter({ hasText: `${site.origin}/gone` })).toContainText("There is no page at this address");
  await expect(region.getByRole("listitem").filter({ hasText: `${site.origin}/report.pdf` })).toContainText("not a web page (application/pdf)");
  await expect(region.getByRole("listitem").filter({ hasText: `${site.origin}/to-intranet` })).toContainText("private or local address");
  expect(intranet.hits.size).toBe(0);
  await expectAccessibleAndNarrow(page);

  // A bad language code is refused at its field; the other page is imported meanwhile, and is not imported twice on the retry.
  await news.getByLabel("Title").fill("Bridge shuts for a year and a half");
  await news.getByLabel("Language").fill("English!");
  await news.getByLabel("Tags").fill("bridge, council");
  await region.getByRole("button", { name: "Import articles" }).click();
  await expect(news.getByText("Use a language code like en or pt-BR.")).toBeVisible();
  await expect(news.getByLabel("Language")).toHaveAttribute("aria-invalid", "true");
  const ferries = region.getByRole("group", { name: "Ferries to replace the bridge" });
  await expect(ferries.getByRole("status")).toContainText("Imported: Ferries to replace the bridge");
  await news.getByLabel("Language").fill("en");
  await region.getByRole("button", { name: "Import articles" }).click();
  await expect(news.getByRole("status")).toContainText("Imported: Bridge shuts for a year and a half");

  await news.getByRole("link", { name: "Bridge shuts for a year and a half" }).click();
  await expect(page.getByRole("heading", { name: "Bridge shuts for a year and a half" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("The Harbour Times");
  await expect(articleText(page)).toContainText("The harbour bridge will close for eighteen months");
  await expect(articleText(page)).not.toContainText("Most read");

  // The same page again is recognised before anything is saved.
  await page.goto(`/w/${slug}/import`);
  await webImport(page).getByLabel("Web addresses").fill(`${site.origin}/news`);
  await webImport(page).getByRole("button", { name: "Read pages" }).click();
  await expect(webImport(page).getByRole("status").filter({ hasText: "Already in the workspace" })).toBeVisible();
  await expect(webImport(page).getByLabel("Import this page")).not.toBeChecked();
});

test("the Send to Claimtrail bookmarklet brings a page and its selected words; after import they wait in Mark as claim", async ({ page }) => {
  test.setTimeout(180_000);
  const slug = await newDesk(page, "Bookmarker");
  await page.goto(`/w/${slug}/import`);
  const link = webImport(page).getByRole("link", { name: "Send to Claimtrail" });
  await expect(link).toHaveAttribute("href", /^javascript:/);
  await expect(link).toHaveAttribute("draggable", "true");
  const href = (await link.getAttribute("href"))!;

  // On the news site: select a sentence and click the bookmark (its code run as the browser would, percent-decoded).
  await page.goto(`${site.origin}/news`);
  await page.evaluate(() => {
    const p = [...document.querySelectorAll("p")].find((el) => el.textContent!.includes("40,000 vehicles"))!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(p.firstChild!, p.textContent!.indexOf(",", 10));
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.evaluate((code) => (0, eval)(code), decodeURIComponent(href.slice("javascript:".length)));
  await page.waitForURL((url) => url.pathname === `/w/${slug}/import`);
  const region = webImport(page);
  await expect(region.getByLabel("Web addresses")).toHaveValue(`${site.origin}/news`);
  await expect(region).toContainText("About 40,000 vehicles cross the bridge each day");
  await expect(region.getByLabel("Title")).toHaveValue("Harbour bridge to close for 18 months");
  await region.getByRole("button", { name: "Import article" }).click();

  const composer = page.getByRole("dialog", { name: "Mark as claim" });
  await expect(composer).toBeVisible();
  await expect(composer.locator("blockquote")).toHaveText("About 40,000 vehicles cross the bridge each day");
  await expect.poll(() => new URL(page.url()).searchParams.get("quote")).toBeNull();

  // The same page again (already in the workspace, e.g. a colleague imported it): the duplicate's link carries the words.
  page.on("dialog", (d) => void d.accept());
  const words = "About 40,000 vehicles cross the bridge each day";
  await page.goto(`/w/${slug}/import?url=${encodeURIComponent(`${site.origin}/news`)}&quote=${encodeURIComponent(words)}`);
  const again = webImport(page);
  await expect(again).toContainText("Already in the workspace as");
  await expect(again).toContainText("Open it to turn the selected words into a claim.");
  await again.getByRole("link", { name: "Harbour bridge to close for 18 months" }).click();
  const reopened = page.getByRole("dialog", { name: "Mark as claim" });
  await expect(reopened).toBeVisible();
  await expect(reopened.locator("blockquote")).toHaveText(words);
});

test("signed out, the bookmarklet's address survives sign-in: it lands on Add articles with the page and the words filled in", async ({ page }) => {
  test.setTimeout(180_000);
  const person = newPerson("Returner");
  await signUp(page, person);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
  const slug = await createWorkspace(page, "Returner desk");
  await page.context().clearCookies();

  const words = "About 40,000 vehicles cross the bridge each day";
  const bookmarklet = `/w/${slug}/import?url=${encodeURIComponent(`${site.origin}/news?from=bookmark&x=1`)}&quote=${encodeURIComponent(words)}`;
  await page.goto(bookmarklet);
  await page.waitForURL((url) => url.pathname === "/signin");
  const callback = new URL(new URL(page.url()).searchParams.get("callbackUrl")!, page.url());
  expect([callback.pathname, callback.searchParams.get("url"), callback.searchParams.get("quote")]).toEqual([`/w/${slug}/import`, `${site.origin}/news?from=bookmark&x=1`, words]);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await page.waitForURL((url) => url.pathname === `/w/${slug}/import`);
  expect(new URL(page.url()).searchParams.get("quote")).toBe(words);
  const region = webImport(page);
  await expect(region.getByLabel("Web addresses")).toHaveValue(`${site.origin}/news?from=bookmark&x=1`);
  await expect(region).toContainText(words);
  await expect(region.getByLabel("Title")).toHaveValue("Harbour bridge to close for 18 months");

  // Only this site: a sign-in link whose callback names another host lands here, not there.
  await page.context().clearCookies();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("//evil.example/steal")}`);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(bookmarklet, page.url()).origin);
});
