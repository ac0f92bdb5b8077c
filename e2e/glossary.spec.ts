import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { addArticle, addClaim, addHighlight, claimOnNewArticle } from "./action-setup";
import { articleText, createWorkspace, inviteMember, mouseSelect, newPerson, selectionToolbar, signUpAndLand } from "./helpers";
// Renamed: a "use…" name reads as a React hook to the linter.
import { expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";

/**
 * Issue 14 §2: the workspace glossary (Settings → Glossary), proposals from
 * attached Russian mentions, and the alias registry. Our own short texts.
 */

const EN1 = "New sanctions will hurt ordinary households.";
const EN2 = "New sanctions against the bank were extended.";
const RU1 = "Новые санкции ударят по домохозяйствам.";
const RU2 = "Новые санкции против банка продлили.";

const dialog = (page: Page) => page.getByRole("dialog", { name: "Mark as claim" });
const isPost = (suffix: RegExp) => (r: { request(): { method(): string }; url(): string }) => r.request().method() === "POST" && suffix.test(new URL(r.url()).pathname);
const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

async function openGlossary(page: Page, slug: string) {
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Glossary" }).click();
  await page.waitForURL(new RegExp(`/w/${slug}/settings/glossary$`));
}

async function addPair(page: Page, term: string, english: string) {
  const form = page.getByRole("form", { name: "Add pair" });
  await form.getByLabel("Term (Russian or Ukrainian)").fill(term);
  await form.getByLabel("English").fill(english);
  const posted = page.waitForResponse(isPost(/\/glossary$/));
  await form.getByRole("button", { name: "Add pair" }).click();
  expect((await posted).status()).toBe(201);
  await expect(page.getByRole("list", { name: "Glossary pairs" }).getByRole("listitem").filter({ hasText: term })).toContainText(english);
}

async function checkPage(page: Page) {
  await expectNoSeriousAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("glossary: add (a bad term refused inline), search, edit, delete; a Russian passage finds the English claim through a pair, saying so; two attachments propose pairs: accept one, reject one", async ({ page }) => {
  test.setTimeout(240_000);
  await signUpAndLand(page, newPerson("Glossator"));
  const slug = await createWorkspace(page, "Glossary desk");
  await claimOnNewArticle(page, slug, "Sanctions one", EN1);
  await claimOnNewArticle(page, slug, "Sanctions two", EN2);
  await addArticle(page, slug, "Санкции", [RU1, RU2, "Дальше идёт остальной текст статьи."]);

  await openGlossary(page, slug);
  await expect(page.getByText("No pairs yet.")).toBeVisible();
  const form = page.getByRole("form", { name: "Add pair" });
  await form.getByLabel("Term (Russian or Ukrainian)").fill("households");
  await form.getByLabel("English").fill("households");
  await form.getByRole("button", { name: "Add pair" }).click();
  await expect(form.getByText("Write the term in Cyrillic letters (Russian or Ukrainian).")).toBeVisible();
  await expect(form.getByLabel("Term (Russian or Ukrainian)")).toHaveAttribute("aria-invalid", "true");

  await addPair(page, "домохозяйства", "households");
  await addPair(page, "банк", "banking");
  await addPair(page, "рост", "growth");
  const pairs = page.getByRole("list", { name: "Glossary pairs" });

  // Edit: банк = banking → bank.
  await pairs.getByRole("button", { name: "Edit банк" }).click();
  const edit = page.getByRole("form", { name: "Edit pair" });
  await edit.getByLabel("English").fill("bank");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(pairs.getByRole("listitem").filter({ hasText: "банк" })).toContainText("bank");
  await expect(pairs.getByRole("listitem").filter({ hasText: "банк" })).not.toContainText("banking");
  // Delete рост.
  page.once("dialog", (d) => void d.accept());
  await pairs.getByRole("button", { name: "Delete рост" }).click();
  await expect(pairs.getByRole("listitem")).toHaveCount(2);
  // Search.
  await page.getByRole("searchbox", { name: "Search the glossary" }).fill("house");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await page.waitForURL(/\?q=house$/);
  await expect(pairs.getByRole("listitem")).toHaveCount(1);
  await expect(pairs).toContainText("домохозяйства");
  await checkPage(page);

  // The Russian passages: each English claim is suggested through a pair, and attached.
  await page.goto(`/w/${slug}`);
  await page.getByRole("list", { name: "Articles" }).getByRole("link", { name: "Санкции" }).click();
  await expect(articleText(page)).toBeVisible();
  for (const [ru, en, pair] of [
    [RU1, EN1, "домохозяйства = households"],
    [RU2, EN2, "банк = bank"],
  ]) {
    await mouseSelect(page, articleText(page), ru);
    await expect(selectionToolbar(page)).toBeVisible();
    await selectionToolbar(page).getByRole("button", { name: /^Mark as claim/ }).click();
    const item = dialog(page).getByRole("list", { name: "Suggested claims" }).getByRole("listitem").filter({ hasText: en });
    await expect(item.getByTestId("suggestion-reasons")).toContainText(`Glossary: ${pair}`);
    const attached = page.waitForResponse(isPost(/\/mark-as-claim$/));
    await item.getByRole("button", { name: /^Attach to/ }).click();
    expect((await attached).status()).toBe(201);
    await expect(dialog(page)).toHaveCount(0);
  }

  // Proposals: the words both quotes and both statements share.
  await openGlossary(page, slug);
  const proposals = page.getByRole("list", { name: "Glossary proposals" });
  await expect(proposals.getByRole("listitem")).toHaveCount(4);
  await expect(proposals).toContainText("seen together in 2 attached mentions");
  await proposals.getByRole("button", { name: "Accept санкции = sanctions" }).click();
  await expect(pairs.getByRole("listitem").filter({ hasText: "санкции" })).toContainText("sanctions");
  // Accepting it retires the pairings of either word with another.
  await expect(proposals.getByRole("listitem")).toHaveCount(1);
  await proposals.getByRole("button", { name: "Reject новые = new" }).click();
  await expect(page.getByText(/^No proposals\./)).toBeVisible();
  await checkPage(page);
});

test("aliases: suggested from claimant names, confirmed, dismissed and undone; the claims list's claimant filter follows a confirmed alias", async ({ page }) => {
  test.setTimeout(180_000);
  await signUpAndLand(page, newPerson("Aliaser"));
  const slug = await createWorkspace(page, "Alias desk");
  const article = await addArticle(page, slug, "Statements", ["The talks stalled.", "The meeting was useful.", "Kyiv must not join.", "The door stays open."]);
  for (const [words, claimant] of [
    ["The talks stalled.", "Sergei Lavrov"],
    ["The meeting was useful.", "Сергей Лавров"],
    ["Kyiv must not join.", "Anthony Blinken"],
    ["The door stays open.", "Antony Blinken"],
  ]) {
    await addClaim(page, slug, await addHighlight(page, slug, article, words), { claimant });
  }

  // Before any alias, the claimant filter reads «Лавров» as the suggestions read names (N14b-5): "Sergei Lavrov" too.
  await page.goto(`/w/${slug}/claims?claimant=${encodeURIComponent("Лавров")}`);
  await expect(page.locator("tbody tr")).toHaveCount(2);

  await openGlossary(page, slug);
  const suggested = page.getByRole("list", { name: "Suggested aliases" });
  await expect(suggested.getByRole("listitem")).toHaveCount(2);
  await suggested.getByRole("button", { name: /^Confirm .*Lavrov/ }).click();
  const aliases = page.getByRole("list", { name: "Aliases" });
  await expect(aliases.getByRole("listitem").filter({ hasText: "Lavrov" })).toContainText("Confirmed");
  await suggested.getByRole("button", { name: /^Dismiss .*Blinken/ }).click();
  await expect(aliases.getByRole("listitem").filter({ hasText: "Blinken" })).toContainText("Dismissed");
  await expect(page.getByText("No suggestions:")).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await aliases.getByRole("button", { name: /^Undo dismissing .*Blinken/ }).click();
  await expect(suggested.getByRole("listitem")).toHaveCount(1);
  await checkPage(page);

  // The claimant filter: "Лавров" also finds the claim whose claimant is written in Latin letters.
  await page.goto(`/w/${slug}/claims`);
  const filters = page.getByRole("form", { name: "Filter claims" });
  await filters.getByLabel("Claimant").fill("Лавров");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/claimant=/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "The talks stalled." })).toHaveCount(1);
  await expect(rows.filter({ hasText: "The meeting was useful." })).toHaveCount(1);

  // Deleting the alias: the filter still meets both, by the names' spelling across scripts (N14b-5).
  await openGlossary(page, slug);
  page.once("dialog", (d) => void d.accept());
  await aliases.getByRole("button", { name: /^Delete .*Lavrov/ }).click();
  await expect(suggested.getByRole("listitem")).toHaveCount(2);
  await page.goto(`/w/${slug}/claims?claimant=${encodeURIComponent("Лавров")}`);
  await expect(rows).toHaveCount(2);
});

