import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { BARE_PAGE, EMPTY_PAGE, JSON_LD_PAGE, OPENGRAPH_PAGE, PAYWALL_PAGE, STORY_FIRST_SENTENCE } from "@/lib/testing/news-pages";
import { UrlImportError } from "./fetch-url";
import { readDomInThread } from "./page-worker";
import { metadataFromFacts, pageMetadata, readPage } from "./url-page";

const meta = (html: string, url = "https://site.example/page") => pageMetadata(parseHTML(html).document as unknown as Document, url);

describe("readPage", () => {
  it("takes JSON-LD first (from a @graph, authors as a list), resolving the canonical URL", async () => {
    const page = await readPage(JSON_LD_PAGE, "https://harbour.example/news/bridge-to-close?utm=x");
    expect(page.metadata).toEqual({
      title: "Harbour bridge to close for 18 months",
      publisher: "The Harbour Times",
      author: "Ana Ruiz, Tom Berg",
      publishedAt: "2026-03-03T09:30:00+01:00",
      modifiedAt: "2026-03-04T08:00:00Z",
      language: "en-GB",
      canonicalUrl: "https://harbour.example/news/bridge-to-close",
    });
    expect(page.text).toContain(STORY_FIRST_SENTENCE);
    expect(page.text).not.toContain("Most read");
    expect(page.content).not.toContain("track()");
  });

  it("falls back to OpenGraph and Twitter meta", async () => {
    expect((await readPage(OPENGRAPH_PAGE, "https://coast.example/ferries?ref=1")).metadata).toEqual({
      title: "Ferries to replace the bridge",
      publisher: "Coast News",
      author: "Rui Costa",
      publishedAt: "2026-03-05",
      modifiedAt: "2026-03-06T10:00:00Z",
      language: "pt-BR",
      canonicalUrl: "https://coast.example/ferries",
    });
  });

  it("falls back to <h1>, <time> and the text alone", async () => {
    const page = await readPage(BARE_PAGE, "https://bare.example/x");
    expect(page.metadata).toMatchObject({ title: "Council meets", publishedAt: "2026-02-01T12:00:00Z" });
    expect(page.metadata.canonicalUrl).toBeUndefined();
    expect(page.text).toContain("(Bare page.)");
  });

  it("says so when no article text can be read, naming a declared paywall", async () => {
    const paywall = await readPage(PAYWALL_PAGE, "https://x.example/").catch((e: unknown) => e);
    expect(paywall).toBeInstanceOf(UrlImportError);
    expect(paywall).toMatchObject({ kind: "empty", message: expect.stringContaining("paywall") });
    await expect(readPage(EMPTY_PAGE, "https://x.example/")).rejects.toThrow(/No article text/);
  });

  it("survives hostile JSON-LD: wrong types, deep nesting, huge arrays, non-http canonical URLs", () => {
    const deep = '{"nested":'.repeat(10_000) + '{"@type":"NewsArticle","headline":"Deep"}' + "}".repeat(10_000);
    const html = `<html><head>
      <script type="application/ld+json">${deep}</script>
      <script type="application/ld+json">${JSON.stringify(Array.from({ length: 50_000 }, () => ({ "@type": "Thing" })))}</script>
      <script type="application/ld+json">{"@type":"Article","headline":42,"name":["Named"],"author":[null,{"name":{"x":1}},"  Plain  Name "],"publisher":[],"datePublished":{"a":1},
        "url":"javascript:alert(1)","inLanguage":{"@type":"Language","name":"English","alternateName":"en"}}</script>
      <link rel="canonical" href="javascript:alert(2)"></head><body></body></html>`;
    expect(meta(html)).toEqual({ title: "Named", author: "Plain Name", language: "en" });
  });

  it("prefers a NewsArticle over a WebPage whichever comes first, and reads schema.org IRIs as types", () => {
    const html = `<script type="application/ld+json">[{"@type":"WebPage","name":"Page"},{"@type":"http://schema.org/NewsArticle","headline":"News","url":"https://n.example/a"}]</script>`;
    expect(meta(html)).toMatchObject({ title: "News", canonicalUrl: "https://n.example/a" });
  });

  it("reads a multi-MB page off the event loop: timers keep firing meanwhile, and the result is the same as read in this thread", async () => {
    const paragraph = (i: number) => `<p>Paragraph ${i} of the long report says the harbour bridge carries about forty thousand vehicles a day, according to the council's own counts.</p>`;
    const body = Array.from({ length: 25_000 }, (_, i) => paragraph(i)).join("\n");
    const html = JSON_LD_PAGE.replace(/<\/article>/, `${body}</article>`);
    expect(html).not.toBe(JSON_LD_PAGE);
    expect(html.length).toBeGreaterThan(3_000_000);
    const url = "https://harbour.example/news/bridge-to-close";

    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    let page;
    try {
      page = await readPage(html, url);
    } finally {
      clearInterval(ticker);
    }
    const took = performance.now() - started;
    // The same read in this thread holds the event loop for all of its time: the worker's longest
    // stall must be a small part of that (relative, so a loaded machine slows both alike).
    const inThread = performance.now();
    const here = await readDomInThread(html);
    const blocked = performance.now() - inThread;
    expect(took).toBeGreaterThan(500);
    expect(blocked).toBeGreaterThan(500);
    expect(longestGap).toBeLessThan(blocked / 4);

    expect(page.metadata).toEqual(metadataFromFacts(here.facts, url));
    expect(page.content).toBe(here.article!.content);
    expect(page.text).toContain("Paragraph 24999 of the long report");
    expect(page.metadata.title).toBe("Harbour bridge to close for 18 months");
  }, 240_000);

  it("refuses a page that takes longer than the time limit to read, as too big", async () => {
    const err = await readPage(JSON_LD_PAGE, "https://harbour.example/x", { timeLimitMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UrlImportError);
    expect(err).toMatchObject({ kind: "too-big", message: expect.stringContaining("too large or complex") });
  });
});
