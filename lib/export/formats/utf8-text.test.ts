import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeSpan } from "@/lib/anchoring/selectors";
import { CodePointIndex } from "./code-points";
import { Utf8Text } from "./utf8-text";

/** What the W3C export wrote from the decoded text before (and w3cSelectors still writes): the reference. */
function fromString(text: string, start: number, end: number): string | null {
  let quote;
  try {
    ({ quote } = describeSpan(text, start, end));
  } catch {
    return null;
  }
  const index = new CodePointIndex(text);
  return `[{"type":"TextPositionSelector","start":${index.offset(start)},"end":${index.offset(end)}},{"type":"TextQuoteSelector","exact":${JSON.stringify(quote.exact)},"prefix":${JSON.stringify(quote.prefix)},"suffix":${JSON.stringify(quote.suffix)}}]`;
}

// Characters of every UTF-8 length: ASCII (with JSON's specials), two bytes, three (CJK, a combining mark), four (surrogate pairs in UTF-16).
const char = fc.constantFrom("a", "Z", " ", '"', "\\", "\n", "\t", "é", "Ж", "ש", "—", "€", "中", "\u0301", "\u200b", "😀", "𝒳", "👍🏽");
const texts = fc.array(char, { maxLength: 120 }).map((cs) => cs.join(""));

describe("Utf8Text: selectors from a text's UTF-8 bytes, as from the decoded text", () => {
  it("writes the same selectors as describeSpan and CodePointIndex for any span, or refuses the same spans", () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: -2, max: 130 }), fc.integer({ min: -2, max: 130 }), (text, a, b) => {
        const t = new Utf8Text().of(Buffer.from(text, "utf8"));
        expect(t.length).toBe(text.length);
        expect(t.selectorsJson(a, b)).toBe(fromString(text, a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads ASCII texts as bytes, and one index serves texts one after another (a long text, then shorter ones)", () => {
    const t = new Utf8Text();
    const long = "😀 ".repeat(5000) + "the end";
    t.of(Buffer.from(long));
    expect(t.selectorsJson(long.length - 7, long.length)).toBe(fromString(long, long.length - 7, long.length));
    t.of(Buffer.from("plain ascii text here"));
    expect(t.length).toBe(21);
    expect(t.selectorsJson(6, 11)).toBe(fromString("plain ascii text here", 6, 11));
    t.of(Buffer.from("x😀y"));
    expect(t.splitsPair(2)).toBe(true);
    expect(t.selectorsJson(0, 2)).toBeNull();
    expect(t.selectorsJson(3, 4)).toBe(fromString("x😀y", 3, 4));
    expect(t.codePoints(4)).toBe(3);
  });
});
