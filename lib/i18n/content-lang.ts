import { byScript } from "@/lib/articles/import/script-language";

/**
 * The `lang` to put on a text shown inside the UI when it may be in another language than the UI: an
 * English statement on a Russian page must be read by a screen reader with English pronunciation
 * (WCAG 3.1.2, Language of Parts; issue 14's tester, X51). Undefined when the text is in the page's
 * language (the element then inherits `<html lang>`).
 *
 * `known` is the language the app stored (an article's, a claim's) and wins. Otherwise the script
 * decides, for the languages a Claimtrail desk writes: Latin letters are English; Cyrillic with
 * Ukrainian-only or Russian-only letters is that language; other Cyrillic is the UI's language when the
 * UI is Russian or Ukrainian, and Russian under an English UI (the likelier of the two).
 */
export function contentLang(text: string, uiLocale: string, known?: string | null): string | undefined {
  const base = (code: string) => code.toLowerCase().split("-")[0];
  const lang = known || guess(text, uiLocale);
  return lang && base(lang) !== base(uiLocale) ? lang : undefined;
}

function guess(text: string, uiLocale: string): string | null {
  const byLetters = byScript(text);
  if (byLetters) return byLetters;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (!letters) return null;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin / letters > 0.5) return "en";
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (cyrillic / letters > 0.5) return uiLocale === "ru" || uiLocale === "uk" ? uiLocale : "ru";
  return null;
}
