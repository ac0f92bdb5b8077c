import { BLOCK_SEPARATOR, type DocNode } from "../document";
import { DomainError, invalid, said } from "@/lib/errors";

// More pages than any article (page-starts.ts): a bigger file is a report or a book, and reading it would hold the instance.
import { MAX_PDF_PAGES } from "../page-starts";

export { MAX_PDF_PAGES };

export interface PdfArticle {
  doc: DocNode;
  /** Offset in the canonical text where each page starts (index 0 is page 1). */
  pageStarts: number[];
  title?: string;
  author?: string;
  language?: string;
}

interface Line {
  text: string;
  /** Baseline, in PDF units from the bottom of the page. */
  y: number;
  /** Font height (the text matrix's vertical scale). */
  size: number;
}

interface Block {
  kind: "paragraph" | "heading";
  text: string;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js in Node runs its "worker" on the main thread when the worker module is
 * on globalThis: nothing is fetched, no worker file is resolved at run time
 * (bundlers move it), and no network is touched.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return pdfjs;
}

const label = (filename: string | null | undefined) => (filename ? `"${filename}"` : "The PDF");

/**
 * A PDF's text layer as an article: lines in reading order per page, words
 * broken by a hyphen at a line's end joined again, headers and footers that
 * repeat on every page dropped, paragraphs rebuilt from the gaps between
 * lines, and each page's start offset kept. Throws a 400 naming `content`
 * for a file that isn't a PDF, is encrypted, or has no text layer.
 */
export async function pdfToDoc(bytes: Uint8Array, filename?: string | null, options: { takeTitle?: boolean } = {}): Promise<PdfArticle> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) {
    throw invalid(`${label(filename)} is not a PDF file.`, { content: said("file_not_pdf", "This file is not a PDF (it doesn't start like one).") });
  }
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (err) {
    await task.destroy();
    const name = (err as { name?: string }).name;
    if (name === "PasswordException") {
      throw invalid(`${label(filename)} is encrypted with a password.`, { content: said("file_pdf_password", "This PDF is password-protected: remove the password (print or export it to a new PDF) and upload that.") });
    }
    throw invalid(`${label(filename)} is not a readable PDF.`, { content: said("file_pdf_unreadable", `This PDF can't be read (${(err as Error).message || "damaged file"}).`) });
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw invalid(`${label(filename)} has ${pdf.numPages} pages.`, { content: said("file_pdf_pages", `Import PDFs of at most ${MAX_PDF_PAGES} pages.`, { limit: MAX_PDF_PAGES }) });
    }
    const pages: Line[][] = [];
    const frames: PageFrame[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items as PdfTextItem[]));
      // The page's box in the same units as the text's baselines (view is [x0, y0, x1, y1]).
      const [, y0, , y1] = page.view;
      frames.push({ bottom: Math.min(y0, y1), top: Math.max(y0, y1) });
      page.cleanup();
    }
    if (!pages.some((lines) => lines.some((l) => l.text.trim()))) {
      throw invalid(`${label(filename)} has no text layer (a scanned document?).`, {
        content: said("file_pdf_scanned", "This PDF holds only images of pages, no text: run it through OCR first (e.g. OCRmyPDF), then upload the result."),
      });
    }
    const info = await pdf.getMetadata().catch(() => null);
    const meta = (info?.info ?? {}) as { Title?: unknown; Author?: unknown; Language?: unknown };
    const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
    const { doc, pageStarts, headline } = assemble(dropRunningLines(pages, frames), !!options.takeTitle);
    return { doc, pageStarts, title: headline ?? str(meta.Title), author: str(meta.Author), language: str(meta.Language) };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // A page pdf.js can't parse: the file is damaged, which is the sender's to fix, not a server error.
    throw invalid(`${label(filename)} is not a readable PDF.`, { content: said("file_pdf_unreadable", `This PDF can't be read (${(err as Error).message || "damaged file"}).`) });
  } finally {
    await pdf.destroy();
  }
}

interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  hasEOL?: boolean;
}

