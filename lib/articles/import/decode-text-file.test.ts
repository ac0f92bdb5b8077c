import { describe, expect, it } from "vitest";
import { encodeSingleByte } from "@/lib/testing/single-byte";
import { decodeTextFile } from "./decode-text-file";

const encode = encodeSingleByte;

const RUSSIAN = "Захарова заявила, что Россия ждёт письменных ответов на свои предложения по гарантиям безопасности.";
const UKRAINIAN = "Кулеба заявив, що Україна не поступиться своїми інтересами; ґрунтовні переговори тривають.";
const SHORT = "Привет";
const FRENCH = "Le président a déclaré à la presse qu'il était prêt à négocier.";

describe("decodeTextFile", () => {
  it("reads UTF-8 as UTF-8, Cyrillic and Latin alike", () => {
    for (const text of [RUSSIAN, UKRAINIAN, FRENCH, "plain ASCII"]) {
      expect(decodeTextFile(new TextEncoder().encode(text))).toEqual({ text, encoding: "utf-8" });
    }
  });

  it("follows a byte-order mark: UTF-8, UTF-16 LE and BE", () => {
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(RUSSIAN)]))).toEqual({ text: RUSSIAN, encoding: "utf-8" });
    const le = Buffer.from(`\uFEFF${UKRAINIAN}`, "utf16le");
    expect(decodeTextFile(new Uint8Array(le))).toEqual({ text: UKRAINIAN, encoding: "utf-16le" });
    const be = Buffer.from(le).swap16();
    expect(decodeTextFile(new Uint8Array(be))).toEqual({ text: UKRAINIAN, encoding: "utf-16be" });
  });

  it("tells Windows-1251 from KOI8 for Russian and Ukrainian, a single word included", () => {
    for (const text of [RUSSIAN, UKRAINIAN, SHORT, RUSSIAN.toUpperCase().slice(0, 20) + " " + RUSSIAN]) {
      expect(decodeTextFile(encode(text, "windows-1251"))).toEqual({ text, encoding: "windows-1251" });
      expect(decodeTextFile(encode(text, "koi8-u")).text).toBe(text);
    }
    expect(decodeTextFile(encode(RUSSIAN, "koi8-r"))).toEqual({ text: RUSSIAN, encoding: "koi8-u" });
  });

  it("tells DOS (CP866) and Mac Cyrillic files too, and never takes Windows-1251 text for them", () => {
    for (const text of [RUSSIAN, "Заявление МИД России. " + RUSSIAN, SHORT]) {
      expect(decodeTextFile(encode(text, "ibm866"))).toEqual({ text, encoding: "ibm866" });
    }
    const withCapitals = "Заявление Рябкова: Франция и Германия ждут ответа. Язык переговоров я знаю.";
    expect(decodeTextFile(encode(withCapitals, "x-mac-cyrillic"))).toEqual({ text: withCapitals, encoding: "x-mac-cyrillic" });
    for (const text of [RUSSIAN, withCapitals, UKRAINIAN]) expect(decodeTextFile(encode(text, "windows-1251")).encoding).toBe("windows-1251");
  });

  it("reads a Latin text with a few accented letters as Windows-1252", () => {
    expect(decodeTextFile(encode(FRENCH, "windows-1252"))).toEqual({ text: FRENCH, encoding: "windows-1252" });
    expect(decodeTextFile(encode("Café", "windows-1252"))).toEqual({ text: "Café", encoding: "windows-1252" });
  });

  it("never yields replacement characters for single-byte text", () => {
    for (const [text, enc] of [[RUSSIAN, "windows-1251"], [UKRAINIAN, "koi8-u"], [FRENCH, "windows-1252"]] as const) {
      expect(decodeTextFile(encode(text, enc)).text).not.toContain("\uFFFD");
    }
  });
});
