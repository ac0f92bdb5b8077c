import { describe, expect, it } from "vitest";
import { JS_SPACES } from "./csv";

describe("JS_SPACES (the CSV export's quoting in SQL)", () => {
  it("holds exactly the characters JavaScript's \\s matches, which csv-stringify's quoted_match uses", () => {
    const matched: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (/\s/.test(ch)) matched.push(ch);
    }
    expect([...JS_SPACES].sort()).toEqual(matched.sort());
  });
});
