import { expect, test, type APIRequestContext, type APIResponse } from "./test";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";

/**
 * The request pipeline's query rules over real HTTP, against the production server (the unit tests
 * call the handlers with a Request as sent, which is not what a browser or curl reaches):
 * - a query value that was not valid UTF-8 (`%FF`): the server hands the handler U+FFFD in its place,
 *   so U+FFFD in a query value is a 400 naming the parameter (issue 14, second outside tester);
 * - a single-valued parameter given twice (`?limit=1&limit=2`) is a 400 naming it; `tag` on the
 *   export, documented as repeatable, stays allowed (N5);
 * - the aliases and glossary-proposals lists, like the glossary list, name a parameter they don't take (S6, X41);
 * - so does the claims list, on both routes (black-box B1 of 2026-12-03: a misspelt filter listed every claim);
 * - a parameter named __proto__, on every route and on the claims and export pages (black-box s34, M1: Next.js drops it).
 */

interface Problem {
  status: number;
  errors?: Record<string, string>;
}

async function expectRefused(res: APIResponse, field: string, message: RegExp): Promise<void> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBe(400);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  const body = (await res.json()) as Problem;
  expect(Object.keys(body.errors ?? {}), res.url()).toEqual([field]);
  expect(body.errors![field]).toMatch(message);
}

const UTF8 = /not valid UTF-8|U\+FFFD/;
const TWICE = /more than once/;

