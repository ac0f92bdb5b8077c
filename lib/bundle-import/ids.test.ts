import { describe, expect, it } from "vitest";
import { IdMap, idSequence } from "./ids";

describe("IdMap", () => {
  it("gives each bundle id one new id, by number or as text, allocated in the order asked", () => {
    const nth = idSequence(Date.UTC(2025, 0, 1));
    const map = new IdMap(nth);
    map.number("article-1");
    map.number("claim-1");
    expect(map.number("claim-1")).toBe(1);
    expect(map.get("claim-1")).toBe(nth(1));
    expect(map.idOf(map.number("article-1"))).toBe(map.get("article-1"));
    // An id the bundle doesn't hold gets the next one, the same every time it is named.
    expect(map.numberIfKnown("merged-away")).toBe(-1);
    expect(map.number("merged-away")).toBe(2);
    expect(map.get("merged-away")).toBe(nth(2));
    // The same id added again (another section may use it) keeps its number.
    expect(map.number("claim-1")).toBe(1);
    expect(map.numberIfKnown("claim-1")).toBe(1);
    expect(map.numberIfKnown("never-named")).toBe(-1);
    // Strictly increasing in the order asked: rows tying on createdAt keep their order by id.
    expect([nth(0), nth(1), nth(2)]).toEqual([nth(0), nth(1), nth(2)].sort());
  });
});
