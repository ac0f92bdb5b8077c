/** A language code as people read it, in the reader's language ("ru" → "Russian" / «русский»); the code itself when Intl doesn't know it. */
export function languageName(code: string, locale = "en"): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}
