import { expect, type Page } from "@playwright/test";

/**
 * Browser-test helpers for how text is laid out: words that the browser broke across two lines
 * (Russian and Ukrainian words are long, and `main { overflow-wrap: anywhere }` lets a squeezed
 * table column break them anywhere), and pages wider than the screen.
 */

export interface SplitWord {
  word: string;
  /** The text of the cell it is in. */
  cell: string;
  /** The tops of the lines it is drawn on. */
  lines: number[];
}

/**
 * Every word in the visible cells (th, td) of the tables under `root` that is drawn on more than
 * one line: each word's Range.getClientRects() must sit on one line. A break after a hyphen
 * ("API-" / "токены") is where a hyphenated word may break, so each part is a word of its own;
 * text a screen reader alone reads (clipped: sr-only) is not drawn, so it is skipped.
 */
export async function wordsSplitAcrossLines(page: Page, root = "main"): Promise<{ split: SplitWord[]; checked: number }> {
  return page.evaluate((rootSelector) => {
    const hidden = (el: Element | null): boolean => {
      for (let a = el; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.display === "none" || s.visibility === "hidden") return true;
        if ((s.clip && s.clip !== "auto") || (s.clipPath && s.clipPath !== "none")) return true;
      }
      return false;
    };
    const found: { word: string; cell: string; lines: number[] }[] = [];
    let checked = 0;
    for (const cell of Array.from(document.querySelectorAll(`${rootSelector} table th, ${rootSelector} table td`))) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const node = n as Text;
        if (hidden(node.parentElement)) continue;
        for (const m of node.data.matchAll(/[^\s\-‐]+[-‐]?/gu)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          checked += 1;
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
          const tops: number[] = [];
          for (const r of rects) if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(Math.round(r.top));
          if (tops.length > 1) found.push({ word: m[0], cell: (cell.textContent ?? "").trim().slice(0, 80), lines: tops });
        }
      }
    }
    return { split: found, checked };
  }, root);
}

export async function expectNoWordSplit(page: Page, what: string, root = "main"): Promise<void> {
  const { split, checked } = await wordsSplitAcrossLines(page, root);
  expect(checked, `${what}: words in visible table cells`).toBeGreaterThan(0);
  expect(split, `${what}: words broken across lines`).toEqual([]);
}

/** The page is no wider than the window (no sideways scroll). */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
  expect(scrollWidth, `${what}: ${scrollWidth} px wide on a ${clientWidth} px screen`).toBeLessThanOrEqual(clientWidth);
}
