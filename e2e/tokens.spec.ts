import { expect, test } from "./test";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";

test("a personal API token is created once, works with its owner's role in one workspace, and stops working when revoked", async ({ page, playwright, baseURL }) => {
  await signUpAndLand(page, newPerson("Scripter"));
  const slug = await createWorkspace(page, "Scripted desk");

  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Name").fill("Nightly export");
  await page.getByLabel("Workspace").selectOption(slug);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Token “Nightly export”").inputValue();
  expect(token).toMatch(/^ct_/);
  await expect(page.getByText("Copy it now: it is not shown again.")).toBeVisible();

  // A client with no cookies, as a script would be.
  const api = await playwright.request.newContext({ baseURL });
  const auth = { Authorization: `Bearer ${token}` };
  const listed = await api.get("/api/v1/workspaces", { headers: auth });
  expect(listed.status()).toBe(200);
  expect(JSON.stringify(await listed.json())).toContain(slug);
  expect((await api.get("/api/v1/workspaces")).status()).toBe(401);

  await page.reload();
  await expect(page.getByText("Nightly export")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke Nightly export" }).click();
  await expect.poll(async () => (await api.get("/api/v1/workspaces", { headers: auth })).status()).toBe(401);
  await api.dispose();
});
