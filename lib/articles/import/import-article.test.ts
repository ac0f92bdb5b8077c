import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { importArticle, importRequestSchema } from "./index";

async function setup() {
  const { workspace, admin } = await makeWorkspace();
  return { workspaceId: workspace.id, actorId: admin.id };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe("importArticle", () => {
  it("imports plain text with a guessed title, storing the article and its first revision", async () => {
    const ws = await setup();
    const result = await importArticle({ ...ws, filename: "story.txt", content: "Talks resume in Geneva\nDiplomats met on Monday.\n\nThey will meet again." });
    expect(result).toMatchObject({ status: "created", article: { title: "Talks resume in Geneva" } });
    const article = await db.article.findUniqueOrThrow({ where: { id: result.article.id }, include: { revisions: true } });
    expect(article).toMatchObject({ workspaceId: ws.workspaceId, createdById: ws.actorId, text: "Diplomats met on Monday.\n\nThey will meet again.", tags: [] });
    expect(article.revisions).toMatchObject([{ number: 1, title: "Talks resume in Geneva", text: article.text, contentHash: article.contentHash }]);
  });

  it("imports Markdown and HTML, reading the page's metadata", async () => {
    const ws = await setup();
    const md = await importArticle({ ...ws, filename: "notes.md", content: "# Markdown headline\n\nSome **bold** claim." });
    expect(md.article.title).toBe("Markdown headline");
    const mdRow = await db.article.findUniqueOrThrow({ where: { id: md.article.id } });
    expect(mdRow.text).toBe("Some bold claim.");
    expect(JSON.stringify(mdRow.doc)).toContain('"marks":[{"type":"bold"}]');

    const html = await importArticle({
      ...ws,
      filename: "page.html",
      content: `<html lang="en-GB"><head><title>Site | Headline</title><meta name="author" content="Ann Author"><meta property="og:site_name" content="Daily Example">
        <meta property="article:published_time" content="2022-01-27T10:00:00Z"><link rel="canonical" href="https://news.example/story"></head>
        <body><h1>HTML headline</h1><p>Body <script>evil()</script>text.</p></body></html>`,
    });
    const row = await db.article.findUniqueOrThrow({ where: { id: html.article.id } });
    expect(row).toMatchObject({
      title: "HTML headline",
      author: "Ann Author",
      publisher: "Daily Example",
      url: "https://news.example/story",
      language: "en-GB",
      publishedAt: new Date("2022-01-27T10:00:00Z"),
      text: "Body text.",
    });
  });

  it("lets given metadata override the guesses, and ignores guesses that aren't valid", async () => {
    const ws = await setup();
    const result = await importArticle({
      ...ws,
      format: "html",
      content: '<html lang="not a language"><head><meta name="author" content="Guessed"><meta property="article:published_time" content="soon"></head><h1>Guessed headline</h1><p>Text.</p></html>',
      metadata: { title: "Given title", author: "Given Author", tags: ["a", "b", "a"], url: "https://given.example/" },
    });
    const row = await db.article.findUniqueOrThrow({ where: { id: result.article.id } });
    expect(row).toMatchObject({ title: "Given title", author: "Given Author", tags: ["a", "b"], url: "https://given.example/", language: null, publishedAt: null });
    // With a given title the leading <h1> stays in the body.
    expect(row.text).toBe("Guessed headline\n\nText.");
  });

  it("reports the same content in the same workspace as a duplicate without storing it", async () => {
    const ws = await setup();
    const first = await importArticle({ ...ws, content: "Same words.\n\nTwice." });
    const again = await importArticle({ ...ws, format: "html", content: "<p>Same   words.</p><p>Twice.</p>", metadata: { title: "Other title" } });
    expect(again).toEqual({ status: "duplicate", article: first.article });
    expect(await db.article.count({ where: { workspaceId: ws.workspaceId } })).toBe(1);
    const elsewhere = await importArticle({ ...(await setup()), content: "Same words.\n\nTwice." });
    expect(elsewhere.status).toBe("created");
  });

  it("throws a 400 naming the file and the reason for bad files and bad metadata", async () => {
    const ws = await setup();
    const pptx = await rejection(importArticle({ ...ws, filename: "slides.pptx", content: "PK" }));
    expect(pptx).toMatchObject({ status: 400, fields: { filename: "Use a .txt, .md, .html, .pdf or .docx file." } });
    expect(pptx.message).toContain('"slides.pptx"');
    // PDF content travels as base64: text isn't.
    expect(await rejection(importArticle({ ...ws, filename: "scan.pdf", content: "%PDF-1.7" }))).toMatchObject({ status: 400, fields: { content: "Send the file's bytes in base64." } });
    expect(await rejection(importArticle({ ...ws, filename: "empty.txt", content: "" }))).toMatchObject({ status: 400, message: '"empty.txt" is empty.' });
    expect(await rejection(importArticle({ ...ws, filename: "huge.txt", content: "a".repeat(5 * 1024 * 1024 + 1) }))).toMatchObject({ status: 400, message: '"huge.txt" is larger than 5 MB.' });
    const badUrl = await rejection(importArticle({ ...ws, content: "Text.", metadata: { url: "ftp://x" } }));
    expect(badUrl).toMatchObject({ status: 400, fields: { url: "Use a full http:// or https:// address." } });
    expect(await db.article.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);
  });
});

describe("the API's request schema", () => {
  it("names each invalid field", () => {
    const parsed = importRequestSchema.safeParse({ format: "rtf", content: 5, url: "nope", language: "english!", tags: ["x".repeat(41)] });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["format", "content", "url", "language", "tags.0"]));
  });

  it("treats blank optional fields as not given", () => {
    const parsed = importRequestSchema.parse({ content: "x", format: "", title: "  ", url: "", publishedAt: "" });
    expect(parsed).toMatchObject({ content: "x", format: undefined, title: null, url: null, publishedAt: null });
  });
});
