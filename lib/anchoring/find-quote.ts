import { anchor } from "./anchor";

/** Longest passage looked for; the bookmarklet sends at most 1,000 characters. */
export const MAX_QUOTE = 1000;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where words someone selected on a web page are in an article's canonical
 * text: the browser's selection spaces words differently (line breaks,
 * several spaces, paragraph gaps), so words are matched with any whitespace
 * between them, then fuzzily through `anchor`. Null when not found.
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const words = quote.slice(0, MAX_QUOTE).trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const match = new RegExp(words.map(escape).join("\\s+"), "u").exec(text);
  if (match) return { start: match.index, end: match.index + match[0].length };
  const found = anchor(text, { quote: { exact: words.join(" ") } });
  return found.status === "orphaned" ? null : { start: found.start, end: found.end };
}
