import { describe, expect, it } from "vitest";
import { clipText } from "./clip";

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
});
