import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { startSmtpSink } from "../lib/testing/smtp-sink";
import { claimOnNewArticle } from "./action-setup";
import { createWorkspace, inviteMember, newPerson, signIn, signUpAndLand } from "./helpers";

/**
 * Notifications, @mentions and password reset, with the mail read from a
 * real SMTP server this spec runs on the loopback port the app sends to
 * (E2E_SMTP_PORT, set with SMTP_URL by scripts/lib/test-server.ts).
 */
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
test.beforeAll(async () => {
  sink = await startSmtpSink(Number(process.env.E2E_SMTP_PORT));
});
test.afterAll(async () => {
  await sink?.close();
});

/** Screenshots to look at (test-results/, not committed; pages.spec.ts takes the committed ones). */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

function bell(page: Page) {
  return page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: /^Inbox/ });
}

test("@mention autocomplete in the discussion; the member's bell counts it, the inbox marks it read; its e-mail's unsubscribe link works signed out", async ({ page, browser }) => {
  test.slow();
  const ada = newPerson("Ada");
  await signUpAndLand(page, ada);
  const slug = await createWorkspace(page, "Mention desk");
  const claim = await claimOnNewArticle(page, slug, "Harbour traffic", "The bridge carries about 40,000 vehicles a day.");
  const bea = await inviteMember(browser, page, slug, "annotator", "Bea");

  // Ada hears that her invite was accepted.
  await page.goto(`/w/${slug}/claims/${claim.claimId}`);
  await expect(bell(page)).toHaveAccessibleName("Inbox, 1 unread");

  const mention = async (text: string) => {
    const editor = page.getByRole("textbox", { name: "New comment" });
    await editor.click();
    await editor.pressSequentially(`@${bea.person.name.split(" ")[0]}`);
    const options = page.getByRole("listbox", { name: "Members to mention" });
    await expect(options.getByRole("option", { name: bea.person.name })).toBeVisible();
    // Screen readers are told the list is open and which member is highlighted.
    await expect(editor).toHaveAttribute("aria-autocomplete", "list");
    await expect(editor).toHaveAttribute("aria-controls", (await options.getAttribute("id"))!);
    const active = (await editor.getAttribute("aria-activedescendant"))!;
    await expect(options.locator(`[id="${active}"]`)).toHaveAttribute("aria-selected", "true");
    await shot(page, "mention-autocomplete");
    await page.keyboard.press("Enter");
    await expect(options).toBeHidden();
    await expect(editor).not.toHaveAttribute("aria-controls");
    await editor.pressSequentially(` ${text}`);
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(page.locator("section[aria-labelledby=comments-heading]").getByRole("listitem").filter({ hasText: text })).toContainText(`@${bea.person.name} ${text}`);
  };
  await mention("can you check the count?");
  await mention("and the 2024 report too.");

  // Bea: the bell counts the mention; the inbox shows it and marks it read.
  const b = bea.page;
  await b.goto("/");
  await expect(bell(b)).toHaveAccessibleName("Inbox, 2 unread");
  await expect(bell(b).getByTestId("unread-count")).toHaveText("2");
  await bell(b).click();
  await b.waitForURL(/\/inbox$/);
  const items = b.getByTestId("notification").filter({ hasText: "You were mentioned on" });
  await expect(items).toHaveCount(2);
  const first = items.first();
  await expect(first).toHaveAttribute("data-read", "false");
  await expect(first).toContainText(ada.name);
  await expect(first).toContainText("and the 2024 report too.");
  await expect(b.getByRole("status").filter({ hasText: "2 unread" })).toBeVisible();
  await shot(b, "inbox");
  await b.setViewportSize({ width: 390, height: 844 });
  await shot(b, "inbox-390");
  await b.setViewportSize({ width: 1280, height: 800 });
  await first.getByRole("button", { name: /^Mark read/ }).click();
  await expect(first).toHaveAttribute("data-read", "true");
  await expect(b.getByRole("status").filter({ hasText: "1 unread" })).toBeVisible();
  await expect(bell(b)).toHaveAccessibleName("Inbox, 1 unread");
  await b.getByRole("button", { name: "Mark all read" }).click();
  await expect(b.getByRole("status").filter({ hasText: "All read" })).toBeVisible();
  await expect(items.last()).toHaveAttribute("data-read", "true");
  await expect(bell(b)).toHaveAccessibleName("Inbox, nothing unread");
  await expect(bell(b).getByTestId("unread-count")).toHaveCount(0);
  // The link leads to the claim.
  await first.getByRole("link", { name: /You were mentioned on/ }).click();
  await b.waitForURL(new RegExp(`/w/${slug}/claims/${claim.claimId}$`));

  // Ada's inbox: the accepted invite, marked read.
  await page.goto("/inbox");
  const accepted = page.getByTestId("notification").filter({ hasText: `${bea.person.name} accepted your invite` });
  await accepted.getByRole("button", { name: /^Mark read/ }).click();
  await expect(accepted).toHaveAttribute("data-read", "true");
  await expect(bell(page)).toHaveAccessibleName("Inbox, nothing unread");

  // The mention came by e-mail at once (the default for mentions); its footer link unsubscribes, signed out.
  const mail = await sink.waitFor((m) => m.to.includes(bea.person.email) && m.subject.includes("You were mentioned"), 30_000);
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  expect(mail.text).toContain(`/w/${slug}/claims/${claim.claimId}`);
  const link = /Stop these e-mails: (\S+)/.exec(mail.text)![1];
  const guest = await browser.newContext();
  const g = await guest.newPage();
  await g.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(g.getByText("Stop e-mails for “Someone @mentioned you”?")).toBeVisible();
  await g.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(g.getByRole("status").filter({ hasText: "no more e-mails" })).toBeVisible();
  await guest.close();
  await b.goto("/settings");
  await expect(b.getByLabel("Someone @mentioned you")).toHaveValue("in-app");
  await bea.context.close();
});

