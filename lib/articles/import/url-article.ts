import { said } from "@/lib/errors";
import { z } from "zod";
import { parseCalendarDate } from "../dates";
import { canonicalText, contentHash, type DocNode } from "../document";
import { articleMetadataSchema, importedMetadataLine } from "../metadata";
import { binarySigns, withoutControlCharacters } from "./control-chars";
import { fetchPage, UrlImportError, type FetchOptions } from "./fetch-url";
import { detectLanguage } from "./language";
import { parseArticleAsync } from "./parse-file";
import { readPage, type PageMetadata } from "./url-page";

/** Metadata read from a page, each value already valid for storing (or null), ready to show for review. */
export interface UrlMetadata {
  title: string | null;
  publisher: string | null;
  author: string | null;
  /** YYYY-MM-DD, the day the page gives (its own time zone). */
  publishedAt: string | null;
  modifiedAt: string | null;
  language: string | null;
  canonicalUrl: string | null;
}

export interface UrlArticle {
  url: string;
  finalUrl: string;
  metadata: UrlMetadata;
  doc: DocNode;
  text: string;
  hash: string;
}

const fields = articleMetadataSchema.shape;

function valid<T>(schema: z.ZodType<T>, value: unknown): Exclude<T, undefined> | null {
  const result = schema.safeParse(value);
  return result.success ? ((result.data ?? null) as Exclude<T, undefined> | null) : null;
}

/** A page's date as the calendar day it names; null unless it is a real one. */
function day(value: string | undefined): string | null {
  if (!value || !parseCalendarDate(value)) return null;
  return value.trim().slice(0, 10);
}

function reviewable(meta: PageMetadata): UrlMetadata {
  return {
    // The page's own metadata, put on one line (a <title> wrapped in the markup is still the title).
    title: valid(fields.title, importedMetadataLine(meta.title)),
    publisher: valid(fields.publisher, importedMetadataLine(meta.publisher)),
    author: valid(fields.author, importedMetadataLine(meta.author)),
    publishedAt: day(meta.publishedAt),
    modifiedAt: day(meta.modifiedAt),
    language: valid(fields.language, meta.language),
    canonicalUrl: valid(fields.url, meta.canonicalUrl),
  };
}

const words = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** Readability keeps the headline (as an <h2>) atop the body; the title holds it, so the body starts after it. */
function withoutHeadline(doc: DocNode, title: string | undefined): DocNode {
  const [first, ...rest] = doc.content ?? [];
  if (!title || first?.type !== "heading" || !rest.length) return doc;
  return words(canonicalText({ type: "doc", content: [first] })) === words(title) ? { ...doc, content: rest } : doc;
}

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Fetches a page (fetch-url.ts), reads its article and metadata (url-page.ts)
 * and turns the article into a document through the same sanitising path as
 * uploaded HTML. Nothing is stored. Throws UrlImportError per failure kind.
 */
export async function loadUrlArticle(url: string, opts?: FetchOptions): Promise<UrlArticle> {
  const page = await fetchPage(url, opts);
  // A page full of control characters is a binary file (a PDF, an image) served as HTML; a stray one (a broken template) is dropped.
  if (binarySigns(page.html, { undecodable: true })) {
    const pdf = page.html.startsWith("%PDF-");
    const what = pdf ? "a PDF" : "a binary file";
    throw new UrlImportError(
      "not-html",
      said("url_binary", `The address sent ${what} labelled as a web page: download it and upload it as a file instead.`, { what: pdf ? "pdf" : "binary" }),
      url,
    );
  }
  const pageHtml = withoutControlCharacters(page.html);
  let read: Awaited<ReturnType<typeof readPage>>;
  try {
    read = await readPage(pageHtml, page.finalUrl);
  } catch (err) {
    if (err instanceof UrlImportError) throw err;
    // A body that no HTML parser makes a document of (a PDF sent as text/html, say) is not a page to read.
    throw new UrlImportError("not-html", said("url_unreadable", "The address sent something that isn't a readable web page."), url);
  }
  // The page's own address resolves relative links in the article.
  const html = `<html><head><link rel="canonical" href="${attr(page.finalUrl)}"></head><body>${read.content}</body></html>`;
  let doc: DocNode;
  try {
    ({ doc } = await parseArticleAsync({ format: "html", content: html, hasTitle: true }));
  } catch {
    throw new UrlImportError("empty", said("url_no_article", "No article text was found on the page: it may be behind a paywall or a sign-in, built by JavaScript, or not an article."), url);
  }
  doc = withoutHeadline(doc, read.metadata.title);
  const text = canonicalText(doc);
  const metadata = reviewable(read.metadata);
  // As for every import (language.ts): detected from the text; the page's own declaration when detection confirms it or isn't sure.
  metadata.language = valid(fields.language, (await detectLanguage(text, metadata.language)) ?? undefined);
  return { url: page.url, finalUrl: page.finalUrl, metadata, doc, text, hash: contentHash(text) };
}
