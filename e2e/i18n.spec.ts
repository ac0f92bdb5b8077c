/**
 * The UI languages (issue #14 §4): the language a person picks in Settings shows on the next
 * page; a signed-out visitor gets their browser's language and can switch it; and in Russian
 * and Ukrainian every page shows no untranslated key (`⟦ns.key⟧`, lib/i18n/missing-message.ts),
 * passes axe-core (serious/critical: 0) and doesn't scroll sideways at 390 px. Pages other
 * engineers translate may still be English here: on those only the marker is asserted.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createWorkspace, newPerson, signUp } from "./helpers";
import { expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";

async function signUpAndWait(page: Page, person: ReturnType<typeof newPerson>) {
  await signUp(page, person);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
}

async function expectAccessible(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help}`);
  expect(bad, `${name}: axe-core violations`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, name: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
  expect(scrollWidth, `${name}: ${scrollWidth} px wide on a ${clientWidth} px screen`).toBeLessThanOrEqual(clientWidth);
}

test("a person picks Русский in Settings: the next page is in Russian; Browser default brings English back", async ({ page }) => {
  const person = newPerson("Lang");
  await signUpAndWait(page, person);
  await page.goto("/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("radio", { name: "Русский" }).check();
  await page.getByRole("button", { name: "Save language" }).click();
  // The page re-renders in the new language at once…
  await expect(page.getByRole("status").filter({ hasText: "Язык сохранён." })).toBeVisible();
  // …and the next page load is Russian, from the saved choice.
  await page.goto("/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1, name: "Учётная запись" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Выйти", exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Русский" })).toBeChecked();
  await expectNoMissingMessages(page);

  // The choice belongs to the account: a fresh browser (English) signing in gets Russian too.
  const other = await page.context().browser()!.newContext();
  const second = await other.newPage();
  await second.goto("/signin");
  await second.getByLabel("Email").fill(person.email);
  await second.getByLabel("Password").fill(person.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second.locator("html")).toHaveAttribute("lang", "ru");
  await other.close();

  await page.getByRole("radio", { name: "Как в браузере" }).check();
  await page.getByRole("button", { name: "Сохранить язык" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Language saved." })).toBeVisible();
  await page.goto("/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
});

test.describe("a signed-out visitor whose browser prefers Ukrainian", () => {
  test.use({ locale: "uk-UA" });

  test("gets the sign-in page in Ukrainian, and can switch it to Russian", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await expect(page.getByRole("heading", { level: 1, name: "Вхід до Claimtrail" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Увійти" })).toBeVisible();
    await page.getByRole("button", { name: "Увійти" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Введіть електронну пошту та пароль." })).toBeVisible();
    await expectNoMissingMessages(page);

    await page.getByLabel("Мова").selectOption("ru");
    await expect(page.getByRole("heading", { level: 1, name: "Вход в Claimtrail" })).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("button", { name: "Войти" })).toBeVisible();
  });
});

for (const locale of ["ru", "uk"] as const) {
  test(`every page in ${locale}: no untranslated key, no serious accessibility violation, no sideways scroll at 390 px`, async ({ browser, baseURL }) => {
    test.setTimeout(600_000);
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signUpAndWait(admin, newPerson(`Sweep${locale}`));
    const slug = await createWorkspace(admin, `Sweep ${locale}`);
    const body = "The Kessel Street bridge opened in 1974 and was last fully renovated in 1998, the council said on Tuesday.";
    const created = await admin.request.post(`/api/w/${slug}/articles`, { data: { content: body, title: "Bridge" } });
    expect(created.status()).toBe(201);
    const { article } = (await created.json()) as { article: { id: string } };
    const hl = await admin.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start: 0, end: body.indexOf(" opened"), revision: 1 } });
    const claim = await admin.request.post(`/api/w/${slug}/claims`, { data: { annotationId: ((await hl.json()) as { id: string }).id } });
    expect(claim.status()).toBe(201);
    const claimId = ((await claim.json()) as { id: string }).id;
    const invite = await admin.request.post(`/api/w/${slug}/invites`, { data: { role: "annotator" } });
    const inviteUrl = ((await invite.json()) as { url: string }).url;
    expect((await admin.request.put("/api/account/locale", { data: { locale } })).ok()).toBe(true);

    const base = `/w/${slug}`;
    // Pages translated on this branch get every check; the others (still English here) the marker check.
    const signedIn: Array<{ path: string; mine?: boolean }> = [
      { path: "/", mine: true },
      { path: "/settings", mine: true },
      { path: "/settings/tokens" },
      { path: "/inbox", mine: true },
      { path: base },
      { path: `${base}/articles/${article.id}` },
      { path: `${base}/articles/${article.id}/edit` },
      { path: `${base}/import` },
      { path: `${base}/claims` },
      { path: `${base}/claims/${claimId}` },
      { path: `${base}/dashboard` },
      { path: `${base}/export` },
      { path: `${base}/members` },
      { path: `${base}/settings` },
      { path: `${base}/settings/webhooks` },
      { path: `${base}/settings/audit` },
      { path: "/no-such-page", mine: true },
    ];
    const signedOut: typeof signedIn = [
      { path: "/signin", mine: true },
      { path: "/signup", mine: true },
      { path: "/forgot-password" },
      { path: "/reset-password?token=not-a-real-token" },
      { path: "/unsubscribe?u=someone&k=assigned&t=not-signed" },
      { path: new URL(inviteUrl).pathname, mine: true },
    ];
    const guestContext = await browser.newContext();
    await setLocaleCookie(guestContext, baseURL!, locale);
    const guest = await guestContext.newPage();
    for (const [page, pages] of [
      [admin, signedIn],
      [guest, signedOut],
    ] as const) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
        for (const p of pages) {
          await test.step(`${p.path} at ${width} px`, async () => {
            await page.goto(p.path);
            await page.waitForLoadState("networkidle");
            await expect(page.locator("html")).toHaveAttribute("lang", locale);
            await expectNoMissingMessages(page);
            if (!p.mine) return;
            if (width === 390) await expectNoSidewaysScroll(page, p.path);
            await expectAccessible(page, `${p.path} at ${width} px (${locale})`);
          });
        }
      }
    }
    await adminContext.close();
    await guestContext.close();
  });
}
