import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { setLocaleCookie } from "./i18n-helpers";
import { articleText, createWorkspace, highlight, mouseSelect, newPerson, openArticleTitled, openMarkAsClaim, selectionToolbar, signUpAndLand, uploadFiles } from "./helpers";

/**
 * Issue 14: a passage in one language is offered the claim written in
 * another, and each suggestion says why. The two articles are our own short
 * texts (no corpus text), an English one and its Russian rendering.
 */

const EN_TITLE = "Talks in Geneva";
const EN = "Sergey Lavrov and Antony Blinken held talks in Geneva on 21 January 2022.";
const RU_TITLE = "Переговоры в Женеве";
const RU = "21 января 2022 года Сергей Лавров и Энтони Блинкен провели переговоры.";

const dialog = (page: Page) => page.getByRole("dialog", { name: "Mark as claim" });
const isPost = (suffix: RegExp) => (r: { request(): { method(): string }; url(): string }) => r.request().method() === "POST" && suffix.test(new URL(r.url()).pathname);
const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

const openArticle = openArticleTitled;
const openComposer = openMarkAsClaim;

test("a Russian passage is offered the English claim, saying it matched on the names and the date; the list passes axe and fits 390 px", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Polyglot"));
  const slug = await createWorkspace(page, "Polyglot desk");
  const file = (name: string, title: string, body: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(`${title}\n\n${body} The rest of the report follows here.\n`) });
  await uploadFiles(page, slug, [file("talks-en.txt", EN_TITLE, EN), file("talks-ru.txt", RU_TITLE, RU)], { "talks-en.txt": "Added", "talks-ru.txt": "Added" });

  // The English sentence becomes a claim.
  await openArticle(page, slug, EN_TITLE);
  await openComposer(page, EN);
  const marked = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await dialog(page).getByRole("button", { name: "Create claim" }).click();
  expect((await marked).status()).toBe(201);
  const { claim } = (await (await marked).json()) as { claim: { id: string } };
  await expect(dialog(page)).toHaveCount(0);

  // The Russian sentence: the English claim is suggested, with why.
  await openArticle(page, slug, RU_TITLE);
  await openComposer(page, RU);
  const item = dialog(page).getByRole("list", { name: "Suggested claims" }).getByRole("listitem").filter({ hasText: EN });
  await expect(item).toBeVisible();
  const reasons = item.getByTestId("suggestion-reasons");
  // The words as each text writes them (finding F5), not the search's internal forms.
  await expect(reasons).toContainText(/Name: .*Сергей Лавров ↔ Sergey Lavrov/);
  await expect(reasons).toContainText("Энтони Блинкен ↔ Antony Blinken");
  await expect(reasons).toContainText(/Date: .*21 января 2022 ↔ 21 January 2022/);
  await expect(reasons).not.toContainText("2022-01-21");

  await expectNoSeriousAxeViolations(page, { include: "dialog" });
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(reasons).toBeVisible();
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  // And it can be attached as before.
  const attached = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await item.getByRole("button", { name: /^Attach to/ }).click();
  expect((await attached).status()).toBe(201);
  expect(JSON.parse((await attached).request().postData() ?? "{}")).toMatchObject({ claimId: claim.id });
  const { annotationId } = (await (await attached).json()) as { annotationId: string };
  await expect(highlight(page, annotationId).first()).toBeVisible();
});

test("a Russian selection of 6,000 characters (120 KB as a URL: over Node's header limit) gets suggestions, sent in a POST body", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Longreader"));
  const slug = await createWorkspace(page, "Long desk");
  const opening = "Сергей Лавров и Энтони Блинкен провели переговоры.";
  const closing = "Конец длинного отрывка.";
  const filler = " Погода в городе была тёплой, и дети весь день гуляли в парке у реки.";
  const long = `${opening}${filler.repeat(Math.ceil((6000 - opening.length - closing.length) / filler.length))} ${closing}`;
  expect(encodeURIComponent(long).length).toBeGreaterThan(16 * 1024);
  const file = (name: string, title: string, body: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(`${title}\n\n${body}\n`) });
  await uploadFiles(page, slug, [file("talks-en.txt", EN_TITLE, EN), file("long-ru.txt", "Длинная статья", long)], { "talks-en.txt": "Added", "long-ru.txt": "Added" });

  await openArticle(page, slug, EN_TITLE);
  await openComposer(page, EN);
  const marked = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await dialog(page).getByRole("button", { name: "Create claim" }).click();
  expect((await marked).status()).toBe(201);
  await expect(dialog(page)).toHaveCount(0);

  // Tall enough that the whole paragraph is on screen for one mouse drag.
  await page.setViewportSize({ width: 1280, height: 3000 });
  await openArticle(page, slug, "Длинная статья");
  const asked = page.waitForResponse(isPost(/\/claims\/suggestions$/));
  await mouseSelect(page, articleText(page), opening, closing);
  await expect(selectionToolbar(page)).toBeVisible();
  await selectionToolbar(page).getByRole("button", { name: /^Mark as claim/ }).click();
  await expect(dialog(page)).toBeVisible();
  const res = await asked;
  expect(res.status()).toBe(200);
  expect(JSON.parse(res.request().postData() ?? "{}").text.length).toBeGreaterThan(5900);
  const item = dialog(page).getByRole("list", { name: "Suggested claims" }).getByRole("listitem").filter({ hasText: EN });
  await expect(item).toBeVisible();
  await expect(item.getByTestId("suggestion-reasons")).toContainText("Сергей Лавров ↔ Sergey Lavrov");
  await expect(dialog(page)).not.toContainText("Suggestions couldn't be loaded");
});

