import { describe, expect, it } from "vitest";
import { shortcutLetter } from "@/components/claims/shortcut-letter";

describe("shortcutLetter", () => {
  it("is the letter typed on a Latin layout, whatever the physical key", () => {
    expect(shortcutLetter({ key: "m", code: "KeyM" })).toBe("m");
    expect(shortcutLetter({ key: "M", code: "KeyM" })).toBe("m");
    // AZERTY: the key labelled M is where QWERTY has the semicolon.
    expect(shortcutLetter({ key: "m", code: "Semicolon" })).toBe("m");
  });

  it("is the physical key's Latin letter on a Cyrillic layout", () => {
    expect(shortcutLetter({ key: "ь", code: "KeyM" })).toBe("m");
    expect(shortcutLetter({ key: "Р", code: "KeyH" })).toBe("h");
    expect(shortcutLetter({ key: "о", code: "KeyJ" })).toBe("j");
    expect(shortcutLetter({ key: "ч", code: "KeyX" })).toBe("x");
  });

  it("leaves other keys as they are", () => {
    expect(shortcutLetter({ key: "Enter", code: "Enter" })).toBe("Enter");
    expect(shortcutLetter({ key: "Escape", code: "Escape" })).toBe("Escape");
    expect(shortcutLetter({ key: "1", code: "Digit1" })).toBe("1");
  });
});
