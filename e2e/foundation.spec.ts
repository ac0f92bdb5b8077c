import { expect, test } from "./test";
import { createWorkspace, fillSignUp, formAlert, newPerson, signIn, signUpAndLand } from "./helpers";

test("a new user signs up, creates a workspace, sees its empty article list, signs out and in again", async ({ page }) => {
  const ada = newPerson("Ada");
  await signUpAndLand(page, ada);
  await expect(page.getByText("You're not in any workspace yet")).toBeVisible();

  const slug = await createWorkspace(page, "Election desk");
  await expect(page.getByRole("heading", { name: "No articles yet" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
  await page.goto(`/w/${slug}`);
  await page.waitForURL(/\/signin\?callbackUrl=/);

  await page.getByLabel("Email").fill(ada.email.toUpperCase());
  await page.getByLabel("Password").fill(ada.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`/w/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Election desk" })).toBeVisible();
});

test("sign-up explains what is wrong next to each field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short Pass");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
});

test("an admin invites a viewer by link; the viewer joins, sees no edit controls, and forged mutations are refused", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signUpAndLand(admin, newPerson("Admin"));
  const slug = await createWorkspace(admin, "Viewer test desk");

  await admin.getByRole("link", { name: "Members" }).click();
  await admin.getByLabel("Invite as").selectOption("viewer");
  await admin.getByRole("button", { name: "Create invite link" }).click();
  const link = await admin.getByLabel("Invite link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  const vic = newPerson("Viewer");
  await viewer.goto(link);
  await expect(viewer.getByRole("heading", { name: "Join Viewer test desk" })).toBeVisible();
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await viewer.waitForURL(/\/signup\?invite=/);
  // Signing up through the link joins the workspace in the same step.
  await fillSignUp(viewer, vic);
  await viewer.waitForURL(new RegExp(`/w/${slug}$`));
  await expect(viewer.getByText("Viewer", { exact: true })).toBeVisible();

  // No edit controls for a viewer.
  await expect(viewer.getByRole("link", { name: "Members" })).toHaveCount(0);
  await expect(viewer.getByRole("button")).toHaveText(["Sign out"]);

  // The same mutations, sent directly with the viewer's session, are refused by the server.
  const invite = await viewer.request.post(`/api/w/${slug}/invites`, { data: { role: "admin" } });
  expect(invite.status()).toBe(403);
  expect(invite.headers()["content-type"]).toContain("application/problem+json");
  const membersPage = await viewer.goto(`/w/${slug}/members`);
  expect(membersPage?.status()).toBe(403);

  // The link works once.
  const reuse = await browser.newContext();
  const other = await reuse.newPage();
  await signUpAndLand(other, newPerson("Late"));
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Invite link not valid" })).toBeVisible();

  await Promise.all([adminContext.close(), viewerContext.close(), reuse.close()]);
});

test("a non-member opening a workspace URL gets a not-found page", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUpAndLand(owner, newPerson("Owner"));
  const slug = await createWorkspace(owner, "Private desk");

  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signUpAndLand(stranger, newPerson("Stranger"));
  const res = await stranger.goto(`/w/${slug}`);
  expect(res?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(stranger.getByText("Private desk")).toHaveCount(0);
  const api = await stranger.request.post(`/api/w/${slug}/invites`, { data: { role: "viewer" } });
  expect(api.status()).toBe(404);
  await Promise.all([ownerContext.close(), strangerContext.close()]);
});

test("sign-in is refused after 5 failed attempts, with the wait time", async ({ page, browser }) => {
  const bob = newPerson("Bob");
  const signupContext = await browser.newContext();
  const signupPage = await signupContext.newPage();
  await signUpAndLand(signupPage, bob);
  await signupContext.close();

  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: bob.email, password: "wrong-password-123" });
    await expect(formAlert(page)).toHaveText("That email and password don't match an account.");
  }
  // Even the right password is refused now.
  await signIn(page, bob);
  await expect(formAlert(page)).toHaveText(/Too many failed sign-in attempts\. Try again in 15 minutes\./);
  await expect(page).toHaveURL(/\/signin/);
});

test("responses carry the security headers", async ({ request }) => {
  const res = await request.get("/signin");
  const headers = res.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const foreign = await request.post("/api/workspaces", { data: { name: "x" }, headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
});

test("an API path nothing serves answers problem+json 404 for every method, not the HTML page", async ({ request }) => {
  for (const path of ["/api/w/any-desk/no-such-thing", "/api/nothing-here", "/api/w/any-desk/claims/x/y/z", "/api/v1/nope"]) {
    for (const method of ["GET", "POST", "PATCH", "DELETE"] as const) {
      const res = await request.fetch(path, { method, data: method === "GET" ? undefined : {} });
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect(res.headers()["content-type"], `${method} ${path}`).toContain("application/problem+json");
    }
  }
});
