import { findUnstorableText, text } from "./text";

/**
 * A page cursor as a query parameter. Cursors are opaque to clients
 * (base64url JSON, lib/api-v1/pagination and lib/claims/list-claims), but
 * input all the same: one whose content PostgreSQL can't take (a NUL, broken
 * Unicode) is refused here, naming `cursor`, before any list reads it. Each
 * list still checks that a cursor is one of its own. Client-safe (no Buffer).
 */
export function decodeBase64UrlJson(raw: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(raw) || raw.length % 4 === 1) return undefined;
  try {
    const binary = atob(raw.replaceAll("-", "+").replaceAll("_", "/").padEnd(Math.ceil(raw.length / 4) * 4, "="));
    const utf8 = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    return JSON.parse(utf8) as unknown;
  } catch {
    return undefined;
  }
}

export const cursorField = text()
  .max(500)
  .refine((raw) => {
    const value = decodeBase64UrlJson(raw);
    return value !== undefined && findUnstorableText(value) === null;
  }, { message: "Invalid cursor.", params: { code: "invalid_cursor" } });
