/**
 * An article's language as a BCP 47 code, guessed from its text on import.
 * Long enough texts go to eld (n-gram detector; its data ships in the
 * package, nothing is fetched); short ones fall back to the script, and only
 * where the script says enough.
 */
import { byScript } from "./script-language";

/** Below this many letters, n-gram detection guesses more than it knows. */
export const MIN_LETTERS = 40;
/** eld reads this much; more costs time and changes nothing. */
const SAMPLE_CHARS = 4000;

type Detector = { detect(text: string): { language: string; isReliable(): boolean } };
let detector: Promise<Detector> | null = null;

function loadDetector(): Promise<Detector> {
  // The medium database (2 MB): loading the large one took seconds on a busy machine for no gain here.
  detector ??= import("eld/medium").then((m) => m.eld as Detector);
  return detector;
}

const LETTER = /\p{L}/gu;

export { byScript };

/**
 * The language of an imported article's `text`, or null when it can't be
 * told with some confidence: the one step every import takes (files and
 * paste, web pages, annotation files' texts, bundles). A reliable detection
 * wins over `declared` (what the file or page says of itself: page templates
 * often say "en" whatever the text), but a declaration it confirms keeps its
 * region ("en-GB" over "en"); the declaration wins over a guess from the script.
 */
export async function detectLanguage(text: string, declared?: string | null): Promise<string | null> {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters >= MIN_LETTERS) {
    const result = (await loadDetector()).detect(sample);
    if (result.language && result.isReliable()) {
      const base = (code: string) => code.toLowerCase().split("-")[0];
      return declared && base(declared) === base(result.language) ? declared : result.language;
    }
  }
  return declared || byScript(sample);
}

