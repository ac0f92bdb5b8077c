import type { SpanSelectors } from "./types";
import { splitsSurrogatePair } from "./unicode";

/**
 * Code units of context kept on each side of a quote. 32 is what Hypothesis
 * stores: enough to tell repeated phrases apart, short enough that an edit
 * next to the span rarely wipes out all of it.
 */
export const CONTEXT_LENGTH = 32;

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

  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;

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