/** Items on one baseline become one line, in the order the page draws them (which is reading order for what word processors write, columns included). */
function linesOf(items: PdfTextItem[]): Line[] {
  const lines: { parts: { x: number; end: number; str: string }[]; y: number; size: number }[] = [];
  let current: (typeof lines)[number] | null = null;
  for (const item of items) {
    if (typeof item.str !== "string" || !item.transform) continue;
    const [, , c, d, x, y] = item.transform;
    const size = Math.hypot(c, d) || 1;
    if (item.str) {
      if (!current || Math.abs(current.y - y) > size * 0.5) {
        current = { parts: [], y, size };
        lines.push(current);
      }
      current.parts.push({ x, end: x + (item.width ?? 0), str: item.str });
      current.size = Math.max(current.size, size);
    }
    if (item.hasEOL) current = null;
  }
  return lines
    .map((line) => {
      const parts = line.parts.sort((a, b) => a.x - b.x);
      let text = "";
      let lastEnd = -Infinity;
      for (const p of parts) {
        // A gap wider than a fifth of the font size is a space the PDF didn't draw.
        if (text && !/\s$/.test(text) && !/^\s/.test(p.str) && p.x - lastEnd > line.size * 0.2) text += " ";
        text += p.str;
        lastEnd = p.end;
      }
      // Control characters (NUL among them) can't be stored and mean nothing in a text.
      const clean = text.toWellFormed().replace(/[\u0000-\u001F\u007F]/g, " ");
      return { text: clean.replace(/\s+/g, " ").trim(), y: line.y, size: line.size };
    })
    .filter((l) => l.text);
}

/** Digits vary from page to page in running lines ("Page 3 of 12"); the rest repeats. */
const runningKey = (text: string) => text.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();

const sameText = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

interface PageFrame {
  bottom: number;
  top: number;
}

/**
 * How far from the top or bottom edge of the page a running line sits, as a
 * share of the page's height: headers and footers live in the margins (Word
 * puts them half an inch from the edge, the body an inch), so 8% (67 pt on
 * A4, 63 pt on Letter) takes them and not the body's first or last line.
 */
export const RUNNING_BAND = 0.08;

/**
 * Running headers and footers: up to two lines from each edge of every page
 * with text (two pages at least), the same on all of them, and each in the
 * top or bottom band of its page (RUNNING_BAND): a sentence that opens or
 * closes the body of every page is the body's, however often it repeats.
 * Only the outermost line may differ in its digits ("Page 3 of 12"); the next
 * one in must be identical. A line whose pattern appears twice on one page is
 * the body's ("Line 3 of page 1"), and a page is never emptied: a black-box
 * tester's numbered body lines were dropped as running lines under a looser rule.
 */
function dropRunningLines(pages: Line[][], frames: PageFrame[]): Line[][] {
  const withText = pages.filter((lines) => lines.length);
  if (withText.length < 2) return pages;
  const frameOf = new Map<Line[], PageFrame>(pages.map((lines, i) => [lines, frames[i]]));
  const inBand = (lines: Line[], line: Line, fromTop: boolean) => {
    const frame = frameOf.get(lines);
    if (!frame || !(frame.top > frame.bottom)) return false;
    const band = (frame.top - frame.bottom) * RUNNING_BAND;
    return fromTop ? line.y >= frame.top - band : line.y <= frame.bottom + band;
  };
  const dropped = new Map<Line[], Set<number>>(withText.map((lines) => [lines, new Set<number>()]));
  // Edges by place on the page, not by drawing order: some producers draw the running lines last.
  const byHeight = new Map<Line[], number[]>(withText.map((lines) => [lines, lines.map((_, i) => i).sort((a, b) => lines[b].y - lines[a].y || a - b)]));
  for (const fromTop of [true, false]) {
    for (let depth = 0; depth < 2; depth++) {
      const index = (lines: Line[]) => {
        const order = byHeight.get(lines)!;
        return fromTop ? order[depth] : order[order.length - 1 - depth];
      };
      const candidates = withText.map((lines) => {
        const i = index(lines);
        return i !== undefined && !dropped.get(lines)!.has(i) ? lines[i] : null;
      });
      if (candidates.some((l, k) => !l || !inBand(withText[k], l, fromTop))) break;
      const key = depth === 0 ? runningKey : sameText;
      const wanted = key(candidates[0]!.text);
      if (!candidates.every((l) => key(l!.text) === wanted)) break;
      const pattern = runningKey(candidates[0]!.text);
      if (withText.some((lines) => lines.filter((l) => runningKey(l.text) === pattern).length > 1)) break;
      for (const lines of withText) dropped.get(lines)!.add(index(lines));
    }
  }
  return pages.map((lines) => {
    const drop = dropped.get(lines);
    if (!drop?.size || drop.size >= lines.length) return lines;
    return lines.filter((_, i) => !drop.has(i));
  });
}