test("over HTTP: bytes that are no UTF-8 and repeated single-valued parameters are 400s naming the parameter; unknown ones on the aliases list too", async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Scripter"));
  const slug = await createWorkspace(page, "Query desk");
  const created = await page.request.post("/api/tokens", { data: { name: "query rules", workspace: slug } });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const api: APIRequestContext = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const v1 = `/api/v1/workspaces/${slug}`;
  const cookie = `/api/w/${slug}`;

  // Not UTF-8: a lone %FF, an encoded lone surrogate, a cut sequence; and U+FFFD itself (what those arrive as).
  for (const bad of ["%FF", "%ED%A0%80", "ab%E0%A4", "%EF%BF%BD"]) {
    await expectRefused(await api.get(`${v1}/claims/suggestions?text=${bad}`), "text", UTF8);
    await expectRefused(await api.get(`${v1}/claims/suggestions?q=${bad}`), "q", UTF8);
    await expectRefused(await api.get(`${v1}/glossary?q=${bad}`), "q", UTF8);
    await expectRefused(await api.get(`${v1}/claims?q=${bad}`), "q", UTF8);
    await expectRefused(await page.request.get(`${cookie}/claims/suggestions?text=${bad}`), "text", UTF8);
    await expectRefused(await page.request.get(`${cookie}/claims?q=${bad}`), "q", UTF8);
  }
  // Cyrillic, percent-encoded as UTF-8, is what these parameters are for.
  const ferry = encodeURIComponent("паром");
  for (const url of [`${v1}/claims/suggestions?text=${ferry}`, `${v1}/glossary?q=${ferry}`, `${v1}/claims?q=${ferry}`]) {
    expect((await api.get(url)).status(), url).toBe(200);
  }
  expect((await page.request.get(`${cookie}/claims/suggestions?q=${ferry}`)).status()).toBe(200);
  expect((await page.request.get(`${cookie}/claims?q=${ferry}`)).status()).toBe(200);

  // A single-valued parameter given twice.
  await expectRefused(await api.get(`${v1}/export?format=csv&locale=ru&locale=en`), "locale", TWICE);
  await expectRefused(await api.get(`${v1}/export?format=csv&format=jsonl`), "format", TWICE);
  await expectRefused(await api.get(`${v1}/claims?limit=1&limit=2`), "limit", TWICE);
  await expectRefused(await api.get(`${v1}/articles?limit=1&limit=2`), "limit", TWICE);
  await expectRefused(await page.request.get(`${cookie}/claims?limit=1&limit=2`), "limit", TWICE);
  await expectRefused(await page.request.get(`${cookie}/claims?q=a&q=b`), "q", TWICE);
  await expectRefused(await api.get(`${v1}/glossary?q=a&q=b`), "q", TWICE);
  await expectRefused(await page.request.get(`${cookie}/export?format=csv&locale=ru&locale=uk`), "locale", TWICE);
  // … once is fine, and `tag`, documented as repeatable (any of several), may repeat.
  const once = await api.get(`${v1}/export?format=csv&locale=ru`);
  expect(once.status(), await once.text()).toBe(200);
  const tags = await api.get(`${v1}/export?format=csv&tag=a&tag=b`);
  expect(tags.status(), await tags.text()).toBe(200);
  expect((await page.request.get(`${cookie}/export?format=csv&tag=a&tag=b`)).status()).toBe(200);

  // The aliases and proposals lists take no parameter (neither is paged), like the glossary list.
  await expectRefused(await api.get(`${v1}/aliases?status=confirmed`), "status", /Not taken here/);
  await expectRefused(await api.get(`${v1}/aliases?limit=10`), "limit", /Not taken here/);
  await expectRefused(await api.get(`${v1}/aliases?suggested=maybe`), "suggested", /Not taken here/);
  await expectRefused(await api.get(`${v1}/glossary-proposals?limit=0`), "limit", /Not taken here/);
  await expectRefused(await api.get(`${v1}/glossary-proposals?cursor=%FF`), "cursor", UTF8);
  expect((await api.get(`${v1}/glossary-proposals`)).status()).toBe(200);
  await expectRefused(await api.get(`${v1}/glossary?limit=10`), "limit", /Not taken here/);
  expect((await api.get(`${v1}/aliases`)).status()).toBe(200);

  // A misspelt claims-list filter is named, never ignored: ignored, a script paging through "approved" claims got every claim (black-box B1, 2026-12-03).
  await expectRefused(await api.get(`${v1}/claims?reviewstate=approved&limit=3`), "reviewstate", /Not taken here/);
  await expectRefused(await page.request.get(`${cookie}/claims?reviewstate=approved`), "reviewstate", /Not taken here/);
  await expectRefused(await page.request.get(`${cookie}/claims?foo=bar`), "foo", /Not taken here/);
  expect((await api.get(`${v1}/claims?reviewState=approved&limit=3`)).status()).toBe(200);
  expect((await page.request.get(`${cookie}/claims?reviewState=approved&sort=created`)).status()).toBe(200);
  // The export's count refuses what the export refuses: a language it doesn't write, an article that isn't this workspace's (B10).
  await expectRefused(await page.request.get(`${cookie}/export/count?locale=de`), "locale", /One of/);
  await expectRefused(await page.request.get(`${cookie}/export/count?articles=nosuch`), "articles", /No article in this workspace/);
  await expectRefused(await page.request.get(`${cookie}/export?format=csv&articles=nosuch`), "articles", /No article in this workspace/);
  expect((await page.request.get(`${cookie}/export/count?locale=uk`)).status()).toBe(200);

  // A parameter named __proto__ is named too: Next.js drops it from the query before any route sees it, so an
  // export with it exported everything (black-box s34, M1); the server tells the routes. Encoded or not.
  for (const proto of ["__proto__", "%5F%5Fproto%5F%5F"]) {
    await expectRefused(await api.get(`${v1}/claims?${proto}=1`), "__proto__", /Not taken here/);
    await expectRefused(await api.get(`${v1}/export?format=csv&${proto}=1`), "__proto__", /Not taken here/);
    await expectRefused(await page.request.get(`${cookie}/export/count?${proto}=1`), "__proto__", /Not taken here/);
    await expectRefused(await page.request.get(`${cookie}/claims?limit=1&${proto}=x`), "__proto__", /Not taken here/);
  }
  // The claims page names it among the address's bad filters, as it names a misspelt one; the export page applies none of them.
  await page.goto(`/w/${slug}/claims?__proto__=1`);
  await expect(page.getByText("__proto__", { exact: false }).first()).toBeVisible();
  await page.goto(`/w/${slug}/export?__proto__=1`);
  await expect(page.getByText("This page's address asks for filters that can't be used, so none were applied.", { exact: false })).toBeVisible();
  await api.dispose();
});
