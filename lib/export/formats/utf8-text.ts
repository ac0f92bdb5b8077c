import { isAscii } from "node:buffer";
import { contextBounds } from "@/lib/anchoring/selectors";
import { codePointsBefore } from "./code-points";

/** Marks a UTF-16 offset that falls between the two halves of a surrogate pair (no byte starts there). */
const INSIDE_PAIR = 0xffffffff;

/**
 * An article's text as its UTF-8 bytes (as PostgreSQL sends it), read by the
 * UTF-16 code-unit offsets Claimtrail stores, without decoding it whole.
 *
 * Why: the W3C export needs only a few dozen characters around each mention,
 * but decoding an article's text made a JavaScript string of the whole of it,
 * which V8 never collected young: every text the export read (100 MB at 100k
 * claims) waited in the old generation for a full collection, and the server's
 * RSS grew with them (bench/results/w3c-texts-2026-12-04-session35.md). Bytes
 * live outside V8's heap and go as soon as the article is done.
 *
 * The bytes must be well-formed UTF-8 (PostgreSQL's text always is), so every
 * surrogate pair is whole and a lone surrogate can't occur. One index is kept
 * and reused for each text (`Utf8Text.of`): the export reads one article at a time,
 * and the index goes with the export (not kept for the process: one long article
 * would hold four bytes per byte of it for the server's life).
 */
export class Utf8Text {
  private scratch = new Uint32Array(0);
  /** Length in UTF-16 code units. */
  length = 0;
  private bytes: Buffer = Buffer.alloc(0);
  /** The byte where each UTF-16 offset starts (length + 1 entries), or null when every byte is ASCII (offsets are bytes). */
  private byteAt: Uint32Array | null = null;
  /** Where each surrogate pair starts (UTF-16 offset of its high half), ascending: code points before an offset are counted from them. */
  private pairs: number[] = [];

  /** `bytes` indexed, in this object (its previous text's index reused): the caller holds one at a time. */
  of(bytes: Buffer): this {
    this.bytes = bytes;
    this.pairs = [];
    if (isAscii(bytes)) {
      this.length = bytes.length;
      this.byteAt = null;
      return this;
    }
    // A text has at most as many UTF-16 code units as bytes.
    if (this.scratch.length < bytes.length + 1) this.scratch = new Uint32Array(Math.max(bytes.length + 1, this.scratch.length * 2));
    const at = this.scratch;
    let unit = 0;
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i];
      at[unit++] = i;
      if (b < 0x80) i += 1;
      else if (b < 0xe0) i += 2;
      else if (b < 0xf0) i += 3;
      else {
        // Four bytes: a code point past U+FFFF, two UTF-16 code units.
        this.pairs.push(unit - 1);
        at[unit++] = INSIDE_PAIR;
        i += 4;
      }
    }
    at[unit] = bytes.length;
    this.length = unit;
    this.byteAt = at;
    return this;
  }

  /** Whether `unit` falls between the halves of a surrogate pair (lib/anchoring/unicode.ts splitsSurrogatePair). */
  splitsPair(unit: number): boolean {
    return this.byteAt !== null && unit > 0 && unit < this.length && this.byteAt[unit] === INSIDE_PAIR;
  }

  /** The text of UTF-16 offsets [from, to), neither inside a pair. */
  slice(from: number, to: number): string {
    if (this.byteAt === null) return this.bytes.toString("latin1", from, to);
    return this.bytes.toString("utf8", this.byteAt[from], this.byteAt[to]);
  }

  /** The offset in Unicode code points of UTF-16 offset `unit` (as CodePointIndex counts it). */
  codePoints(unit: number): number {
    return codePointsBefore(this.pairs, unit);
  }

  /**
   * The W3C selectors of the span [start, end) as JSON text, as w3c.ts's w3cSelectors writes them from the decoded
   * text (describeSpan's quote and context, positions in code points); null where describeSpan would refuse the span
   * (out of the text, reversed, not whole numbers, or splitting a pair): the caller writes the stored quote instead.
   */
  selectorsJson(start: number, end: number): string | null {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > this.length) return null;
    if (this.splitsPair(start) || this.splitsPair(end)) return null;
    const { prefixStart, suffixEnd } = contextBounds(this.length, start, end, (offset) => this.splitsPair(offset));
    // One decode of the quote and its context, cut as a string (no offset in it splits a pair), not one decode per part.
    const around = this.slice(prefixStart, suffixEnd);
    const exact = JSON.stringify(around.slice(start - prefixStart, end - prefixStart));
    const prefix = JSON.stringify(around.slice(0, start - prefixStart));
    const suffix = JSON.stringify(around.slice(end - prefixStart));
    return `[{"type":"TextPositionSelector","start":${this.codePoints(start)},"end":${this.codePoints(end)}},{"type":"TextQuoteSelector","exact":${exact},"prefix":${prefix},"suffix":${suffix}}]`;
  }
}
