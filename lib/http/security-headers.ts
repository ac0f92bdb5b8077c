/**
 * Security headers. Every response gets the fixed headers in next.config.js;
 * everything proxy.ts sees (pages, API) also gets this per-request nonce CSP.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // React needs eval only in development, for its debugging stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // The editor and React set style attributes; a nonce can't cover those.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated mutations must come from our own pages. A browser
 * always sends Origin on a cross-site POST/PATCH/DELETE; a foreign one is refused.
 */
export function isForeignMutation(method: string, headers: Headers, requestUrl: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? new URL(requestUrl).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * /api/v1 requests authenticated by a bearer token. They carry no cookie
 * authority (those routes never read the session), and a browser can't add an
 * Authorization header to a cross-site request without a CORS preflight we
 * never grant, so the Origin check doesn't apply to them.
 */
export function isTokenRequest(pathname: string, headers: Headers): boolean {
  return (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) && /^Bearer\s+\S/i.test(headers.get("authorization") ?? "");
}
