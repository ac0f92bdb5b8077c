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

const DETAIL = "The URL path is not valid: its percent-encoding is malformed.";

/**
 * A page of its own for a browser asking for a page (not an API path, HTML accepted): the problem+json showed it
 * `{"code":"path_malformed",…}` as text (black-box, session 31). Plain HTML, no script or style, as the policy
 * above allows: the app's pages can't render for a path the router can't read.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not a valid address · Claimtrail</title></head>
<body><main><h1>This address is not valid</h1><p>Part of it is encoded wrongly (its percent-encoding is malformed), so it can't lead to a page. Check the link you followed, or go to <a href="/">Claimtrail's start page</a>.</p></main></body></html>
`;

/** The 400, with next.config.js's fixed security headers set here too: it is answered before they would be. */
export function malformedPathResponse(page = false): Response {
  if (page) return new Response(PAGE, { status: 400, headers: { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS } });
  return problem(400, DETAIL, undefined, SECURITY_HEADERS, { code: "path_malformed" });
}

/** Whether the request is a browser's for a page: not an API path, and HTML accepted. */
export function wantsPage(pathname: string, accept: string | null): boolean {
  return !/^\/api(\/|$)/.test(pathname) && /\btext\/html\b/.test(accept ?? "");
}
