import { anchorAll } from "@/lib/anchoring";

/**
 * Page numbers of PDF articles: `pageStarts[i]` is where page i + 1 starts in
 * the canonical text. Pure, so the reader and the server share it.
 */

/** The most pages an article has: as many as a PDF import reads. */
export const MAX_PDF_PAGES = 500;

/**
 * Why page starts can't belong to a text of `textLength` characters, or null:
 * the first page starts at 0, none goes back, none is past the end (an empty
 * page starts where the next one does).
 */
export function pageStartsProblem(pageStarts: readonly number[], textLength: number): string | null {
  if (!pageStarts.length) return null;
  if (pageStarts.length > MAX_PDF_PAGES) return `At most ${MAX_PDF_PAGES} pages.`;
  if (pageStarts[0] !== 0) return "The first page starts at 0.";
  for (let i = 1; i < pageStarts.length; i++) {
    if (pageStarts[i] < pageStarts[i - 1]) return `Page ${i + 1} starts before page ${i}.`;
  }
  if (pageStarts[pageStarts.length - 1] > textLength) return `Page ${pageStarts.length} starts after the end of the text (${textLength} characters).`;
  return null;
}

/** The 1-based page an offset falls on, or null for articles without pages. */
export function pageAt(pageStarts: readonly number[] | null | undefined, offset: number): number | null {
  if (!pageStarts?.length) return null;
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) {
    if (pageStarts[i] <= offset) page = i + 1;
    else break;
  }
  return page;
}

/** "p. 4", or "pp. 4–5" for a span across pages; null for articles without pages. */
export function pageLabel(pageStarts: readonly number[] | null | undefined, start: number, end: number): string | null {
  const first = pageAt(pageStarts, start);
  if (first === null) return null;
  const last = pageAt(pageStarts, Math.max(start, end - 1)) ?? first;
  return last > first ? `pp. ${first}–${last}` : `p. ${first}`;
}

/** Characters of text either side of a page start that find it again after an edit. */
const CONTEXT = 32;

/**
 * The page starts moved onto an edited text, the way highlights are
 * re-anchored: each start is found again by the words around it. A start
 * whose words are gone takes the previous page's (the page seems empty).
 */
export function movePageStarts(oldText: string, newText: string, pageStarts: readonly number[]): number[] {
  if (!pageStarts.length) return [];
  const anchors = anchorAll(
    newText,
    pageStarts.map((p) => {
      const end = Math.min(oldText.length, p + CONTEXT);
      return { quote: { exact: oldText.slice(p, end) || oldText.slice(Math.max(0, p - 1), p), prefix: oldText.slice(Math.max(0, p - CONTEXT), p), suffix: oldText.slice(end, end + CONTEXT) }, position: { start: p, end: Math.max(end, p + 1) } };
    }),
  );
  const moved: number[] = [];
  anchors.forEach((a, i) => {
    const previous = i ? moved[i - 1] : 0;
    const at = a.start ?? previous;
    moved.push(Math.max(previous, Math.min(at, newText.length)));
  });
  if (moved.length) moved[0] = 0;
  return moved;
}
