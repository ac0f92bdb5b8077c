import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseCsv } from "csv-parse/sync";
import { expect, test, type Page } from "./test";
import { expectNoSeriousAxeViolations } from "./axe-helpers";
import { createWorkspace, inviteMember, newPerson, signUpAndLand } from "./helpers";
import { expectNoMissingMessages, setLocaleCookie } from "./i18n-helpers";

/** A webhook receiver on loopback, as the other side of the deliveries. */
async function receiver() {
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { got, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function signatureOk(secret: string, header: string, body: string): boolean {
  const { t, v1 } = Object.fromEntries(header.split(",").map((p) => p.split("=", 2))) as { t: string; v1: string };
  return createHmac("sha256", secret).update(`${t}.${body}`).digest("hex") === v1;
}

async function openSettingsTab(page: Page, slug: string, tab: "Webhooks" | "Audit log") {
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: tab }).click();
  await page.waitForURL(new RegExp(`/w/${slug}/settings/${tab === "Webhooks" ? "webhooks" : "audit"}$`));
}

test("webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete", async ({ page }) => {
  test.slow();
  const r = await receiver();
  try {
    await signUpAndLand(page, newPerson("Hooks"));
    const slug = await createWorkspace(page, "Hooked desk");
    await openSettingsTab(page, slug, "Webhooks");
    await expect(page.getByText("No webhooks yet.")).toBeVisible();

    const url = `http://127.0.0.1:${r.port}/hook`;
    const form = page.locator("form").filter({ has: page.getByLabel("Endpoint URL") });
    await form.getByLabel("Endpoint URL").fill(url);
    await form.getByLabel("All webhook events").check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(form.getByText(/Use an https:\/\/ address/)).toBeVisible();

    // Allow the loopback receiver, then add again.
    await page.getByLabel("Private hosts webhooks may reach").fill("127.0.0.1");
    await page.getByRole("button", { name: "Save allow-list" }).click();
    await expect(page.getByText("Allow-list saved.")).toBeVisible();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByText("Copy it now: it is not shown again.")).toBeVisible();
    const list = page.getByRole("list", { name: "Webhooks" });
    await expect(list.getByText(url, { exact: true })).toBeVisible();

    // The webhook's own creation is a webhook.changed event: the worker sends it, signed.
    await expect.poll(() => r.got.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const first = r.got[0];
    expect(first.headers["claimtrail-event"]).toBe("webhook.changed");
    expect(signatureOk(secret, String(first.headers["claimtrail-signature"]), first.body)).toBe(true);
    const seq = JSON.parse(first.body).change.seq as number;

    // The secret is not shown again after a reload.
    await page.reload();
    await expect(page.getByLabel("Signing secret")).toHaveCount(0);

    await list.getByRole("link", { name: `Deliveries to ${url}` }).click();
    const log = page.getByRole("table", { name: "Deliveries" });
    await expect(log.getByText("delivered")).toBeVisible();
    await expect(log.getByText(/HTTP 200/)).toBeVisible();
    await expect(log.getByText(/\d+ ms/)).toBeVisible();
    await log.getByRole("button", { name: /^Re-send webhook.changed/ }).first().click();
    await expect(log.getByText("Re-sent")).toBeVisible();
    await expect.poll(() => r.got.filter((g) => JSON.parse(g.body).change.seq === seq).length, { timeout: 30_000 }).toBe(2);
    // Delivered: the creation, its re-send, and the re-send's own webhook.resent event (the webhook takes every webhook event).
    await expect.poll(() => r.got.map((g) => g.headers["claimtrail-event"]).sort(), { timeout: 30_000 }).toEqual(["webhook.changed", "webhook.changed", "webhook.resent"]);
    await page.reload();
    await expect(log.getByText("delivered")).toHaveCount(3, { timeout: 15_000 });

    await page.getByRole("link", { name: "← All webhooks" }).click();
    await list.getByRole("button", { name: `Edit ${url}` }).click();
    const edit = list.locator("form");
    await edit.getByLabel("Endpoint URL").fill(`${url}/v2`);
    await edit.getByLabel("claim.verdict").check();
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(list.getByText(`${url}/v2`, { exact: true })).toBeVisible();
    await expect(list.getByText(/claim\.verdict/)).toBeVisible();

    await list.getByRole("button", { name: `Disable ${url}/v2` }).click();
    await expect(list.getByText("Disabled", { exact: true })).toBeVisible();
    await list.getByRole("button", { name: `Enable ${url}/v2` }).click();
    await expect(list.getByText("Enabled", { exact: true })).toBeVisible();

    page.once("dialog", (d) => void d.accept());
    await list.getByRole("button", { name: `Delete ${url}/v2` }).click();
    await expect(page.getByText("No webhooks yet.")).toBeVisible();
  } finally {
    await r.close();
  }
});