test("the glossary page in Russian and Ukrainian: every string translated, plurals in the language, axe clean", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Glossa"));
  const slug = await createWorkspace(page, "Language desk");
  expect((await page.request.post(`/api/w/${slug}/glossary`, { data: { language: "uk", term: "урожай", english: "harvest" } })).status()).toBe(201);
  const article = await addArticle(page, slug, "Statements", ["The talks stalled.", "The meeting was useful."]);
  await addClaim(page, slug, await addHighlight(page, slug, article, "The talks stalled."), { claimant: "Sergei Lavrov" });
  await addClaim(page, slug, await addHighlight(page, slug, article, "The meeting was useful."), { claimant: "Сергей Лавров" });

  for (const [locale, heading, claims] of [
    ["ru", "Глоссарий", "автор 2 утверждений"],
    ["uk", "Глосарій", "автор 2 тверджень"],
  ] as const) {
    await setLocaleCookie(context, baseURL!, locale);
    await page.goto(`/w/${slug}/settings/glossary`);
    await expect(page.getByRole("heading", { level: 3, name: heading })).toBeVisible();
    await expect(page.getByRole("list", { name: locale === "ru" ? "Предложенные псевдонимы" : "Запропоновані псевдоніми" }).getByRole("listitem")).toContainText(claims);
    await expect(page.getByRole("list", { name: locale === "ru" ? "Пары глоссария" : "Пари глосарію" })).toContainText("урожай");
    await expectNoMissingMessages(page);
    await checkPage(page);
  }
});

