/**
 * Offsets in Unicode code points, as the W3C Web Annotation model requires of
 * a TextPositionSelector ("each character being a code point"), from the
 * UTF-16 code-unit offsets Claimtrail stores: every surrogate pair wholly
 * before the offset counts once. A lone surrogate counts as one code point,
 * as string iteration (`[...text]`) counts it.
 *
 * One scan of the text finds its surrogate pairs; each offset is then a
 * binary search, so many highlights on a long article stay cheap.
 */
/** A high surrogate followed by a low one, over code units. */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export class CodePointIndex {
  /** Where each surrogate pair starts (its high surrogate), ascending. */
  private readonly pairs: number[] = [];

  constructor(readonly text: string) {
    // The regular expression (code units: no `u` flag) finds the pairs left to right, as a loop over the
    // text would, but natively: most texts hold none, and a JavaScript loop over every code unit of
    // every article was a tenth of the W3C export's CPU in Node.
    for (const m of text.matchAll(SURROGATE_PAIR)) this.pairs.push(m.index);
  }

  /** The code-point offset of code-unit offset `unit`. */
  offset(unit: number): number {
    return codePointsBefore(this.pairs, unit);
  }
}

/** The code-point offset of code-unit offset `unit`, given where the text's surrogate pairs start (ascending). */
export function codePointsBefore(pairs: readonly number[], unit: number): number {
  // Pairs wholly before `unit` start at or before unit - 2: count them (a binary search), each one unit less.
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid] <= unit - 2) lo = mid + 1;
    else hi = mid;
  }
  return unit - lo;
}

/** The code-point offset of `unit` in `text`, for a single look-up. */
export const codePointOffset = (text: string, unit: number) => new CodePointIndex(text).offset(unit);
