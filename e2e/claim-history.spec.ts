import { expect, test } from "./test";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";

test("a long claim history shows the newest 50 entries, then older ones a page at a time", async ({ page }) => {
  await signUpAndLand(page, newPerson("Historian"));
  const slug = await createWorkspace(page, "Long history");
  const paragraphs = ["The tunnel will open in March, the operator said.", "Nobody else confirmed the date."];
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: paragraphs.join("\n\n"), title: "Tunnel opening" } });
  const { article } = (await created.json()) as { article: { id: string } };
  const highlight = await page.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start: 0, end: paragraphs[0].length, revision: 1 } });
  const claim = await page.request.post(`/api/w/${slug}/claims`, { data: { annotationId: ((await highlight.json()) as { id: string }).id } });
  const body = (await claim.json()) as { id: string; version: number };
  const claimId = body.id;
  let version = body.version;
  // 55 sources: with "created", 56 entries in the history.
  for (let i = 1; i <= 55; i++) {
    const res = await page.request.post(`/api/w/${slug}/claims/${claimId}/sources`, { data: { version, title: `Timetable notice ${i}`, kind: "official-statement", stance: "context" } });
    expect(res.status()).toBe(201);
    version = ((await res.json()) as { version: number }).version;
  }

  await page.goto(`/w/${slug}/claims/${claimId}`);
  const history = page.getByRole("list", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(50);
  await expect(history.getByRole("listitem").first()).toContainText("added a source: Timetable notice 55");
  const older = page.getByRole("button", { name: "Show older history" });
  await older.focus();
  await expect(older).toBeFocused();
  await page.setViewportSize({ width: 1280, height: 900 });
  await older.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/claim-history-1280.png" });
  await page.keyboard.press("Enter");
  await expect(history.getByRole("listitem")).toHaveCount(56);
  await expect(history.getByRole("listitem").last()).toContainText("created the claim");
  await expect(older).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(history.getByRole("listitem")).toHaveCount(50);
  await page.getByRole("button", { name: "Show older history" }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: "test-results/claim-history-390.png" });
});