test("two admins on two instances at once: overlapping aliases, an edit against a delete, two deletes — each answered 2xx, 404 or 409, never 500", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signUpAndLand(page, newPerson("Racer"));
  const slug = await createWorkspace(page, "Race desk");
  // The second admin signs up through an invite on the other instance, as behind a load balancer.
  const { context, page: other } = await inviteMember(browser, page, slug, "admin", "Racer2", process.env.E2E_BASE_URL_2);
  const statuses = async (calls: Promise<{ status(): number }>[]) => (await Promise.all(calls)).map((r) => r.status()).sort();
  for (let round = 0; round < 6; round++) {
    const shared = `Подоляк${"а".repeat(round)}`;
    const aliases = await statuses([
      page.request.post(`/api/w/${slug}/aliases`, { data: { names: [shared, `Podolyak${round}`] } }),
      other.request.post(`/api/w/${slug}/aliases`, { data: { names: [`Podoliak${round}`, shared] } }),
    ]);
    expect(aliases, `aliases, round ${round}`).toEqual([201, 409]);

    const pair = await page.request.post(`/api/w/${slug}/glossary`, { data: { language: "ru", term: `осада${"а".repeat(round)}`, english: `siege ${round}` } });
    expect(pair.status()).toBe(201);
    const { id } = (await pair.json()) as { id: string };
    const editDelete = await statuses([page.request.patch(`/api/w/${slug}/glossary/${id}`, { data: { english: `blockade ${round}` } }), other.request.delete(`/api/w/${slug}/glossary/${id}`)]);
    expect([[200, 204], [204, 404]], `edit and delete, round ${round}: ${editDelete}`).toContainEqual(editDelete);

    const second = await page.request.post(`/api/w/${slug}/glossary`, { data: { language: "ru", term: `штурм${"а".repeat(round)}`, english: `assault ${round}` } });
    const secondId = ((await second.json()) as { id: string }).id;
    expect(await statuses([page.request.delete(`/api/w/${slug}/glossary/${secondId}`), other.request.delete(`/api/w/${slug}/glossary/${secondId}`)]), `two deletes, round ${round}`).toEqual([204, 404]);
  }
  await context.close();
});