test("a two-digit year is the date (X39), shown once; the claims list's search finds the claim by the date in Russian (X49) and the claimant in Cyrillic (N14b-5)", async ({ page }) => {
  test.setTimeout(150_000);
  await signUpAndLand(page, newPerson("Datekeeper"));
  const slug = await createWorkspace(page, "Dates desk");
  const en = "The ceasefire was agreed on 17 December 2021 in Minsk.";
  const ru = "Перемирие подписали 17.12.21 в Минске.";
  const file = (name: string, title: string, body: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(`${title}\n\n${body} The rest of the report follows here.\n`) });
  await uploadFiles(page, slug, [file("truce-en.txt", "Truce", en), file("truce-ru.txt", "Перемирие", ru)], { "truce-en.txt": "Added", "truce-ru.txt": "Added" });

  await openArticle(page, slug, "Truce");
  await openComposer(page, en);
  await dialog(page).getByLabel("Claimant").fill("Maria Zakharova");
  const marked = page.waitForResponse(isPost(/\/mark-as-claim$/));
  await dialog(page).getByRole("button", { name: "Create claim" }).click();
  expect((await marked).status()).toBe(201);
  await expect(dialog(page)).toHaveCount(0);

  await openArticle(page, slug, "Перемирие");
  await openComposer(page, ru);
  const item = dialog(page).getByRole("list", { name: "Suggested claims" }).getByRole("listitem").filter({ hasText: en });
  await expect(item).toBeVisible();
  const reasons = item.getByTestId("suggestion-reasons");
  await expect(reasons).toContainText(/Date: 17\.12\.21 ↔ 17 December 2021/);
  // One date, one reason: not again as a number or a second date.
  await expect(reasons).not.toContainText(/Number:/);
  expect((await reasons.textContent())?.match(/17 December 2021/g)).toHaveLength(1);
  await page.keyboard.press("Escape");

  await page.goto(`/w/${slug}/claims`);
  const filters = page.getByRole("form", { name: "Filter claims" });
  const rows = page.locator("tbody tr");
  await filters.getByLabel("Search statements").fill("17 декабря 2021 года");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/q=/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(en.slice(0, 30));
  await page.goto(`/w/${slug}/claims?claimant=${encodeURIComponent("Захарова")}`);
  await expect(rows).toHaveCount(1);
  await page.goto(`/w/${slug}/claims?q=${encodeURIComponent("17 декабря 2020")}`);
  await expect(rows).toHaveCount(0);
});

test("on a Russian page, an English statement is marked lang=en and a Ukrainian one lang=uk, from the claim's stored language (the script can't tell ru from uk)", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpAndLand(page, newPerson("Langmark"));
  const slug = await createWorkspace(page, "Lang desk");
  // The Ukrainian statement has no letter only Ukrainian has (і, ї, є, ґ): too short for the detector, it takes
  // its article's language, which the rest of the text makes plain. Read by its script it could be Russian.
  const UK_TITLE = "Новини уряду";
  const UK = "Уряд ухвалив новий закон.";
  const ukBody = `${UK} Міністр фінансів заявив, що бюджет на наступний рік буде збалансованим, а податки не зростуть.`;
  const file = (name: string, title: string, body: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(`${title}\n\n${body} The rest of the report follows here.\n`) });
  const ukFile = { name: "uryad.txt", mimeType: "text/plain", buffer: Buffer.from(`${UK_TITLE}\n\n${ukBody}\n`) };
  await uploadFiles(page, slug, [file("talks-en.txt", EN_TITLE, EN), ukFile], { "talks-en.txt": "Added", "uryad.txt": "Added" });

  const ids: Record<string, string> = {};
  for (const [title, sentence] of [[EN_TITLE, EN], [UK_TITLE, UK]] as const) {
    await openArticle(page, slug, title);
    await openComposer(page, sentence);
    const marked = page.waitForResponse(isPost(/\/mark-as-claim$/));
    await dialog(page).getByRole("button", { name: "Create claim" }).click();
    expect((await marked).status()).toBe(201);
    ids[title] = ((await (await marked).json()) as { claim: { id: string } }).claim.id;
    await expect(dialog(page)).toHaveCount(0);
  }

  await setLocaleCookie(page.context(), new URL(page.url()).origin, "ru");
  await page.goto(`/w/${slug}/claims`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("link", { name: EN }).first()).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: UK }).first()).toHaveAttribute("lang", "uk");

  await page.goto(`/w/${slug}/claims/${ids[UK_TITLE]}`);
  await expect(page.getByRole("heading", { level: 1, name: UK })).toHaveAttribute("lang", "uk");
  // Related, the two are linked claims, which the dashboard lists (a claim linked to nothing isn't).
  const en = (await (await page.request.get(`/api/w/${slug}/claims/${ids[EN_TITLE]}`)).json()) as { version: number };
  const related = await page.request.post(`/api/w/${slug}/claims/${ids[EN_TITLE]}/relations`, { data: { toId: ids[UK_TITLE], type: "related", version: en.version } });
  expect(related.status(), await related.text()).toBeLessThan(300);
  await page.goto(`/w/${slug}/dashboard`);
  await expect(page.getByRole("link", { name: UK }).first()).toHaveAttribute("lang", "uk");
  await expect(page.getByRole("link", { name: EN }).first()).toHaveAttribute("lang", "en");
});
