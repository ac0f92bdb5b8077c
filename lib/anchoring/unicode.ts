function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Whether `offset` (a code-unit index) falls between the two halves of a
 * surrogate pair, where slicing would leave lone surrogates on both sides.
 * Lone surrogates already in the text don't count: there is no pair to split.
 */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Whether `text[start, end)` contains anything but whitespace. */
export function hasVisibleText(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) {
    // Same set as String.prototype.trim, without allocating a slice.
    if (!/\s/.test(text[i])) return true;
  }
  return false;
}
