/**
 * Offsets in Unicode code points, as the W3C Web Annotation model requires of
 * a TextPositionSelector ("each character being a code point"), from the
 * UTF-16 code-unit offsets Claimtrail stores: everything before the offset
 * that is a surrogate pair counts once. A lone surrogate counts as one code
 * point, as string iteration (`[...text]`) counts it.
 */
export function codePointOffset(text: string, unitOffset: number): number {
  let points = 0;
  for (let i = 0; i < unitOffset; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < unitOffset) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    points += 1;
  }
  return points;
}

/** How many code points `text` holds. */
export const codePointLength = (text: string) => codePointOffset(text, text.length);
