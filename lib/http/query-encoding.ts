/**
 * A query string's percent-encoding, checked where it is still as sent: by
 * proxy.ts for every API request (by the time a route handler runs, Next.js has
 * rebuilt the URL with U+FFFD for bytes that are no UTF-8) and by the pipeline
 * (checkQuery) for callers that reach a handler directly. Client-safe, no imports.
 */
export const BAD_ENCODING_MESSAGE = "Not valid UTF-8: percent-encoded bytes that are no character (e.g. an encoded lone surrogate).";

/**
 * Parameters whose percent-encoding isn't UTF-8 (%FF, %ED%A0%80 — a lone
 * surrogate —, a cut %E0%A4): URLSearchParams turns them into U+FFFD
 * silently, changing what was sent, so they are found in the raw query. A
 * lone % not followed by two hex digits is kept as written, as URLSearchParams does.
 */
export function badlyEncoded(search: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!search.includes("%")) return errors;
  const decode = (raw: string) => decodeURIComponent(raw.replace(/\+/g, " ").replace(/%(?![0-9A-Fa-f]{2})/g, "%25"));
  for (const part of search.replace(/^\?/, "").split("&")) {
    const eq = part.indexOf("=");
    let name: string;
    try {
      name = decode(eq < 0 ? part : part.slice(0, eq));
    } catch {
      errors._ = BAD_ENCODING_MESSAGE;
      continue;
    }
    try {
      if (eq >= 0) decode(part.slice(eq + 1));
    } catch {
      errors[name] = BAD_ENCODING_MESSAGE;
    }
  }
  return errors;
}

