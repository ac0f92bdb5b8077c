import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdTable } from "./id-table";

describe("IdTable", () => {
  it("numbers distinct strings in the order first added, as a Map would", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("", "a", "é", "😀", "a\u0000b", "\ud800", "\ufffd", "\udc00a", "x\ud800")), { maxLength: 400 }), (strings) => {
        const table = new IdTable();
        const map = new Map<string, number>();
        for (const s of strings) {
          if (!map.has(s)) map.set(s, map.size);
          expect(table.add(s)).toBe(map.get(s));
        }
        expect(table.size).toBe(map.size);
        for (const [s, n] of map) expect(table.indexOf(s)).toBe(n);
        // A lone surrogate is not U+FFFD.
        expect(new Set(["\ud800", "\ufffd", "\udfff"].map((s) => table.add(s))).size).toBe(3);
    expect(table.indexOf("never-added-\u{1F600}")).toBe(map.get("never-added-\u{1F600}") ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it("holds a bundle's worth of ids across its chunks and growth, and one string longer than a chunk", () => {
    const table = new IdTable();
    const id = (i: number) => `c${i.toString(36).padStart(24, "0")}`;
    for (let i = 0; i < 300_000; i++) expect(table.add(id(i))).toBe(i);
    const long = "x".repeat(3 << 20);
    expect(table.add(long)).toBe(300_000);
    expect(table.add("after-the-long-one")).toBe(300_001);
    for (let i = 0; i < 300_000; i += 997) expect(table.indexOf(id(i))).toBe(i);
    expect(table.indexOf(long)).toBe(300_000);
    expect(table.indexOf(`${long}y`)).toBe(-1);
    expect(table.add(id(5))).toBe(5);
    expect(table.size).toBe(300_002);
  });
});
