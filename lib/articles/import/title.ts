export const MAX_HEADLINE_LENGTH = 200;

const BULLET = /^[•·◦▪▫‣⁃●○■□–—*+>-]/u;
const ORDERED_ITEM = /^\d+[.)]\s/;
const CLOSING = /["'”’»)\]\s]+$/u;

/**
 * Whether a first line reads as a headline: short, no sentence-ending
 * period (closing quotes ignored), not a list item, not a clause cut off by
 * a comma, colon or semicolon, and holding at least one letter.
 */
export function looksLikeHeadline(line: string): boolean {
  const text = line.trim();
  if (!text || text.length > MAX_HEADLINE_LENGTH) return false;
  if (BULLET.test(text) || ORDERED_ITEM.test(text)) return false;
  if (!/\p{L}/u.test(text)) return false;
  const end = text.replace(CLOSING, "");
  return !/[.,;:…]$/u.test(end);
}

export const TITLE_WORDS = 10;
const TITLE_CHARS = 120;

/** The first words of a text (a whole short text), cut at a word boundary and marked with "…". */
export function titleFromWords(text: string): string {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  if (!words.length) return "";
  const whole = words.join(" ");
  if (words.length <= TITLE_WORDS + 2 && whole.length <= TITLE_CHARS) return whole;
  let title = "";
  for (const word of words.slice(0, TITLE_WORDS)) {
    const next = title ? `${title} ${word}` : word;
    if (next.length > TITLE_CHARS) break;
    title = next;
  }
  if (!title) title = [...words[0]].slice(0, TITLE_CHARS).join("");
  return `${title.replace(/[\s,;:.–—-]+$/u, "")}…`;
}
