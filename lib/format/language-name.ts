/** A language code as people read it ("ru" → "Russian", "pt-BR" → "Brazilian Portuguese"); the code itself when Intl doesn't know it. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}
