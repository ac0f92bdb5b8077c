import { describe, expect, it } from "vitest";
import { contentLang } from "./content-lang";

describe("contentLang", () => {
  it("marks a text in another language than the page, and leaves one in the page's language alone", () => {
    expect(contentLang("Russia demanded written answers.", "ru")).toBe("en");
    expect(contentLang("Russia demanded written answers.", "en")).toBeUndefined();
    expect(contentLang("Україна не поступиться своїми інтересами.", "ru")).toBe("uk");
    expect(contentLang("Россия ждёт письменных ответов.", "uk")).toBe("ru");
    expect(contentLang("Россия ждёт письменных ответов.", "ru")).toBeUndefined();
  });

  it("a stored language wins over the script, with regions compared by their language", () => {
    expect(contentLang("Le président a déclaré", "ru", "fr")).toBe("fr");
    expect(contentLang("Colour of the harbour", "en", "en-GB")).toBeUndefined();
    expect(contentLang("Colour of the harbour", "uk", "en-GB")).toBe("en-GB");
  });

  it("Cyrillic that names no language: the page's when it is Russian or Ukrainian, else Russian; no letters: nothing", () => {
    expect(contentLang("Санкции против России", "uk")).toBeUndefined();
    expect(contentLang("Санкции против России", "en")).toBe("ru");
    expect(contentLang("2021 — 17", "ru")).toBeUndefined();
  });
});
