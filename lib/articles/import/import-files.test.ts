import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { importPaths, type ImportOutcome } from "./index";

async function collect(workspaceId: string, paths: string[]): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for await (const o of importPaths({ workspaceId, actorId: null, paths })) out.push(o);
  return out;
}

/** A folder of good and broken files. */
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-import-"));
  mkdirSync(path.join(dir, "nested", "deeper"), { recursive: true });
  mkdirSync(path.join(dir, ".hidden"));
  writeFileSync(path.join(dir, "a-story.txt"), "Plain headline\nThe plain text body.");
  writeFileSync(path.join(dir, "b-notes.md"), "# Markdown headline\n\nThe markdown body.");
  writeFileSync(path.join(dir, "nested", "c-page.html"), "<title>Page</title><p>The html body.</p>");
  writeFileSync(path.join(dir, "nested", "deeper", "d-page.htm"), "<p>The htm body.</p>");
  writeFileSync(path.join(dir, "e-more.markdown"), "The *markdown* file with the long ending.");
  writeFileSync(path.join(dir, "empty.txt"), "");
  writeFileSync(path.join(dir, "huge.txt"), Buffer.alloc(5 * 1024 * 1024 + 1, "a"));
  writeFileSync(path.join(dir, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  // «Привет, мир» in Windows-1251, as Russian text files often are.
  writeFileSync(path.join(dir, "cp1251.txt"), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0]));
  writeFileSync(path.join(dir, "broken.json"), "[{ not json");
  writeFileSync(
    path.join(dir, "list.json"),
    JSON.stringify([
      { title: "From JSON", text: "Text item body.", url: "https://news.example/j", publisher: "Example", author: "A", publishedAt: "2022-01-31", language: "en", tags: ["json"] },
      { title: "Html item", html: "<p>Html <b>item</b> body.</p>" },
      { markdown: "# Markdown item\n\nMarkdown item body." },
      { title: "No body" },
      { title: "Bad url", text: "Bad url body.", url: "not a url" },
    ]),
  );
  writeFileSync(path.join(dir, "scan.pdf"), "%PDF-1.7");
  writeFileSync(path.join(dir, "slides.pptx"), "PK");
  writeFileSync(path.join(dir, "README.md"), "# About this folder");
  writeFileSync(path.join(dir, ".hidden", "secret.txt"), "Hidden.");
  return dir;
}

describe("importPaths", () => {
  it("imports a folder recursively; each broken file or item fails alone, by name, with the reason", async () => {
    const { workspace } = await makeWorkspace();
    const dir = folder();
    const outcomes = await collect(workspace.id, [dir]);
    const byName = Object.fromEntries(outcomes.map((o) => [path.relative(dir, o.source), o]));
    expect(Object.keys(byName)).toEqual([
      "README.md",
      "a-story.txt",
      "b-notes.md",
      "broken.json",
      "cp1251.txt",
      "e-more.markdown",
      "empty.txt",
      "huge.txt",
      "latin1.txt",
      "list.json #1",
      "list.json #2",
      "list.json #3",
      "list.json #4",
      "list.json #5",
      "nested/c-page.html",
      "nested/deeper/d-page.htm",
      "scan.pdf",
      "slides.pptx",
    ]);
    expect(byName["a-story.txt"]).toMatchObject({ status: "created", article: { title: "Plain headline" } });
    expect(byName["b-notes.md"]).toMatchObject({ status: "created", article: { title: "Markdown headline" } });
    expect(byName["e-more.markdown"]).toMatchObject({ status: "created" });
    expect(byName["nested/c-page.html"]).toMatchObject({ status: "created", article: { title: "Page" } });
    expect(byName["nested/deeper/d-page.htm"]).toMatchObject({ status: "created", article: { title: "The htm body." } });
    expect(byName["list.json #1"]).toMatchObject({ status: "created", article: { title: "From JSON" } });
    expect(byName["list.json #2"]).toMatchObject({ status: "created", article: { title: "Html item" } });
    expect(byName["list.json #3"]).toMatchObject({ status: "created", article: { title: "Markdown item" } });

    expect(byName["empty.txt"]).toMatchObject({ status: "failed", reason: '"empty.txt" is empty.' });
    expect(byName["huge.txt"]).toMatchObject({ status: "failed", reason: expect.stringContaining("larger than 5 MB") });
    // Not UTF-8: read in the single-byte encoding it was saved in, never as U+FFFD (decode-text-file.ts).
    expect(byName["latin1.txt"]).toMatchObject({ status: "created", article: { title: "café" } });
    expect(byName["cp1251.txt"]).toMatchObject({ status: "created", article: { title: "Привет, мир" } });
    expect(byName["broken.json"]).toMatchObject({ status: "failed", reason: expect.stringMatching(/^Not valid JSON/) });
    expect(byName["list.json #4"]).toMatchObject({ status: "failed", reason: "Give the article's text, html or markdown." });
    expect(byName["list.json #5"]).toMatchObject({ status: "failed", reason: "url: Use a full http:// or https:// address." });
    expect(byName["scan.pdf"]).toMatchObject({ status: "failed", reason: expect.stringMatching(/^"scan.pdf" is not a readable PDF/) });
    expect(byName["slides.pptx"]).toMatchObject({ status: "skipped" });
    expect(byName["README.md"]).toMatchObject({ status: "skipped" });

    const stored = await db.article.findMany({ where: { workspaceId: workspace.id }, orderBy: { title: "asc" } });
    expect(stored.map((a) => a.title)).toEqual(["From JSON", "Html item", "Markdown headline", "Markdown item", "Page", "Plain headline", "The htm body.", "The markdown file with the long ending.", "café", "Привет, мир"]);
    expect(stored[0]).toMatchObject({ url: "https://news.example/j", publisher: "Example", author: "A", publishedAt: new Date("2022-01-31"), language: "en", tags: ["json"], text: "Text item body." });

    // Again: everything already there is a duplicate, nothing new is stored.
    const again = await collect(workspace.id, [path.join(dir, "a-story.txt"), path.join(dir, "list.json")]);
    expect(again.map((o) => o.status)).toEqual(["duplicate", "duplicate", "duplicate", "duplicate", "failed", "failed"]);
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(10);
  });

  it("fails a file given by name that isn't a supported type, and a path that doesn't exist", async () => {
    const { workspace } = await makeWorkspace();
    const dir = folder();
    const outcomes = await collect(workspace.id, [path.join(dir, "slides.pptx"), path.join(dir, "missing.txt"), path.join(dir, "README.md")]);
    expect(outcomes).toEqual([
      { source: path.join(dir, "slides.pptx"), status: "failed", reason: "A .pptx file: import .txt, .md, .html, .pdf, .docx or .json files." },
      { source: path.join(dir, "missing.txt"), status: "failed", reason: "No such file or folder." },
      { source: path.join(dir, "README.md"), status: "created", article: expect.objectContaining({ title: "About this folder" }) },
    ]);
  });
});
