import fs from "node:fs";
import { expect, test, type Page } from "./test";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** An article with one highlighted sentence made a claim, through the same API the UI uses. */
async function claim(page: Page, slug: string, title: string, sentence: string) {
  const article = await page.request.post(`/api/w/${slug}/articles`, { data: { content: `${sentence}\n\nMore text follows here.`, title } });
  const { article: a } = (await article.json()) as { article: { id: string } };
  const h = await page.request.post(`/api/w/${slug}/articles/${a.id}/annotations`, { data: { start: 0, end: sentence.length, revision: 1 } });
  const c = await page.request.post(`/api/w/${slug}/claims`, { data: { annotationId: ((await h.json()) as { id: string }).id } });
  expect(c.status()).toBe(201);
  return (await c.json()) as { id: string; version: number };
}

async function send(page: Page, method: "post" | "put" | "patch", url: string, data: object) {
  const res = await page.request[method](url, { data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { version: number };
}

async function download(page: Page, label: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Export ${label}` }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(path, "utf8") };
}

test("a filtered set exports in all five formats, and the downloaded files hold it", async ({ page }) => {
  await signUpAndLand(page, newPerson("Exporter"));
  const slug = await createWorkspace(page, "Export desk");
  // A desk of one: the one person approves their own verdict, so the second-approver rule is off.
  await send(page, "patch", `/api/w/${slug}/settings`, { requireSecondApprover: false });
  const approved = await claim(page, slug, "Bridge traffic", "The bridge carries 40,000 vehicles a day, the council said.");
  await claim(page, slug, "Ferry plans", "A free ferry will run every fifteen minutes, the operator said.");
  const base = `/api/w/${slug}/claims/${approved.id}`;
  let v = await send(page, "put", `${base}/verdict`, { verdict: "false", explanation: doc("Counts show 31,000 a day."), version: approved.version });
  v = await send(page, "post", `${base}/sources`, { version: v.version, title: "Traffic count 2025", url: "https://example.org/count", kind: "dataset", stance: "refutes" });
  v = await send(page, "post", `${base}/review`, { action: "submit", version: v.version });
  await send(page, "post", `${base}/review`, { action: "approve", version: v.version });

  // Where the newsroom publishes its fact-checks: ClaimReviews link there (Google needs a public page).
  await page.goto(`/w/${slug}/settings`);
  const template = page.getByLabel("Public fact-check address (ClaimReview)");
  await template.fill("factcheck.example.org/claims/{id}");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Unknown placeholder {id}")).toBeVisible();
  await template.fill("https://factcheck.example.org/claims/{claimId}");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");

  await page.goto(`/w/${slug}/export`);
  const counts = page.getByRole("region", { name: "This export holds" });
  await expect(counts).toContainText("2 articles, 2 highlights and 2 claims");
  await page.getByRole("checkbox", { name: "Approved" }).check();
  await expect(counts).toContainText("1 article, 1 highlight and 1 claim");

  const bundle = await download(page, "Claimtrail bundle");
  expect(bundle.name).toMatch(new RegExp(`^${slug}-\\d{4}-\\d{2}-\\d{2}\\.`));
  const b = JSON.parse(bundle.text) as { format: string; version: number; claims: { statement: string; verdict: string }[] };
  expect(b).toMatchObject({ format: "claimtrail-bundle", version: 1 });
  expect(b.claims.map((c) => c.verdict)).toEqual(["false"]);

  const jsonl = (await download(page, "JSON Lines")).text.trim().split("\n").map((line) => JSON.parse(line) as { statement: string });
  expect(jsonl).toHaveLength(1);
  expect(jsonl[0].statement).toContain("40,000 vehicles");

  const csv = (await download(page, "CSV")).text;
  expect(csv.split(/\r\n/).filter(Boolean)).toHaveLength(2);
  expect(csv).toContain("40,000 vehicles");

  const w3c = JSON.parse((await download(page, "W3C Web Annotation")).text) as { type: string | string[] };
  expect([w3c.type].flat()).toContain("AnnotationCollection");

  const reviews = JSON.parse((await download(page, "schema.org ClaimReview")).text) as { url: string; reviewRating: { name: string; alternateName: string; ratingValue: number } }[];
  expect(reviews).toHaveLength(1);
  expect(reviews[0].url).toBe(`https://factcheck.example.org/claims/${approved.id}`);
  expect(reviews[0].reviewRating).toMatchObject({ name: "False", alternateName: "False", ratingValue: 1 });
});

test("the page takes its filters from its address, and says which one it couldn't use", async ({ page }) => {
  await signUpAndLand(page, newPerson("Linker"));
  const slug = await createWorkspace(page, "Address desk");
  await claim(page, slug, "Bridge traffic", "The bridge carries 40,000 vehicles a day, the council said.");
  const ferryClaim = await claim(page, slug, "Ferry plans", "A free ferry will run every fifteen minutes, the operator said.");
  const listed = (await (await page.request.get(`/api/w/${slug}/articles`)).json()) as { items: { id: string; title: string }[] };
  const ferry = listed.items.find((a) => a.title === "Ferry plans")!;

  await page.goto(`/w/${slug}/export?articles=${ferry.id}&reviewState=unreviewed`);
  const counts = page.getByRole("region", { name: "This export holds" });
  await expect(counts).toContainText("1 article, 1 highlight and 1 claim");
  await expect(page.getByRole("checkbox", { name: "Ferry plans" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Bridge traffic" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Unreviewed" })).toBeChecked();
  const csv = (await download(page, "CSV")).text;
  expect(csv).toContain("free ferry");
  expect(csv).not.toContain("40,000");

  // A flag, and the labels' language: as the export reads them (black-box, session 32: both were dropped).
  await send(page, "put", `/api/w/${slug}/claims/${ferryClaim.id}/verdict`, { verdict: "false", explanation: null, version: ferryClaim.version });
  await page.goto(`/w/${slug}/export?withVerdict=true&locale=ru`);
  await expect(page.getByRole("checkbox", { name: "Only claims with a verdict" })).toBeChecked();
  await expect(counts).toContainText("1 claim");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", /withVerdict=true.*locale=ru|locale=ru.*withVerdict=true/);
  expect((await download(page, "CSV")).text).toContain(",false,Неправда,1,");

  for (const [query, field, why] of [
    ["from=2024-13-01", "From", "Use a real date"],
    ["articles=,,,", "Articles", "Holds only commas"],
    ["verdict=bogus", "Verdict (any when none ticked)", "Verdicts are"],
    // What the query's rules refuse, named as the API and the claims page name it (black-box, session 32).
    ["reviewstate=approved", "reviewstate", "Not taken here"],
    ["claimant=%0D%0A", "Claimant contains", "Give a value, or leave the filter out"],
    ["tag=a&reviewState=approved&reviewState=unreviewed", "Review state (any when none ticked)", "Given more than once"],
    ["locale=xx", "locale", "One of"],
  ] as const) {
    await page.goto(`/w/${slug}/export?${query}`);
    await expect(page.getByRole("alert").filter({ hasText: "address" })).toContainText(`${field}: ${why}`);
    // Nothing of it applied: the whole workspace, downloadable.
    await expect(counts).toContainText("2 articles, 2 highlights and 2 claims");
    await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  }
});
