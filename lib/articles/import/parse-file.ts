import { canonicalText, type DocNode } from "../document";
import { invalid, said } from "@/lib/errors";
import { SURROGATE_MESSAGE } from "@/lib/validation/text";
import { cleanTextContent, withoutControlCharacters } from "./control-chars";
import { domMetadata } from "./html-metadata";
import { domToDoc, parseHtml } from "./html-to-doc";
import { docxToHtml } from "./docx-to-html";
import { markdownToHtml, markdownToHtmlAsync } from "./markdown";
import { pdfToDoc } from "./pdf-to-doc";
import { runCooperatively, runNow, type Steps } from "./steps";
import { docFromLines, textParagraphs } from "./text-to-doc";
import { looksLikeHeadline, titleFromWords } from "./title";

/** Text formats: an edit can replace a body with any of them. */
export const FORMATS = ["text", "markdown", "html"] as const;
/** Files whose content travels as base64 (API, browser) and is read as bytes. */
export const BINARY_FORMATS = ["pdf", "docx"] as const;
export const IMPORT_FORMATS = [...FORMATS, ...BINARY_FORMATS] as const;
export type Format = (typeof IMPORT_FORMATS)[number];
export type BinaryFormat = (typeof BINARY_FORMATS)[number];

export const isBinaryFormat = (format: Format | null | undefined): format is BinaryFormat => format === "pdf" || format === "docx";

/** File name endings the importer reads, by format. */
export const EXTENSIONS: Record<string, Format> = { txt: "text", text: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html", pdf: "pdf", docx: "docx" };

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
  /** PDFs: where each page starts in the canonical text. */
  pageStarts?: number[];
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
      throw invalid(`${label(filename)} is ${ext ? `a .${ext} file` : "a file without an extension"}: import .txt, .md, .html, .pdf or .docx files.`, {
        filename: said("file_type", "Use a .txt, .md, .html, .pdf or .docx file."),
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
  if (isBinaryFormat(input.format ?? detectFormat(input.filename, input.content))) throw new Error("PDF and Word files are read by parseArticleAsync only.");
  return runNow(parseArticleSteps(input));
}

/**
 * parseArticle for servers: gives the event loop back every few milliseconds,
 * and converts Markdown in a worker thread (markdown-worker.ts), so a big
 * import doesn't stall other requests.
 */
export async function parseArticleAsync(input: ParseInput): Promise<ParsedArticle> {
  const given = input.format ?? detectFormat(input.filename, input.content);
  if (isBinaryFormat(given)) return parseBinary(input, given);
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
    throw invalid(`${label(input.filename)} is larger than 5 MB.`, { content: said("file_too_big", "Keep each file under 5 MB.", { mb: 5 }) });
  }
  if (!input.content.isWellFormed()) {
    throw invalid(`${label(input.filename)} holds broken characters (unpaired UTF-16 surrogates).`, { content: said("unstorable_text", SURROGATE_MESSAGE) });
  }
  const content = cleanTextContent(input.content, label(input.filename)).replace(/^\uFEFF/, "");
  if (!content.trim()) throw invalid(`${label(input.filename)} is empty.`, { content: said("file_no_text", "There is no text to import.") });
  return { format, content };
}

/** The bytes of a base64 `content`; a 400 naming `content` when it isn't base64 or is too big. */
export function decodeBase64(input: ParseInput): Uint8Array {
  const compact = input.content.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw invalid(`${label(input.filename)}: PDF and Word files are sent as base64.`, { content: said("file_base64", "Send the file's bytes in base64.") });
  }
  const bytes = Buffer.from(compact, "base64");
  if (bytes.length > MAX_BYTES) throw invalid(`${label(input.filename)} is larger than 5 MB.`, { content: said("file_too_big", "Keep each file under 5 MB.", { mb: 5 }) });
  if (!bytes.length) throw invalid(`${label(input.filename)} is empty.`, { content: said("file_no_text", "There is no text to import.") });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A PDF (its own path, keeping page starts) or a Word file (to HTML, then the page path). */
async function parseBinary(input: ParseInput, format: BinaryFormat): Promise<ParsedArticle> {
  const bytes = decodeBase64(input);
  if (format === "docx") {
    // A control character in a Word run (pasted from a terminal, say) is dropped, not a reason to refuse the file.
    const html = withoutControlCharacters(await docxToHtml(bytes, input.filename));
    return runCooperatively(convert(input, "docx", html));
  }
  const pdf = await pdfToDoc(bytes, input.filename, { takeTitle: !input.hasTitle });
  const text = canonicalText(pdf.doc);
  if (!text.trim()) throw invalid(`${label(input.filename)} has no text.`, { content: said("file_no_text", "There is no text to import.") });
  // Producers often put a file name in the PDF's Title ("Microsoft Word - draft3.docx"): the first words say more.
  const named = pdf.title && pdf.title.length <= 300 && !/^Microsoft (Word|PowerPoint) - |\.(docx?|pdf|odt|rtf|indd|pptx?)$/i.test(pdf.title);
  const title = named ? pdf.title! : titleFromWords(text.slice(0, 4000));
  return { format, doc: pdf.doc, pageStarts: pdf.pageStarts, guess: { title, author: pdf.author, language: pdf.language } };
}

/** The checked content as a document; Markdown may come already rendered to HTML. */
function* convert(input: ParseInput, format: Format, content: string, renderedHtml?: string): Steps<ParsedArticle> {
  // Word files arrive here already converted to HTML (docx-to-html.ts).
  const html = format === "text" ? null : format === "markdown" ? (renderedHtml ?? markdownToHtml(content, input.filename)) : content;
  const parsed = html === null ? parseText(content, !!input.hasTitle) : yield* parsePage(html, !!input.hasTitle);
  const text = canonicalText(parsed.doc);
  if (!text.trim()) throw invalid(`${label(input.filename)} has no text.`, { content: said("file_no_text", "There is no text to import.") });
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
