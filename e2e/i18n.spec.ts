/**
 * The UI languages (issue #14 §4): the language a person picks in Settings shows on the next
 * page; a signed-out visitor gets their browser's language and can switch it; and in Russian
 * and Ukrainian every page shows no untranslated key (`⟦ns.key⟧`, lib/i18n/missing-message.ts),
 * passes axe-core (serious/critical: 0) and doesn't scroll sideways at 390 px, and shows none of the
 * English wording it had before it was translated (`english`: headings, labels, placeholders, server-written
 * lines such as audit summaries and the dashboard's activity, option texts, refused-filter messages).
 * The workspace's General settings are being reworked on another branch: there only the marker is asserted.
 */
import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { createWorkspace, newPerson, signUp } from "./helpers";
import { expectNoLeftoverEnglish, expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";

async function signUpAndWait(page: Page, person: ReturnType<typeof newPerson>) {
  await signUp(page, person);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible({ timeout: 60_000 });
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

  test("the page's HTML doesn't carry the whole message catalogue; its client components still speak Ukrainian", async ({ page }) => {
    // Client components read the catalogue from a chunk the browser caches (lib/i18n/client-messages.ts); sent with
    // every page, it was ~86 KB of each page's HTML. A key of the webhooks settings is nothing the sign-in page shows.
    // page.request doesn't send the browser's languages: the same Accept-Language, said here.
    const html = await (await page.request.get("/signin", { headers: { "accept-language": "uk-UA,uk;q=0.9" } })).text();
    expect(html).toContain("Вхід до Claimtrail");
    expect(html).not.toContain("allowHosts");
    await page.goto("/signin");
    // Written by the sign-in form in the browser, from the client's messages.
    await page.getByRole("button", { name: "Увійти" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Введіть електронну пошту та пароль." })).toBeVisible();
    await expectNoMissingMessages(page);
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
    const hook = await admin.request.post(`/api/w/${slug}/webhooks`, { data: { url: "https://hooks.example.org/i18n", kinds: ["claim.created"] } });
    expect(hook.status()).toBe(201);
    const webhookId = ((await hook.json()) as { id: string }).id;
    const invite = await admin.request.post(`/api/w/${slug}/invites`, { data: { role: "annotator" } });
    const inviteUrl = ((await invite.json()) as { url: string }).url;
    expect((await admin.request.put("/api/account/locale", { data: { locale } })).ok()).toBe(true);

    const base = `/w/${slug}`;
    // Every page gets every check but the workspace's General settings (another branch's, see above).
    const signedIn: Array<{ path: string; mine?: boolean; english?: string[] }> = [
      { path: "/", mine: true },
      { path: "/settings", mine: true, english: ["Current password", "New password", "Change password", "At least 10 characters"] },
      { path: "/settings/tokens", mine: true, english: ["API tokens", "Create a token", "Nightly export", "No tokens yet", "Personal tokens", "Create token"] },
      { path: "/inbox", mine: true },
      { path: base, mine: true },
      { path: `${base}/articles/${article.id}`, mine: true },
      { path: `${base}/articles/${article.id}/edit`, mine: true },
      { path: `${base}/import`, mine: true },
      { path: `${base}/claims`, mine: true },
      { path: `${base}/claims?reviewState=foo&verdict=bar`, mine: true, english: ["is not one of", "Review state:", "Verdict:", "Not an allowed value"] },
      { path: `${base}/claims/${claimId}`, mine: true },
      { path: `${base}/dashboard`, mine: true, english: ["created the claim"] },
      { path: `${base}/export`, mine: true },
      { path: `${base}/members`, mine: true },
      { path: `${base}/settings` },
      { path: `${base}/settings/webhooks`, mine: true },
      { path: `${base}/settings/webhooks/${webhookId}`, mine: true },
      { path: `${base}/settings/glossary`, mine: true },
      { path: `${base}/settings/audit`, mine: true, english: ["Created claim", "Highlighted", "Added article", "claim.created", "annotation.created", "Webhook created", "All claim events"] },
      { path: "/no-such-page", mine: true },
    ];
    const signedOut: typeof signedIn = [
      { path: "/signin", mine: true },
      { path: "/signup", mine: true },
      { path: "/forgot-password", mine: true, english: ["Forgot your password", "Back to sign in", "Send reset link", "E-mail is off"] },
      { path: "/reset-password?token=not-a-real-token", mine: true, english: ["Choose a new password", "New password", "Set new password", "signs your account out"] },
      { path: "/reset-password", mine: true, english: ["This link is incomplete", "ask for a new one"] },
      { path: "/unsubscribe?u=someone&k=assigned&t=not-signed", mine: true, english: ["Stop e-mails", "A claim was assigned to you", "Unsubscribe"] },
      { path: "/unsubscribe", mine: true, english: ["This link is incomplete", "account page"] },
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
            await expectNoLeftoverEnglish(page, p.english ?? []);
            if (width === 390) await expectNoSidewaysScroll(page, p.path);
            // A few pages in Russian at 390 px, to look at for overflowing words (attached to the report).
            if (locale === "ru" && width === 390 && p.english) {
              await page.screenshot({ path: test.info().outputPath(`ru-390${p.path.replace(/[^a-z0-9]+/gi, "_").slice(0, 60)}.png`), fullPage: true });
            }
            await expectNoSeriousAxeViolations(page, `${p.path} at ${width} px (${locale})`);
          });
        }
      }
    }
    await adminContext.close();
    await guestContext.close();
  });
}
