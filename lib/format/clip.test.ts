import { describe, expect, it } from "vitest";
import { clipText, CONFLICT_VALUE_CLIP, TITLE_CLIP, UNDO_QUOTE_CLIP } from "./clip";

describe("clipText", () => {
  it("cuts at a whole character, never inside a surrogate pair, a flag or an emoji sequence (finding T11)", () => {
    const flags = "🇺🇦🇷🇺 ".repeat(40);
    for (let max = 2; max <= 90; max++) {
      const clipped = clipText(flags, max);
      expect(clipped.isWellFormed(), `max ${max}`).toBe(true);
      expect(clipped.length).toBeLessThanOrEqual(max);
      expect(clipped.endsWith("…")).toBe(true);
      // Only whole flags: every regional indicator has its pair.
      expect([...clipped.slice(0, -1).replace(/ /g, "")].length % 2, `max ${max}`).toBe(0);
    }
    expect(clipText("👩‍👩‍👧‍👦 family", 9)).toBe("…");
    expect(clipText("short", 80)).toBe("short");
    expect(clipText("М".repeat(79) + "😀😀😀", 80)).toBe(`${"М".repeat(79)}…`);
  });

  it("the named limits: titles 80 in all; a conflict's value and an undo quote keep 80 and 60 of the text before the ellipsis", () => {
    const long = "x".repeat(200);
    expect(clipText(long, TITLE_CLIP)).toBe(`${"x".repeat(79)}…`);
    expect(clipText(long, CONFLICT_VALUE_CLIP)).toBe(`${"x".repeat(80)}…`);
    expect(clipText(long, UNDO_QUOTE_CLIP)).toBe(`${"x".repeat(60)}…`);
    expect(clipText("x".repeat(80), CONFLICT_VALUE_CLIP)).toBe("x".repeat(80));
  });
});
