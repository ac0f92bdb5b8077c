import { canonicalText, type DocNode } from "../document";
import { invalid } from "@/lib/errors";
import { SURROGATE_MESSAGE } from "@/lib/validation/text";
import { domMetadata } from "./html-metadata";
import { domToDoc, parseHtml } from "./html-to-doc";
import { markdownToHtml, markdownToHtmlAsync } from "./markdown";
import { runCooperatively, runNow, type Steps } from "./steps";
import { docFromLines, textParagraphs } from "./text-to-doc";
import { looksLikeHeadline, titleFromWords } from "./title";

export const FORMATS = ["text", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];

/** File name endings the importer reads, by format. */
export const EXTENSIONS: Record<string, Format> = { txt: "text", text: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html" };

export const MAX_BYTES = 5 * 1024 * 1024;

/** Metadata read from the content itself; anything the person gives wins over it. */
export interface MetadataGuess {
  title: string;
  author?: string;
  publisher?: string;
  publishedAt?: string;
  language?: string;
  url?: string;
}

export interface ParsedArticle {
  format: Format;
  doc: DocNode;
  guess: MetadataGuess;
}

export interface ParseInput {
  filename?: string | null;
  format?: Format | null;
  content: string;
  /** When the title is given, the body is kept whole (no headline is taken out of it). */
  hasTitle?: boolean;
}

const label = (filename: string | null | undefined) => (filename ? `"${filename}"` : "The text");

export function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? filename;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** The format given, else the one the file name says, else HTML when the text is a web page, else plain text. */
export function detectFormat(filename: string | null | undefined, content: string): Format {
  if (filename) {
    const ext = extensionOf(filename);
    const format = EXTENSIONS[ext];
    if (!format) {
      throw invalid(`${label(filename)} is ${ext ? `a .${ext} file` : "a file without an extension"}: import .txt, .md or .html files.`, {
        filename: "Use a .txt, .md or .html file.",
      });
    }
    return format;
  }
  return /^\s*(<!doctype html|<html[\s>])/i.test(content) ? "html" : "text";
}

/**
 * Pasted text or a file's content as an article body plus what it says about
 * itself. Throws a 400 DomainError naming the file and the reason.
 * Synchronous: a 5 MB page holds the event loop for seconds. Servers use
 * parseArticleAsync.
 */
export function parseArticle(input: ParseInput): ParsedArticle {
  return runNow(parseArticleSteps(input));
}

/**
 * parseArticle for servers: gives the event loop back every few milliseconds,
 * and converts Markdown in a worker thread (markdown-worker.ts), so a big
 * import doesn't stall other requests.
 */
export async function parseArticleAsync(input: ParseInput): Promise<ParsedArticle> {
  const { format, content } = checkContent(input);
  const html = format === "markdown" ? await markdownToHtmlAsync(content, input.filename) : undefined;
  return runCooperatively(convert(input, format, content, html));
}

function* parseArticleSteps(input: ParseInput): Steps<ParsedArticle> {
  const { format, content } = checkContent(input);
  return yield* convert(input, format, content);
}

function checkContent(input: ParseInput): { format: Format; content: string } {
  const format = input.format ?? detectFormat(input.filename, input.content);
  if (Buffer.byteLength(input.content, "utf8") > MAX_BYTES) {
    throw invalid(`${label(input.filename)} is larger than 5 MB.`, { content: "Keep each file under 5 MB." });
  }
  if (input.content.includes("\u0000")) {
    throw invalid(`${label(input.filename)} is not a text file.`, { content: "This doesn't look like text." });
  }
  if (!input.content.isWellFormed()) {
    throw invalid(`${label(input.filename)} holds broken characters (unpaired UTF-16 surrogates).`, { content: SURROGATE_MESSAGE });
  }
  const content = input.content.replace(/^\uFEFF/, "");
  if (!content.trim()) throw invalid(`${label(input.filename)} is empty.`, { content: "There is no text to import." });
  return { format, content };
}

/** The checked content as a document; Markdown may come already rendered to HTML. */
function* convert(input: ParseInput, format: Format, content: string, renderedHtml?: string): Steps<ParsedArticle> {
  const html = format === "text" ? null : format === "markdown" ? (renderedHtml ?? markdownToHtml(content, input.filename)) : content;
  const parsed = html === null ? parseText(content, !!input.hasTitle) : yield* parsePage(html, !!input.hasTitle);
  const text = canonicalText(parsed.doc);
  if (!text.trim()) throw invalid(`${label(input.filename)} has no text.`, { content: "There is no text to import." });
  // The first words are all a title needs: splitting a 5 MB text into words took half a second.
  if (!parsed.guess.title || parsed.guess.title.length > 300) parsed.guess.title = titleFromWords((parsed.guess.title || text).slice(0, 4000));
  return { format, ...parsed };
}

function parseText(content: string, hasTitle: boolean): Omit<ParsedArticle, "format"> {
  const paragraphs = textParagraphs(content);
  let title = "";
  if (!hasTitle && paragraphs.length) {
    const [first, ...rest] = paragraphs;
    const remaining = first.length > 1 ? [[first[1].trimStart(), ...first.slice(2)], ...rest] : rest;
    // A headline only counts when text follows it.
    if (looksLikeHeadline(first[0]) && remaining.some((p) => p.some((line) => line.trim()))) {
      title = first[0].trim();
      paragraphs.splice(0, paragraphs.length, ...remaining);
    }
  }
  return { doc: docFromLines(paragraphs), guess: { title } };
}

function* parsePage(html: string, hasTitle: boolean): Steps<Omit<ParsedArticle, "format">> {
  yield;
  const dom = yield* parseHtml(html);
  const { title, h1, ...meta } = yield* domMetadata(dom);
  const doc = yield* domToDoc(dom, { baseUrl: meta.url && /^https?:\/\//i.test(meta.url) ? meta.url : null });
  const blocks = doc.content ?? [];
  const [first] = blocks;
  let guessed = h1 ?? title ?? "";
  // A leading top-level heading is the article's headline: it becomes the title instead of staying in the body.
  if (!hasTitle && first?.type === "heading" && first.attrs?.level === 1 && blocks.length > 1) {
    const headline = canonicalText({ type: "doc", content: [first] }).replace(/\s+/g, " ").trim();
    if (headline) {
      guessed = headline;
      blocks.shift();
    }
  }
  return { doc, guess: { ...meta, title: guessed } };
}