test("webhooks: the event groups are named by their own messages in English and Ukrainian, not by their codes; the event codes stay", async ({ page }) => {
  await signUpAndLand(page, newPerson("Grouper"));
  const slug = await createWorkspace(page, "Grouped desk");
  await openSettingsTab(page, slug, "Webhooks");
  const form = page.locator("form").filter({ has: page.getByLabel("Endpoint URL") });
  const highlights = form.getByRole("group", { name: "Highlights", exact: true });
  await expect(highlights).toBeVisible();
  await expect(highlights.getByLabel("All highlight events")).toBeVisible();
  await expect(highlights.getByLabel("annotation.created", { exact: true })).toBeVisible();
  await expect(form.getByRole("group", { name: "API tokens", exact: true }).getByLabel("All API token events")).toBeVisible();
  // English once showed the raw area code as the group's name.
  await expect(form.getByRole("group", { name: "annotation", exact: true })).toHaveCount(0);
  await highlights.getByLabel("All highlight events").check();
  await expect(highlights.getByLabel("annotation.created", { exact: true })).toBeChecked();

  await setLocaleCookie(page.context(), new URL(page.url()).origin, "uk");
  await page.reload();
  const groups = page.locator("form").filter({ has: page.getByRole("group", { name: "Які події надсилати" }) });
  const uk = groups.getByRole("group", { name: "Виділення", exact: true });
  await expect(uk).toBeVisible();
  await expect(uk.getByLabel("Усі події: Виділення")).toBeVisible();
  await expect(uk.getByLabel("annotation.created", { exact: true })).toBeVisible();
  await expect(groups.getByRole("group", { name: "Highlights", exact: true })).toHaveCount(0);
  await expectNoMissingMessages(page);
});

test("webhooks: rotating the secret shows the new one once; deliveries from then on are signed with it, not the old; the audit log records it", async ({ page }) => {
  test.slow();
  const r = await receiver();
  try {
    await signUpAndLand(page, newPerson("Rotor"));
    const slug = await createWorkspace(page, `Rotation desk ${Date.now()}`);
    await openSettingsTab(page, slug, "Webhooks");
    await page.getByLabel("Private hosts webhooks may reach").fill("127.0.0.1");
    await page.getByRole("button", { name: "Save allow-list" }).click();
    await expect(page.getByText("Allow-list saved.")).toBeVisible();
    const url = `http://127.0.0.1:${r.port}/rotate`;
    const form = page.locator("form").filter({ has: page.getByLabel("Endpoint URL") });
    await form.getByLabel("Endpoint URL").fill(url);
    await form.getByLabel("All webhook events").check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const oldSecret = await page.getByLabel("Signing secret").inputValue();
    expect(oldSecret).toMatch(/^whsec_/);
    // The creation's delivery is signed with the first secret.
    await expect.poll(() => r.got.length, { timeout: 30_000 }).toBe(1);
    expect(signatureOk(oldSecret, String(r.got[0].headers["claimtrail-signature"]), r.got[0].body)).toBe(true);

    const list = page.getByRole("list", { name: "Webhooks" });
    page.once("dialog", (d) => void d.accept());
    await list.getByRole("button", { name: `Rotate secret of ${url}` }).click();
    await expect(page.getByRole("heading", { name: "Secret rotated" })).toBeVisible();
    const newSecret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoSeriousAxeViolations(page, { rules: "all" });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The rotation is itself a webhook.changed event: delivered signed with the new secret only.
    await expect.poll(() => r.got.length, { timeout: 30_000 }).toBe(2);
    const rotated = r.got[1];
    expect(JSON.parse(rotated.body).change.data.action).toBe("secret-rotated");
    expect(signatureOk(newSecret, String(rotated.headers["claimtrail-signature"]), rotated.body)).toBe(true);
    expect(signatureOk(oldSecret, String(rotated.headers["claimtrail-signature"]), rotated.body)).toBe(false);
    // Not shown again after a reload.
    await page.reload();
    await expect(page.getByLabel("Signing secret")).toHaveCount(0);

    await openSettingsTab(page, slug, "Audit log");
    await expect(page.getByText(`Rotated the signing secret of the webhook to ${url}`)).toBeVisible();
    // Only admins may rotate: the route refuses a bad id by name, and a secret is never in the audit entry.
    const missing = await page.request.post(`/api/w/${slug}/webhooks/nope/rotate-secret`);
    expect(missing.status()).toBeGreaterThanOrEqual(400);
    expect(missing.status()).toBeLessThan(500);
    expect(await page.content()).not.toContain(newSecret);
  } finally {
    await r.close();
  }
});

