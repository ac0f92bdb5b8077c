import { describe, expect, it } from "vitest";
import { formattingLocale } from "@/lib/format/dates";
import { matchAcceptLanguage, resolveLocale } from "./resolve-locale";

describe("resolveLocale", () => {
  it("takes the saved choice first, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ userLocale: "uk", cookie: "ru", acceptLanguage: "en-US" })).toBe("uk");
    expect(resolveLocale({ userLocale: null, cookie: "ru", acceptLanguage: "uk-UA" })).toBe("ru");
    expect(resolveLocale({ userLocale: null, cookie: null, acceptLanguage: "uk-UA,uk;q=0.9" })).toBe("uk");
    expect(resolveLocale({ userLocale: null, cookie: null, acceptLanguage: null })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });

  it("ignores a cookie or saved value that is no locale of ours", () => {
    expect(resolveLocale({ userLocale: "de", cookie: "xx", acceptLanguage: "ru-RU" })).toBe("ru");
    expect(resolveLocale({ cookie: "../../etc/passwd", acceptLanguage: "fr" })).toBe("en");
  });
});

describe("matchAcceptLanguage", () => {
  it("matches on the primary language, by q then order", () => {
    expect(matchAcceptLanguage("uk-UA")).toBe("uk");
    expect(matchAcceptLanguage("ru")).toBe("ru");
    expect(matchAcceptLanguage("de-DE,ru;q=0.8,uk;q=0.9")).toBe("uk");
    expect(matchAcceptLanguage("en-GB;q=0.5,RU-ru")).toBe("ru");
    expect(matchAcceptLanguage("fr, en;q=0.1")).toBe("en");
  });

  it("guesses nothing from a neighbouring language, a wildcard or q=0", () => {
    expect(matchAcceptLanguage("be")).toBeNull();
    expect(matchAcceptLanguage("*")).toBeNull();
    expect(matchAcceptLanguage("ru;q=0")).toBeNull();
    expect(matchAcceptLanguage("")).toBeNull();
    expect(resolveLocale({ acceptLanguage: "be" })).toBe("en");
  });
});

describe("formattingLocale", () => {
  it("keeps the browser's region when it speaks the UI language, else formats in the UI language", () => {
    expect(formattingLocale("en", "en-US,en;q=0.9")).toBe("en-US");
    expect(formattingLocale("en", null)).toBe("en-GB");
    expect(formattingLocale("ru", "en-US")).toBe("ru");
    expect(formattingLocale("uk", "uk-UA")).toBe("uk-UA");
    // The English UI keeps the browser's own locale for dates (issue #10): German dates for a German browser.
    expect(formattingLocale("en", "de-DE")).toBe("de-DE");
    expect(formattingLocale("ru", "de-DE")).toBe("ru");
  });
});