const quantile = (values: number[], q: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q)];
};

/** Joins a line onto the text before it: a word broken by a hyphen at the line's end is made whole again. */
function joinLine(before: string, line: string): string {
  if (!before) return line;
  if (/\p{L}[-\u00AD]$/u.test(before) && /^\p{Ll}/u.test(line)) return before.slice(0, -1) + line;
  if (before.endsWith("\u00AD")) return before.slice(0, -1) + line;
  return `${before} ${line}`;
}

const ENDS_SENTENCE = /[.!?:;…"”»)\]]$/u;

/** The blocks and page starts; a leading heading becomes the headline when the title is to be guessed. */
function assemble(pages: Line[][], takeTitle: boolean): { doc: DocNode; pageStarts: number[]; headline?: string } {
  const allLines = pages.flat();
  const bodySize = quantile(allLines.map((l) => l.size), 0.5);
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1].y - lines[i].y;
      if (gap > 0 && Math.abs(lines[i].size - bodySize) < bodySize * 0.15) gaps.push(gap);
    }
  }
  // Most gaps are plain line spacing; paragraph gaps are the wider few (a median misreads a short text full of short paragraphs).
  const lineGap = quantile(gaps, 0.25) || bodySize * 1.2;
  const isHeading = (l: Line) => l.size > bodySize * 1.2 && l.text.length < 200;

  const blocks: Block[] = [];
  /** Per page: the block it starts in and the offset within that block's text. */
  const starts: { block: number; at: number }[] = [];
  let open: Block | null = null;
  for (const lines of pages) {
    let prev: Line | null = null;
    for (const line of lines) {
      const heading = isHeading(line);
      let startsBlock = !open || heading || open.kind === "heading";
      if (!startsBlock && prev) {
        const gap = prev.y - line.y;
        startsBlock = gap <= 0 || gap > lineGap * 1.4 || Math.abs(line.size - prev.size) > bodySize * 0.15;
      } else if (!startsBlock && !prev) {
        // A paragraph runs on to the next page only when its sentence does.
        startsBlock = ENDS_SENTENCE.test(open!.text) || !/^\p{Ll}/u.test(line.text);
      }
      if (!prev) starts.push({ block: startsBlock ? blocks.length : blocks.length - 1, at: startsBlock ? 0 : joinedAt(open!.text, line.text) });
      if (startsBlock) {
        open = { kind: heading ? "heading" : "paragraph", text: line.text };
        blocks.push(open);
      } else {
        open!.text = joinLine(open!.text, line.text);
      }
      prev = line;
    }
    // A page without text starts where the next text does.
    if (!prev) starts.push({ block: blocks.length, at: 0 });
  }
  let headline: string | undefined;
  if (takeTitle && blocks[0]?.kind === "heading" && blocks.length > 1) {
    headline = blocks.shift()!.text;
    starts.forEach((s, i) => (starts[i] = s.block === 0 ? { block: 0, at: 0 } : { block: s.block - 1, at: s.at }));
  }
  const offsets: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    offsets.push(offset);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  const end = Math.max(0, offset - BLOCK_SEPARATOR.length);
  const pageStarts = starts.map(({ block, at }) => (block < blocks.length ? offsets[block] + at : end));
  const doc: DocNode = {
    type: "doc",
    content: blocks.map((b) =>
      b.kind === "heading" ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: b.text }] } : { type: "paragraph", content: [{ type: "text", text: b.text }] },
    ),
  };
  return { doc, pageStarts, headline };
}

/** Where `line` begins once joined onto `before`. */
function joinedAt(before: string, line: string): number {
  return joinLine(before, line).length - line.length;
}
