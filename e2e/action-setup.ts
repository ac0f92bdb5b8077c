import { expect, type Page } from "@playwright/test";

/**
 * Setting the scene for the action tests through the same API the UI uses,
 * so each test spends its browser time on the action it is about. (Every one
 * of these steps is itself done through the UI in some other test; see the
 * list in e2e/actions.spec.ts.)
 */

/** An article made of these paragraphs; returns its id and its canonical text. */
export async function addArticle(page: Page, slug: string, title: string, paragraphs: string[]) {
  const content = paragraphs.join("\n\n");
  const res = await page.request.post(`/api/w/${slug}/articles`, { data: { content, title } });
  expect(res.status(), await res.text()).toBe(201);
  const { article } = (await res.json()) as { article: { id: string } };
  return { articleId: article.id, text: content };
}

/** A plain highlight on the first occurrence of `words` in the article's text. */
export async function addHighlight(page: Page, slug: string, article: { articleId: string; text: string }, words: string): Promise<string> {
  const start = article.text.indexOf(words);
  expect(start, `not in the article: ${words}`).toBeGreaterThanOrEqual(0);
  const res = await page.request.post(`/api/w/${slug}/articles/${article.articleId}/annotations`, { data: { start, end: start + words.length, revision: 1 } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** A claim on a highlight; its statement is the highlighted words unless given. */
export async function addClaim(page: Page, slug: string, annotationId: string, extra: { statement?: string; claimant?: string; tags?: string[] } = {}) {
  const res = await page.request.post(`/api/w/${slug}/claims`, { data: { annotationId, ...extra } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

/** An article holding one sentence (and a second paragraph), that sentence highlighted and made a claim. */
export async function claimOnNewArticle(page: Page, slug: string, title: string, sentence: string, extra: { claimant?: string; tags?: string[] } = {}) {
  const article = await addArticle(page, slug, title, [sentence, "A second paragraph follows here."]);
  const annotationId = await addHighlight(page, slug, article, sentence);
  const claim = await addClaim(page, slug, annotationId, extra);
  return { ...article, annotationId, claimId: claim.id, version: claim.version };
}

/** A change to a claim through the API; returns the claim's new version. */
export async function changeClaim(page: Page, method: "post" | "put" | "patch", url: string, data: object): Promise<number> {
  const res = await page.request[method](url, { data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return ((await res.json()) as { version: number }).version;
}

/** A rich-text document of one paragraph, as the editors send it. */
export const richText = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
