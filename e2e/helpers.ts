import { expect, type Browser, type Page } from "@playwright/test";

let counter = 0;
/** A person no other test has used: runs share nothing, tests within a run neither. */
export function newPerson(label: string) {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}`;
  return { name: `${label} ${id}`, email: `${label.toLowerCase()}.${id}@example.test`, password: `pw-${id}-long-enough` };
}

export type Person = ReturnType<typeof newPerson>;

export async function signUp(page: Page, person: Person) {
  await page.goto("/signup");
  await fillSignUp(page, person);
}

/** Fills and sends the sign-up form already on screen. */
export async function fillSignUp(page: Page, person: Person) {
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up from the sign-up page and waits for the workspace list it lands on. */
export async function signUpAndLand(page: Page, person: Person) {
  await signUp(page, person);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
}

/** The form's own alert (Next.js adds an empty route announcer with the same role). */
export function formAlert(page: Page) {
  return page.getByRole("alert").filter({ hasText: /\S/ });
}

export async function signIn(page: Page, person: Pick<Person, "email" | "password">) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.goto("/");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2];
}

/**
 * Invites a new person with the given role through Members → "Create invite link";
 * they sign up through the link in a browser context of their own and join.
 */
export async function inviteMember(browser: Browser, admin: Page, slug: string, role: "viewer" | "annotator" | "reviewer" | "admin", label = "Teammate") {
  await admin.goto(`/w/${slug}`);
  await admin.getByRole("link", { name: "Members" }).click();
  await admin.getByLabel("Invite as").selectOption(role);
  await admin.getByRole("button", { name: "Create invite link" }).click();
  const link = await admin.getByLabel("Invite link").inputValue();

  const context = await browser.newContext();
  const page = await context.newPage();
  const person = newPerson(label);
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.waitForURL(/\/signup\?invite=/);
  await fillSignUp(page, person);
  await page.waitForURL(/\/invite\//);
  await page.getByRole("button", { name: "Join workspace" }).click();
  await page.waitForURL(new RegExp(`/w/${slug}$`));
  return { context, page, person };
}
