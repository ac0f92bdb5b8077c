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

/** next.config.js's fixed security headers, set here too: an answer the proxy gives is sent before they would be. */
const FIXED_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

/** A problem+json the proxy answers itself, before routing, with the fixed security headers. */
export function earlyProblem(status: number, detail: string, errors?: Record<string, string>, extra?: Record<string, unknown>): Response {
  return problem(status, detail, errors, FIXED_HEADERS, extra);
}

export function malformedPathResponse(): Response {
  return earlyProblem(400, "The URL path is not valid: its percent-encoding is malformed.");
}