test("audit log: every change listed, filtered by person, kind and dates, paged, exported as CSV and JSON Lines", async ({ page }) => {
  test.slow();
  const person = newPerson("Auditor");
  await signUpAndLand(page, person);
  const slug = await createWorkspace(page, "Audited desk");
  // 52 settings changes and one webhook: more than a page (50).
  for (let i = 0; i < 52; i++) {
    expect((await page.request.put(`/api/w/${slug}/webhook-allow-hosts`, { data: { hosts: [`=host-${i}.example, "x"`.replace(/[^a-z0-9.-]/g, "")] } })).ok()).toBe(true);
  }
  expect((await page.request.post(`/api/w/${slug}/webhooks`, { data: { url: "https://hooks.example.org/a", kinds: ["claim.created"] } })).status()).toBe(201);

  await openSettingsTab(page, slug, "Audit log");
  const table = page.getByRole("table", { name: "Audit log" });
  await expect(table.getByRole("row")).toHaveCount(51); // header + 50
  await expect(table.getByText("Webhook created: https://hooks.example.org/a")).toBeVisible();

  await page.getByRole("link", { name: "Older changes" }).click();
  await page.waitForURL(/before=/);
  // The rest: at least the 3 oldest of ours (others may record the workspace's creation too).
  await expect.poll(() => table.getByRole("row").count()).toBeGreaterThanOrEqual(4);
  await expect(page.getByRole("link", { name: "Older changes" })).toHaveCount(0);
  await page.getByRole("link", { name: "Newest" }).click();
  await expect(table.getByRole("row")).toHaveCount(51);

  await page.getByLabel("Kind", { exact: true }).selectOption("webhook.changed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await page.getByLabel("Person", { exact: true }).selectOption({ label: person.name });
  await page.getByLabel("Kind", { exact: true }).selectOption("settings");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(table.getByRole("row")).toHaveCount(51);

  await page.getByLabel("From", { exact: true }).fill("2020-01-01");
  await page.getByLabel("To", { exact: true }).fill("2020-01-31");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No changes match these filters.")).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill("2020-02-01");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("The start date is after the end date.")).toBeVisible();
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // Two bad filters in the address (a hand-edited link): both are named, neither dropped.
  await page.goto(`/w/${slug}/settings/audit?from=2026-99-99&kind=nope`);
  await expect(page.locator("#audit-filter-error")).toContainText("Choose a kind of event from the list.");
  await expect(page.locator("#audit-filter-error")).toContainText("From:");
  await expect(page.getByLabel("Kind", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("From", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("link", { name: "Clear" }).click();
  await page.getByLabel("Kind", { exact: true }).selectOption("webhook");
  await page.getByRole("button", { name: "Filter" }).click();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const rows = parseCsv(fs.readFileSync((await csv.path())!), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((row) => row.Kind)).toEqual(["webhook.changed"]);
  expect(rows[0].Person).toBe(person.name);
  const [jsonl] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export JSON Lines" }).click()]);
  const lines = fs.readFileSync((await jsonl.path())!, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
  expect(lines.map((l) => l.kind)).toEqual(["webhook.changed"]);
  // The exports are in the log themselves.
  await page.getByLabel("Kind", { exact: true }).selectOption("export.created");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);
});

test("webhooks and the audit log are for admins: other roles see no Settings tab and are refused the pages and routes", async ({ page, browser }) => {
  test.slow();
  await signUpAndLand(page, newPerson("Owner"));
  const slug = await createWorkspace(page, "Guarded desk");
  for (const role of ["viewer", "reviewer"] as const) {
    const member = await inviteMember(browser, page, slug, role, role);
    await expect(member.page.getByRole("link", { name: "Settings" })).toHaveCount(0);
    for (const path of [`/w/${slug}/settings/webhooks`, `/w/${slug}/settings/audit`]) {
      expect((await member.page.goto(path))!.status(), `${role} on ${path}`).toBe(403);
    }
    expect((await member.page.request.get(`/api/w/${slug}/audit/export?format=csv`)).status()).toBe(403);
    expect((await member.page.request.post(`/api/w/${slug}/webhooks`, { data: { url: "https://hooks.example.org/x", kinds: ["claim.created"] } })).status()).toBe(403);
    await member.context.close();
  }
});
