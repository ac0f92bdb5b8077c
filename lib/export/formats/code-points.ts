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
export class CodePointIndex {
  /** Where each surrogate pair starts (its high surrogate), ascending. */
  private readonly pairs: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.pairs.push(i);
          i += 1;
        }
      }
    }
  }

  /** The code-point offset of code-unit offset `unit`. */
  offset(unit: number): number {
    // Pairs wholly before `unit` start at or before unit - 2: count them.
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid] <= unit - 2) lo = mid + 1;
      else hi = mid;
    }
    return unit - lo;
  }
}

/** The code-point offset of `unit` in `text`, for a single look-up. */
export const codePointOffset = (text: string, unit: number) => new CodePointIndex(text).offset(unit);
