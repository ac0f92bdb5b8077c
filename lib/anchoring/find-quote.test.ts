import { describe, expect, it } from "vitest";
import { findQuote } from "./find-quote";

const TEXT = "The bridge will close.\n\nAbout 40,000 vehicles cross it each day, the council said (in 2025).\n\nFerries will run.";

describe("findQuote", () => {
  it("finds a selection whatever whitespace the browser put between its words", () => {
    const span = findQuote(TEXT, "  About 40,000\n vehicles   cross it ");
    expect(span && TEXT.slice(span.start, span.end)).toBe("About 40,000 vehicles cross it");
    const across = findQuote(TEXT, "will close. About 40,000");
    expect(across && TEXT.slice(across.start, across.end)).toBe("will close.\n\nAbout 40,000");
  });

  it("treats regular-expression characters literally, and finds near misses fuzzily", () => {
    const span = findQuote(TEXT, "the council said (in 2025).");
    expect(span && TEXT.slice(span.start, span.end)).toBe("the council said (in 2025).");
    const fuzzy = findQuote(TEXT, "About 40.000 vehicles cross it each day");
    expect(fuzzy && TEXT.slice(fuzzy.start, fuzzy.end)).toContain("vehicles cross it each day");
  });

  it("gives null for nothing, blanks, and words that aren't there", () => {
    expect(findQuote(TEXT, "")).toBeNull();
    expect(findQuote(TEXT, " \n ")).toBeNull();
    expect(findQuote(TEXT, "an entirely different sentence about tariffs")).toBeNull();
    expect(findQuote(TEXT, ".*".repeat(600))).toBeNull();
  });
});
