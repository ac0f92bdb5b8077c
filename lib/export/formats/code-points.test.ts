import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CodePointIndex } from "./code-points";

describe("code-point offsets", () => {
  it("count what string iteration counts before the offset, emoji, lone surrogates and all", () => {
    const unit = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("😀", "👍🏽", "e\u0301", "\ud800", "\udc00", "𝒳", "שלום"));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.nat(), (parts, at) => {
        const text = parts.join("");
        const index = new CodePointIndex(text);
        const offset = text.length ? at % (text.length + 1) : 0;
        // Iterating the units before the offset: a pair split by the offset counts its high half as one.
        expect(index.offset(offset)).toBe(Array.from(text.slice(0, offset)).length);
      }),
      { numRuns: 500 },
    );
  });

  it("counts an emoji once", () => {
    const text = "a😀b👍🏽c";
    const index = new CodePointIndex(text);
    expect([0, 1, 3, 4, 8, 9].map((u) => index.offset(u))).toEqual([0, 1, 2, 3, 5, 6]);
  });
});
