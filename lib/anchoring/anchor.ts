import { contextErrors } from "./distance";
import { matchQuote } from "./match-quote";
import { paragraphHints } from "./paragraph-hints";
import type { Anchor, AnchorSelectors } from "./types";
import { hasVisibleText } from "./unicode";

export interface AnchorOptions {
  /**
   * Where the span is now expected to start (code units), when the caller
   * knows better than the stored position, e.g. after earlier spans in the
   * same document were found shifted, or from the paragraphs the old and new
   * texts share (paragraph-hints.ts); the likeliest first. Defaults to the
   * stored position.
   */
  hint?: number | number[];
}

const ORPHANED: Anchor = { status: "orphaned" };

/** Whether the quote, with its full stored context, sits at `start`. */
function intactAt(text: string, quote: string, prefix: string, suffix: string, start: number): boolean {
  return text.startsWith(quote, start) && text.endsWith(prefix, start) && text.startsWith(suffix, start + quote.length);
}

/**
 * Where the quote is expected, stored context on one side at least this long found whole, and the other side
 * agreeing at least this much (0–1: a word of it changed), keep the span there (`anchor`, step 2).
 */
const VOUCHING_CONTEXT = 16;
const OTHER_SIDE_AGREEMENT = 0.7;

/**
 * Whether the quote sits at `start` with one side of its stored context, of VOUCHING_CONTEXT or more, whole:
 * null if not, else how much the other side still agrees (0–1).
 */
function halfIntactAt(text: string, quote: string, prefix: string, suffix: string, start: number): number | null {
  if (!text.startsWith(quote, start)) return null;
  const end = start + quote.length;
  const agrees = (context: string, errors: number) => (context.length ? 1 - errors / context.length : 1);
  if (prefix.length >= VOUCHING_CONTEXT && text.endsWith(prefix, start)) return agrees(suffix, contextErrors(text, suffix, end, 1));
  if (suffix.length >= VOUCHING_CONTEXT && text.startsWith(suffix, end)) return agrees(prefix, contextErrors(text, prefix, start, -1));
  return null;
}

/**
 * Finds a stored span in the current `text`:
 *  1. `exact`: the quote is still at its stored position (and no other
 *     occurrence fits the stored context better);
 *  2. the quote where it is expected (the hint, else its stored position),
 *     one side of its context whole and the other mostly agreeing: a word
 *     changed just before or after the words leaves them where the
 *     neighbouring spans' shift says. Scored among every occurrence instead,
 *     context alone preferred a near-copy of the passage far away
 *     (black-box, session 37: templated paragraphs differing by one digit, a
 *     word of the suffix changed here). A paragraph moved away, whose old
 *     place keeps one side only, is still found where it went (step 3);
 *  3. `moved`: the exact quote elsewhere, the one whose prefix/suffix best
 *     match the stored context, nearest the old position among equals;
 *  4. `fuzzy`: no exact occurrence, but a match within
 *     `fuzzyErrorBound(quote.length)` edits (`errors` tells how many) whose
 *     context still agrees, or, for a quote of 32+ code units, one close to
 *     the stored or hinted position (never without a position);
 *  5. `orphaned`: none of these, or the quote is blank.
 *
 * Offsets are UTF-16 code units; fuzzy matches never begin or end inside a
 * surrogate pair.
 */
export function anchor(text: string, selectors: AnchorSelectors, opts: AnchorOptions = {}): Anchor {
  const quote = selectors.quote.exact;
  const prefix = selectors.quote.prefix ?? "";
  const suffix = selectors.quote.suffix ?? "";
  if (!hasVisibleText(quote)) return ORPHANED;

  const stored = selectors.position?.start;
  const oldStart = Number.isInteger(stored) ? stored : undefined;
  const given = [opts.hint ?? []].flat().filter((n) => Number.isInteger(n));
  const hints = given.length ? given : oldStart === undefined ? [] : [oldStart];
  const end = (start: number) => start + quote.length;

  // Fast paths: most spans of an edited article are untouched, and the cheap
  // comparisons here spare them any search.
  if (oldStart !== undefined && intactAt(text, quote, prefix, suffix, oldStart)) {
    return { status: "exact", start: oldStart, end: end(oldStart), errors: 0 };
  }
  for (const hint of hints) {
    if (hint !== oldStart && intactAt(text, quote, prefix, suffix, hint)) return { status: "moved", start: hint, end: end(hint), errors: 0 };
  }

  for (const at of new Set([...hints, ...(oldStart === undefined ? [] : [oldStart])])) {
    const other = halfIntactAt(text, quote, prefix, suffix, at);
    if (other !== null && other >= OTHER_SIDE_AGREEMENT) {
      return { status: at === oldStart ? "exact" : "moved", start: at, end: end(at), errors: 0 };
    }
  }

  const expected = [...new Set([...(oldStart === undefined ? [] : [oldStart]), ...hints])];
  const match = matchQuote(text, quote, { prefix, suffix, expected });
  if (!match) return ORPHANED;
  if (match.errors > 0) return { status: "fuzzy", start: match.start, end: match.end, errors: match.errors };
  return { status: match.start === oldStart ? "exact" : "moved", start: match.start, end: match.end, errors: 0 };
}

/**
 * Anchors many spans of one document, returning results in input order.
 *
 * Spans are visited in stored-position order and each is first looked for
 * where its paragraph went, when the old text is given (paragraph-hints.ts),
 * and where the previous span's shift predicts it: an inserted paragraph moves
 * everything after it by the same amount, so most moved spans are then
 * confirmed by one comparison instead of a search of the whole text.
 */
export function anchorAll(text: string, annotations: readonly AnchorSelectors[], opts: { oldText?: string } = {}): Anchor[] {
  const paragraph = opts.oldText === undefined ? () => undefined : paragraphHints(opts.oldText, text);
  const order = annotations
    .map((a, i) => ({ i, start: a.position?.start }))
    .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
  const results: Anchor[] = new Array(annotations.length);
  let shift = 0;
  for (const { i, start } of order) {
    if (start === undefined || !Number.isInteger(start)) {
      results[i] = anchor(text, annotations[i]);
      continue;
    }
    const shifted = Math.max(0, start + shift);
    const own = paragraph(start);
    const result = anchor(text, annotations[i], { hint: own === undefined || own === shifted ? shifted : [own, shifted] });
    results[i] = result;
    if (result.status !== "orphaned") shift = result.start - start;
  }
  return results;
}
