import { describe, expect, it } from "vitest";
import { segmentSpans } from "./segments";
import { trimSpan } from "./span";

describe("segmentSpans", () => {
  it("cuts overlapping highlights into runs that each know every highlight covering them", () => {
    const runs = segmentSpans([
      { id: "a", start: 0, end: 10 },
      { id: "b", start: 5, end: 15 },
      { id: "c", start: 7, end: 9 },
    ]);
    expect(runs.map((r) => [r.start, r.end, [...r.ids].sort().join("")])).toEqual([
      [0, 5, "a"],
      [5, 7, "ab"],
      [7, 9, "abc"],
      [9, 10, "ab"],
      [10, 15, "b"],
    ]);
  });

  it("leaves gaps between highlights uncovered and ignores empty spans", () => {
    const runs = segmentSpans([
      { id: "a", start: 0, end: 2 },
      { id: "z", start: 3, end: 3 },
      { id: "b", start: 4, end: 6 },
    ]);
    expect(runs).toEqual([
      { start: 0, end: 2, ids: ["a"] },
      { start: 4, end: 6, ids: ["b"] },
    ]);
  });
});

describe("trimSpan", () => {
  it("drops whitespace at both ends, including paragraph breaks", () => {
    const text = "One.\n\n  Two words ";
    expect(trimSpan(text, 4, text.length)).toEqual({ start: 8, end: 17 });
  });
  it("returns null when nothing visible is selected, whichever way round", () => {
    expect(trimSpan("a \n\n b", 1, 5)).toBeNull();
    expect(trimSpan("abc", 2, 1)).toEqual({ start: 1, end: 2 });
  });
});