test("notification settings on the account page are saved and kept", async ({ page }) => {
  const ada = newPerson("Ada");
  await signUpAndLand(page, ada);
  await page.goto("/settings");
  const assigned = page.getByLabel("A claim was assigned to you");
  await expect(assigned).toHaveValue("immediate");
  await assigned.selectOption("digest");
  await page.getByLabel("A comment on a claim you work on").selectOption("off");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Notification settings saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("A claim was assigned to you")).toHaveValue("digest");
  await page.locator("#notifications").screenshot({ path: "test-results/screens/preferences.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("#notifications").screenshot({ path: "test-results/screens/preferences-390.png" });
  await expect(page.getByLabel("A comment on a claim you work on")).toHaveValue("off");
});

test("forgot password: the e-mailed link sets a new password once, and signs out every session", async ({ page, browser }) => {
  test.slow();
  const ada = newPerson("Ada");
  await signUpAndLand(page, ada);
  // A second browser, still signed in: the reset ends its session too.
  const other = await browser.newContext();
  const o = await other.newPage();
  await signIn(o, ada);
  await expect(o.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  const guest = await browser.newContext();
  const g = await guest.newPage();
  await g.goto("/signin");
  await g.getByRole("link", { name: "Forgot password?" }).click();
  await g.waitForURL(/\/forgot-password$/);
  await g.getByLabel("Email").fill("not an address");
  await g.getByRole("button", { name: "Send reset link" }).click();
  await expect(g.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await g.getByLabel("Email").fill(ada.email.toUpperCase());
  await g.getByRole("button", { name: "Send reset link" }).click();
  await expect(g.getByRole("status").filter({ hasText: "a reset link is on its way" })).toBeVisible();

  const mail = await sink.waitFor((m) => m.to.includes(ada.email) && m.subject === "Reset your Claimtrail password", 30_000);
  const link = /(\S+\/reset-password\?token=\S+)/.exec(mail.text)![1].replace(/^https?:\/\/[^/]+/, "");
  await g.goto(link);
  await g.getByLabel("New password").fill("short");
  await g.getByRole("button", { name: "Set new password" }).click();
  await expect(g.getByText("Use at least 10 characters.")).toBeVisible();
  await g.getByLabel("New password").fill("my reset password 42");
  await g.getByRole("button", { name: "Set new password" }).click();
  await expect(g.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();

  // Single use.
  await g.goto(link);
  await g.getByLabel("New password").fill("another password 43");
  await g.getByRole("button", { name: "Set new password" }).click();
  await expect(g.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();

  // Both earlier sessions are over; the new password signs in.
  await o.goto("/settings");
  await o.waitForURL(/\/signin\?callbackUrl=/);
  await page.goto("/settings");
  await page.waitForURL(/\/signin\?callbackUrl=/);
  await signIn(g, { email: ada.email, password: "my reset password 42" });
  await expect(g.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await other.close();
  await guest.close();
});

test("the inbox pages: 50 at a time, “Load more” brings the older ones once each, and the unread count covers every page", async ({ page, browser }) => {
  test.slow();
  const ada = newPerson("Ada");
  await signUpAndLand(page, ada);
  const slug = await createWorkspace(page, `Inbox pages ${Date.now()}`);
  const bea = await inviteMember(browser, page, slug, "annotator", "Bea");
  // Bea's claim; Ada comments on it 53 times (comments come to the claim's author, by digest: no mail at once).
  const claim = await claimOnNewArticle(bea.page, slug, "Ferry times", "The ferry runs every hour.");
  const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  for (let i = 1; i <= 53; i++) {
    const res = await page.request.post(`/api/w/${slug}/claims/${claim.claimId}/comments`, { data: { body: doc(`Comment number ${i}.`) } });
    expect(res.status(), await res.text()).toBe(201);
  }
  const b = bea.page;
  await b.goto("/inbox");
  const items = b.getByTestId("notification");
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText("Comment number 53.");
  await expect(b.getByRole("status").filter({ hasText: "53 unread" })).toBeVisible();
  const more = b.getByRole("button", { name: "Load more" });
  await b.setViewportSize({ width: 390, height: 844 });
  expect(await b.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoSeriousAxeViolations(b, { rules: "all" });
  await b.setViewportSize({ width: 1280, height: 800 });
  await more.click();
  await expect(items).toHaveCount(53);
  await expect(more).toHaveCount(0);
  // Newest first, every comment once.
  const texts = await items.allInnerTexts();
  const numbers = texts.map((t) => Number(/Comment number (\d+)\./.exec(t)?.[1]));
  expect(numbers).toEqual(Array.from({ length: 53 }, (_, i) => 53 - i));
  // Marking one on the second page read counts down from every page's unread.
  await items.last().getByRole("button", { name: /^Mark read/ }).click();
  await expect(items.last()).toHaveAttribute("data-read", "true");
  await expect(b.getByRole("status").filter({ hasText: "52 unread" })).toBeVisible();
  await b.getByRole("button", { name: "Mark all read" }).click();
  await expect(b.getByRole("status").filter({ hasText: "All read" })).toBeVisible();
  await bea.context.close();
});

test("forgot password from a Ukrainian or Russian browser: someone who never saved a language gets the mail in the page's language", async ({ page, browser }) => {
  test.slow();
  const olena = newPerson("Olena");
  await signUpAndLand(page, olena);
  // Asked from a browser that wants Ukrainian (Accept-Language), signed out.
  const ukBrowser = await browser.newContext({ locale: "uk-UA" });
  const g = await ukBrowser.newPage();
  await g.goto("/forgot-password");
  await expect(g.locator("html")).toHaveAttribute("lang", "uk");
  await g.getByLabel("Електронна пошта").fill(olena.email);
  await g.getByRole("button", { name: "Надіслати посилання" }).click();
  await expect(g.getByRole("status").filter({ hasText: "посилання для скидання вже надіслано" })).toBeVisible();
  const mail = await sink.waitFor((m) => m.to.includes(olena.email), 30_000);
  expect(mail.subject).toBe("Скидання пароля Claimtrail");
  expect(mail.text).toContain("Виберіть новий пароль: ");
  expect(mail.text).not.toMatch(/⟦|Choose a new password|Reset your/);
  // The link it carries works like any other: the reset page, in Ukrainian too.
  const link = /(\S+\/reset-password\?token=\S+)/.exec(mail.text)![1].replace(/^https?:\/\/[^/]+/, "");
  await g.goto(link);
  await expect(g.locator("html")).toHaveAttribute("lang", "uk");
  await ukBrowser.close();

  // The language chosen on the sign-in page (the cookie) wins over the browser's.
  const bea = newPerson("Bea");
  const signup = await browser.newContext();
  await signUpAndLand(await signup.newPage(), bea);
  await signup.close();
  const other = await browser.newContext({ locale: "uk-UA" });
  await other.addCookies([{ name: "claimtrail-locale", value: "ru", url: new URL(page.url()).origin }]);
  const b = await other.newPage();
  await b.goto("/forgot-password");
  await expect(b.locator("html")).toHaveAttribute("lang", "ru");
  await b.getByLabel("Электронная почта").fill(bea.email);
  await b.getByRole("button", { name: /Отправить/ }).click();
  const ru = await sink.waitFor((m) => m.to.includes(bea.email), 30_000);
  expect(ru.subject).toBe("Сброс пароля Claimtrail");
  await other.close();
});
