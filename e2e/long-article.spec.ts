import { expect, test } from "./test";
import { createWorkspace, newPerson, signUpAndLand } from "./helpers";

test("a long article with many highlights: the list renders only what is visible, and a click deep in the text reveals its entry", async ({ page }) => {
  await signUpAndLand(page, newPerson("Long"));
  const slug = await createWorkspace(page, "Long read desk");
  const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} says that the harbour bridge carried ${1000 + i} vehicles on day ${i + 1} of the count.`);
  const created = await page.request.post(`/api/w/${slug}/articles`, { data: { content: paragraphs.join("\n\n"), title: "Traffic log" } });
  expect(created.status()).toBe(201);
  const { article } = (await created.json()) as { article: { id: string } };
  const text = paragraphs.join("\n\n");
  for (let i = 0; i < paragraphs.length; i++) {
    const start = text.indexOf(paragraphs[i]);
    const res = await page.request.post(`/api/w/${slug}/articles/${article.id}/annotations`, { data: { start, end: start + 12, revision: 1 } });
    expect(res.status()).toBe(201);
  }

  await page.goto(`/w/${slug}/articles/${article.id}`);
  const panel = page.getByRole("complementary", { name: "Highlights" });
  await expect(panel.getByRole("heading", { name: "Highlights (80)" })).toBeVisible();
  const rendered = await panel.locator("li").count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(80);

  const last = page.locator(".ct-hl").last();
  await last.scrollIntoViewIfNeeded();
  await last.click();
  const entry = panel.locator("li", { hasText: "Paragraph 80" });
  await expect(entry.getByRole("button").first()).toHaveAttribute("aria-current", "true");
  await expect(entry).toBeInViewport();
});
