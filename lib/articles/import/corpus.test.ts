import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { importArticle } from "./index";

/** The reference corpus (real articles; never copied into the repository). */
const CORPUS = path.resolve(process.cwd(), "../shared/corpus");
const files = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort();

/** Per the corpus README: 001, 003 and 004 open with a headline, 000 and 002 don't. */
const HEADLINED = new Set(["001", "003", "004"]);

const collapse = (s: string) => s.replace(/\s+/gu, " ").trim();

describe("the reference corpus", () => {
  it("has the five articles", () => {
    expect(files.map((f) => f.slice(0, 3))).toEqual(["000", "001", "002", "003", "004"]);
  });

  it.each(files)("%s imports with the right title and every character of the source, in order", async (file) => {
    const { workspace } = await makeWorkspace();
    const source = readFileSync(path.join(CORPUS, file), "utf8");
    const result = await importArticle({ workspaceId: workspace.id, actorId: null, filename: file, content: source });
    expect(result.status).toBe("created");
    const article = await db.article.findUniqueOrThrow({ where: { id: result.article.id } });

    const firstLine = source.split(/\r?\n/)[0].trim();
    let body = source;
    if (HEADLINED.has(file.slice(0, 3))) {
      expect(article.title).toBe(firstLine);
      body = source.slice(source.indexOf(firstLine) + firstLine.length);
      expect(article.text.startsWith(firstLine)).toBe(false);
    } else {
      // The first words of the text, cut at a word boundary, with an ellipsis.
      expect(article.title).toMatch(/…$/);
      const words = article.title.slice(0, -1);
      expect(firstLine.startsWith(words)).toBe(true);
      expect(words.split(" ").length).toBeGreaterThanOrEqual(8);
      expect(words.split(" ").length).toBeLessThanOrEqual(12);
      expect(article.text.startsWith(firstLine)).toBe(true);
    }
    // Byte for byte apart from whitespace runs (paragraph and line structure, trimmed paragraph ends).
    expect(collapse(article.text)).toBe(collapse(body));
    expect(article.text.replace(/\s+/gu, "")).toBe(body.replace(/\s+/gu, ""));
    // Paragraphs are the source's blank-line-separated blocks; a source with no blank line (001, 003) has one per line.
    const hasBlankLines = /\n[ \t]*\n/u.test(body.trim());
    const expected = hasBlankLines ? body.trim().split(/\n[ \t]*\n\s*/u) : body.trim().split(/\n/u);
    expect(article.text.split("\n\n")).toEqual(expected.map((p) => p.trim()));
  });

  it("keeps curly quotes, dashes, bullets, the Cyrillic line and the trailing boilerplate", async () => {
    const { workspace } = await makeWorkspace();
    const sources = files.map((f) => readFileSync(path.join(CORPUS, f), "utf8"));
    const stored: string[] = [];
    const texts: string[] = [];
    for (const [i, file] of files.entries()) {
      const { article } = await importArticle({ workspaceId: workspace.id, actorId: null, filename: file, content: sources[i] });
      const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
      texts.push(row.text);
      stored.push(HEADLINED.has(file.slice(0, 3)) ? `${row.title}\n${row.text}` : row.text);
    }
    // Every non-ASCII, non-whitespace character of the corpus, each as often as in the source (000 has a no-break space at a paragraph end, trimmed).
    const tally = (s: string) => [...s].filter((c) => c > "\u007f" && !/\s/u.test(c)).reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});
    expect(tally(stored.join(""))).toEqual(tally(sources.join("")));
    for (const ch of ["“", "”", "’", "•", "–"]) expect(stored.join("")).toContain(ch);
    const cyrillic = sources[3].split("\n").find((line) => /\p{Script=Cyrillic}/u.test(line))!.trim();
    expect(texts[3].endsWith(cyrillic)).toBe(true);
    const lastLine = sources[4].trim().split("\n").pop()!;
    expect(lastLine).toMatch(/^Disclaimer/);
    expect(texts[4].endsWith(lastLine)).toBe(true);
  });
});
