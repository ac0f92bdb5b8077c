/**
 * A language told by a text's script alone: no detector, so it runs in the browser too
 * (lib/i18n/content-lang.ts) and for texts too short for n-grams (language.ts).
 */
const LETTER = /\p{L}/gu;

/**
 * Short texts: only a script that belongs to few languages names one.
 * Cyrillic with Ukrainian-only letters is Ukrainian, with Russian-only ones
 * Russian; Latin script alone says nothing.
 */
export function byScript(text: string): string | null {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const letters = count(LETTER);
  if (!letters) return null;
  const share = (re: RegExp) => count(re) / letters;
  if (share(/\p{Script=Cyrillic}/gu) > 0.5) {
    if (/[іїєґІЇЄҐ]/u.test(text)) return "uk";
    if (/[ыэёЫЭЁ]/u.test(text)) return "ru";
    return null;
  }
  if (share(/\p{Script=Greek}/gu) > 0.5) return "el";
  if (share(/\p{Script=Hangul}/gu) > 0.5) return "ko";
  if (share(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > 0.2) return "ja";
  if (share(/\p{Script=Han}/gu) > 0.5) return "zh";
  if (share(/\p{Script=Hebrew}/gu) > 0.5) return "he";
  if (share(/\p{Script=Thai}/gu) > 0.5) return "th";
  if (share(/\p{Script=Georgian}/gu) > 0.5) return "ka";
  if (share(/\p{Script=Armenian}/gu) > 0.5) return "hy";
  return null;
}
