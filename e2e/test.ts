import { test as base, type Browser, type BrowserContext, type Page, type Response } from "@playwright/test";

export * from "@playwright/test";

/**
 * Playwright's `test`, whose pages wait after each load (goto, reload) until React has hydrated the page: the
 * root's mark (`html[data-hydrated]`, components/ui/hydration-mark.tsx) is set and no button still waits for its
 * part of the page (`[data-hydrating]`, components/ui/button.tsx). Before that, a click does nothing and what is
 * typed into a controlled field is reset; with two test files at a time the machine is loaded enough to meet it.
 * Every spec imports `test` and `expect` from here.
 */
async function hydrated(page: Page, response: Response | null): Promise<void> {
  if (!response || !(response.headers()["content-type"] ?? "").includes("text/html")) return;
  // Pages of other sites (the news pages the URL-import tests serve) have nothing to hydrate; ours load Next's scripts.
  if (!(await page.evaluate(() => !!document.querySelector('script[src*="/_next/"]')))) return;
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true" && !document.querySelector("[data-hydrating]"), undefined, { timeout: 30_000 });
}

const patched = new WeakSet<Page>();

function patch(page: Page): Page {
  if (patched.has(page)) return page;
  patched.add(page);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, opts) => {
    const res = await goto(url, opts);
    await hydrated(page, res);
    return res;
  };
  page.reload = async (opts) => {
    const res = await reload(opts);
    await hydrated(page, res);
    return res;
  };
  return page;
}

function patchContext(context: BrowserContext): BrowserContext {
  const newPage = context.newPage.bind(context);
  context.newPage = async () => patch(await newPage());
  return context;
}

export const test = base.extend<object, { browser: Browser }>({
  page: async ({ page }, provide) => {
    await provide(patch(page));
  },
  context: async ({ context }, provide) => {
    await provide(patchContext(context));
  },
  browser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      const newPage = browser.newPage.bind(browser);
      browser.newContext = async (opts) => patchContext(await newContext(opts));
      browser.newPage = async (opts) => patch(await newPage(opts));
      await provide(browser);
    },
    { scope: "worker" },
  ],
});
