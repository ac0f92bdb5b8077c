/*
 * ACTIONS-HEADER
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createWorkspace, fillSignUp, formAlert, inviteMember, newPerson, signUpAndLand, type Person } from "./helpers";

/** A browser of its own (its own cookies) for a person who signs up there. */
async function personInOwnBrowser(browser: Browser, label: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const person = newPerson(label);
  await signUpAndLand(page, person);
  return { context, page, person };
}

/** Creates an invite link on the Members page and returns it. */
async function createInviteLink(admin: Page, role: "viewer" | "annotator" | "reviewer" | "admin"): Promise<string> {
  await admin.getByLabel("Invite as").selectOption(role);
  await admin.getByRole("button", { name: "Create invite link" }).click();
  const link = admin.getByLabel("Invite link");
  await expect(link).toHaveValue(/\/invite\//);
  return link.inputValue();
}

const roleBadge = (page: Page) => page.getByTitle("Your role here");

test("sign-in and sign-up link to each other keeping where you were going; the logo, the workspace list and every workspace tab lead where they say", async ({ page }) => {
  const ada: Person = newPerson("Ada");
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/settings")}`);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.waitForURL(/\/signup\?callbackUrl=%2Fsettings$/);
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.waitForURL(/\/signin\?callbackUrl=%2Fsettings$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.waitForURL(/\/signup\?callbackUrl=/);
  // Signing up here lands where the person was going.
  await fillSignUp(page, ada);
  await page.waitForURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();

  // The account page's own link to API tokens (the header's is hidden on a phone).
  await page.getByText("Scripts use").getByRole("link", { name: "API tokens" }).click();
  await page.waitForURL(/\/settings\/tokens$/);
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  // A workspace name that is too short is refused next to the field; nothing is created.
  await page.goto("/");
  await page.getByLabel("Workspace name").fill("x");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Use at least 2 characters.")).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/$/);
  const slug = await createWorkspace(page, "Tabs desk");

  // The logo leads home; the workspace list opens the workspace.
  await page.getByRole("link", { name: "Claimtrail home" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  const list = page.getByRole("list", { name: "Workspaces" });
  await expect(list.getByRole("link")).toHaveCount(1);
  await list.getByRole("link", { name: /Tabs desk/ }).click();
  await page.waitForURL(new RegExp(`/w/${slug}$`));

  // Every tab opens its section and is marked as the current one.
  const nav = page.getByRole("navigation", { name: "Workspace" });
  const sections: [string, RegExp, (p: Page) => ReturnType<Page["getByRole"]>][] = [
    ["Claims", new RegExp(`/w/${slug}/claims$`), (p) => p.getByRole("heading", { name: "Claims", exact: true })],
    ["Dashboard", new RegExp(`/w/${slug}/dashboard$`), (p) => p.getByRole("heading", { name: "Dashboard" })],
    ["Export", new RegExp(`/w/${slug}/export$`), (p) => p.getByRole("heading", { name: "This export holds" })],
    ["Members", new RegExp(`/w/${slug}/members$`), (p) => p.getByRole("heading", { name: "Members", exact: true })],
    ["Settings", new RegExp(`/w/${slug}/settings$`), (p) => p.getByRole("heading", { name: "Settings", exact: true })],
    ["Articles", new RegExp(`/w/${slug}$`), (p) => p.getByRole("heading", { name: "Articles", exact: true })],
  ];
  for (const [tab, url, ready] of sections) {
    await nav.getByRole("link", { name: tab, exact: true }).click();
    await page.waitForURL(url);
    await expect(ready(page)).toBeVisible();
    await expect(nav.getByRole("link", { name: tab, exact: true })).toHaveAttribute("aria-current", "page");
  }
});

test("workspace settings: a new name shows in the header and the workspace list after a reload; a one-letter name and an empty verdict label are refused by their fields", async ({ page }) => {
  await signUpAndLand(page, newPerson("Renamer"));
  const slug = await createWorkspace(page, "Old name desk");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" }).click();
  const name = page.getByLabel("Workspace name");
  await expect(name).toHaveValue("Old name desk");

  await name.fill("x");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use at least 2 characters.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await name.fill("New name desk");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await expect(page.getByRole("heading", { level: 1, name: "New name desk" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Workspace name")).toHaveValue("New name desk");
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Workspaces" })).toContainText("New name desk");
  await expect(page.getByRole("list", { name: "Workspaces" })).not.toContainText("Old name desk");
  expect(new URL(page.url()).pathname).toBe("/");
  // The address stays the same.
  await page.goto(`/w/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "New name desk" })).toBeVisible();
});

test("members: an admin changes a member's role and removes another; the last admin can neither demote nor remove themself", async ({ page, browser }) => {
  const admin = newPerson("Admin");
  await signUpAndLand(page, admin);
  const slug = await createWorkspace(page, "Members desk");
  const viewer = await inviteMember(browser, page, slug, "viewer", "Viewer");
  const annotator = await inviteMember(browser, page, slug, "annotator", "Annotator");
  await expect(roleBadge(viewer.page)).toHaveText("Viewer");

  await page.goto(`/w/${slug}/members`);
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByRole("listitem")).toHaveCount(3);

  // Role change: saved at once, kept after a reload, and the member works with it.
  const patched = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/members/"));
  await page.getByLabel(`Role of ${viewer.person.name}`).selectOption("reviewer");
  expect((await patched).status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel(`Role of ${viewer.person.name}`)).toHaveValue("reviewer");
  await viewer.page.reload();
  await expect(roleBadge(viewer.page)).toHaveText("Reviewer");

  // Remove, after confirming: gone from the list, and the workspace is no longer theirs.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toBe(`Remove ${annotator.person.name} from this workspace?`);
    void dialog.accept();
  });
  await page.getByRole("button", { name: `Remove ${annotator.person.name}` }).click();
  await expect(members.getByRole("listitem").filter({ hasText: annotator.person.name })).toHaveCount(0);
  await page.reload();
  await expect(members.getByRole("listitem")).toHaveCount(2);
  const gone = await annotator.page.goto(`/w/${slug}`);
  expect(gone?.status()).toBe(404);

  // The last admin: demoting or removing themself is refused with the reason, and nothing changes.
  await page.getByLabel(`Role of ${admin.name}`).selectOption("viewer");
  await expect(formAlert(page)).toHaveText("A workspace needs at least one admin. Make someone else an admin first.");
  await expect(page.getByLabel(`Role of ${admin.name}`)).toHaveValue("admin");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Remove ${admin.name}` }).click();
  await expect(formAlert(page)).toHaveText("A workspace needs at least one admin. Make someone else an admin first.");
  await page.reload();
  await expect(page.getByLabel(`Role of ${admin.name}`)).toHaveValue("admin");
  await expect(members.getByRole("listitem")).toHaveCount(2);

  await viewer.context.close();
  await annotator.context.close();
});

test("invites: the link is copied, a revoked invite stops working, and people already signed in, or signing in from the invite, join with Join workspace", async ({ page, browser, baseURL }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const admin = newPerson("Inviter");
  await signUpAndLand(page, admin);
  const slug = await createWorkspace(page, "Invite desk");
  await page.goto(`/w/${slug}/members`);

  // Copy: the button says so, and the clipboard holds the link.
  const revoked = await createInviteLink(page, "annotator");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(revoked);

  // Revoke: gone from the open invites, and the link no longer works.
  const open = page.getByRole("heading", { name: "Open invites" }).locator("xpath=..");
  await expect(open.getByRole("listitem")).toHaveCount(1);
  await expect(open.getByRole("listitem")).toContainText(`Annotator · by ${admin.name}`);
  await page.getByRole("button", { name: "Revoke Annotator invite" }).click();
  await expect(page.getByRole("heading", { name: "Open invites" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Open invites" })).toHaveCount(0);
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(revoked);
  await expect(guestPage.getByRole("heading", { name: "Invite link not valid" })).toBeVisible();
  await expect(guestPage.getByText("This invite link was withdrawn.")).toBeVisible();
  await guest.close();

  // Someone already signed in opens a link and joins.
  const reviewerLink = await createInviteLink(page, "reviewer");
  const signedIn = await personInOwnBrowser(browser, "Member");
  await signedIn.page.goto(reviewerLink);
  await expect(signedIn.page.getByRole("heading", { name: "Join Invite desk" })).toBeVisible();
  await expect(signedIn.page.getByText(`You're signed in as ${signedIn.person.email}.`)).toBeVisible();
  await signedIn.page.getByRole("button", { name: "Join workspace" }).click();
  await signedIn.page.waitForURL(new RegExp(`/w/${slug}$`));
  await expect(roleBadge(signedIn.page)).toHaveText("Reviewer");

  // Someone with an account, signed out, signs in from the link and comes back to it to join.
  const viewerLink = await createInviteLink(page, "viewer");
  const returning = await personInOwnBrowser(browser, "Returning");
  await returning.page.getByRole("button", { name: "Sign out" }).click();
  await returning.page.waitForURL(/\/signin/);
  await returning.page.goto(viewerLink);
  await returning.page.getByRole("link", { name: "I already have an account" }).click();
  await returning.page.waitForURL(/\/signin\?callbackUrl=%2Finvite%2F/);
  await returning.page.getByLabel("Email").fill(returning.person.email);
  await returning.page.getByLabel("Password").fill(returning.person.password);
  await returning.page.getByRole("button", { name: "Sign in" }).click();
  await returning.page.waitForURL(/\/invite\//);
  await returning.page.getByRole("button", { name: "Join workspace" }).click();
  await returning.page.waitForURL(new RegExp(`/w/${slug}$`));
  await expect(roleBadge(returning.page)).toHaveText("Viewer");

  // Both are members now.
  await page.reload();
  await expect(page.getByRole("list", { name: "Members" }).getByRole("listitem")).toHaveCount(3);
  await signedIn.context.close();
  await returning.context.close();
});

test("API tokens: a token with no name is not sent; a new token is copied; the REST API link opens the reference, whose contents jump to each part", async ({ page, baseURL }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signUpAndLand(page, newPerson("Tokens"));
  await createWorkspace(page, "Token desk");
  await page.goto("/settings/tokens");
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  // The name is required: the browser keeps the form from being sent.
  await page.getByRole("button", { name: "Create token" }).click();
  expect(await page.getByLabel("Name").evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await page.reload();
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  await page.getByLabel("Name").fill("Archive sync");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Token “Archive sync”").inputValue();
  expect(token).toMatch(/^ct_/);
  await page.getByRole("button", { name: "Copy token" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expect(page.getByRole("row").filter({ hasText: "Archive sync" })).toContainText("Admin");

  // The reference, from the link in the page's introduction.
  await page.getByRole("link", { name: "REST API" }).click();
  await page.waitForURL(/\/api\/docs$/);
  const contents = page.getByRole("navigation", { name: "API sections" });
  await contents.getByRole("link", { name: "Schemas", exact: true }).click();
  await expect(page).toHaveURL(/#schemas$/);
  await expect(page.getByRole("heading", { name: "Schemas", exact: true })).toBeInViewport();
  const operation = contents.locator('a[href^="#op-"]').first();
  const target = (await operation.getAttribute("href"))!;
  await operation.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target).getByRole("heading").first()).toBeInViewport();
  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeInViewport();
});

test("the skip link jumps past the header, and the not-found page leads back to the workspaces", async ({ page }) => {
  await signUpAndLand(page, newPerson("Lost"));
  const res = await page.goto("/no-such-page-here");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // The first Tab reaches the skip link; following it moves on to the page's own content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Go to your workspaces" })).toBeFocused();

  await page.getByRole("link", { name: "Go to your workspaces" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
});
