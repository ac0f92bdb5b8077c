/**
 * The text of an uploaded .txt/.md/.html/.json file, whatever it was saved in. Russian and Ukrainian
 * desks meet files in the old single-byte encodings (Windows-1251 above all, KOI8-R/KOI8-U from older
 * Unix mail and archives); reading those as UTF-8 turned every letter into U+FFFD, and the bytes were
 * gone (issue 14's tester, X27). So:
 *
 * - a byte-order mark decides (UTF-8, UTF-16 LE/BE);
 * - bytes that are valid UTF-8 are UTF-8 (no single-byte text of more than a few letters is);
 * - otherwise, when many of the letters are high bytes, it is Cyrillic: Windows-1251, KOI8-U (and -R),
 *   DOS (CP866) or Mac Cyrillic, whichever reading looks most like running text: Cyrillic letters,
 *   mostly lower case, and few other characters (each encoding puts the others' letters on symbols,
 *   box drawing or capitals);
 * - otherwise it is Windows-1252 (a Latin text with a few accented letters).
 *
 * Only these encodings are told apart on purpose: they are the ones a newsroom handling English,
 * Russian and Ukrainian texts meets, and between them the rule above is reliable even for a line of
 * text, which general-purpose detectors (trigram statistics over dozens of encodings) are not.
 * Runs in the browser (the upload form) and in Node (the CLI): TextDecoder knows all of these.
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251" | "koi8-u" | "ibm866" | "x-mac-cyrillic" | "windows-1252";

/** In order of how often desks meet them: a tie goes to the first. */
const CYRILLIC_ENCODINGS = ["windows-1251", "koi8-u", "ibm866", "x-mac-cyrillic"] as const;

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const CYRILLIC_LOWER = /[а-яёіїєґў]/g;
const CYRILLIC_UPPER = /[А-ЯЁІЇЄҐЎ]/g;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * How much a reading looks like Cyrillic running text: lower-case letters count, capitals a little (they
 * start sentences and names), and every other non-ASCII character (symbols, box drawing, Latin letters
 * with accents) against it.
 */
function plausibility(text: string): number {
  const lower = count(text, CYRILLIC_LOWER);
  const upper = count(text, CYRILLIC_UPPER);
  const otherHigh = count(text, /[^\x00-\x7F]/g) - lower - upper;
  return lower + 0.5 * upper - 2 * otherHigh;
}

export function decodeTextFile(input: Uint8Array): DecodedText {
  const bytes = input;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: one of the single-byte encodings below.
  }
  let high = 0;
  let asciiLetters = 0;
  for (const b of bytes) {
    if (b >= 0x80) high++;
    else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) asciiLetters++;
  }
  // Latin-script languages write a few accented letters among many plain ones; Cyrillic is all high bytes.
  if (high < (high + asciiLetters) * 0.3) return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  // Each Cyrillic encoding read in turn; the right one gives letters, mostly lower case, where the wrong ones give
  // symbols, box drawing or capitals in the middle of words. KOI8-U is KOI8-R plus the Ukrainian letters.
  let best: DecodedText | null = null;
  let bestScore = -Infinity;
  for (const encoding of CYRILLIC_ENCODINGS) {
    const text = new TextDecoder(encoding).decode(bytes);
    const score = plausibility(text);
    if (score > bestScore) [best, bestScore] = [{ text, encoding }, score];
  }
  return best!;
}
