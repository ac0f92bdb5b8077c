/**
 * A language code as people read it ("ru" → "Russian", "pt-BR" → "Brazilian Portuguese"), named in
 * `locale` (the viewer's: "ru" → "русский" in Russian); the code itself when Intl doesn't know it.
 */
export function languageName(code: string, locale = "en"): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}
