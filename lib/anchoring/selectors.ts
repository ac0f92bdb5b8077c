import type { SpanSelectors } from "./types";
import { splitsSurrogatePair } from "./unicode";

/**
 * Code units of context kept on each side of a quote. 32 is what Hypothesis
 * stores: enough to tell repeated phrases apart, short enough that an edit
 * next to the span rarely wipes out all of it.
 */
export const CONTEXT_LENGTH = 32;

/**
 * Where the quote's prefix starts and its suffix ends in a text of `length` code units: CONTEXT_LENGTH each
 * side of [start, end), moved inward off the middle of a surrogate pair (`splitsPair`). describeSpan's, and the
 * W3C export's over a text it holds as bytes (lib/export/formats/utf8-text.ts).
 */
export function contextBounds(length: number, start: number, end: number, splitsPair: (offset: number) => boolean): { prefixStart: number; suffixEnd: number } {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(length, end + CONTEXT_LENGTH);
  if (splitsPair(suffixEnd)) suffixEnd -= 1;
  return { prefixStart, suffixEnd };
}

/**
 * Describes `text[start, end)` (code-unit offsets) with both selectors.
 *
 * Prefix and suffix are shortened by one code unit rather than cut through an
 * emoji, so the stored context is always well-formed UTF-16.
 *
 * @throws RangeError if the span is out of bounds, reversed, or itself splits
 *   a surrogate pair (a selection can't do that; a bug upstream can).
 */
export function describeSpan(text: string, start: number, end: number): SpanSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`Invalid span [${start}, ${end}) in a text of ${text.length} code units`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new RangeError(`Span [${start}, ${end}) splits a surrogate pair`);
  }

  const { prefixStart, suffixEnd } = contextBounds(text.length, start, end, (offset) => splitsSurrogatePair(text, offset));

  return {
    position: { type: "TextPositionSelector", start, end },
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
  };
}
