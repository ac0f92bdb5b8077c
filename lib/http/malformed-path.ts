import { problem } from "./problem";

/**
 * A path whose percent-encoding isn't valid UTF-8 (`/w/%E0%A4%A`, `/%ZZ`):
 * Next.js would fail decoding its params with a bare 500. proxy.ts answers
 * it with a 400 (and the usual headers) before routing.
 */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

/** The 400, with next.config.js's fixed security headers set here too: it is answered before they would be. */
export function malformedPathResponse(): Response {
  return problem(400, "The URL path is not valid: its percent-encoding is malformed.", undefined, SECURITY_HEADERS, { code: "path_malformed" });
}
