/**
 * Where to send someone after sign-in: only a path on this site. An open
 * redirect after sign-in helps phishing, and browsers are lenient: they drop
 * tab, CR and LF anywhere in a URL and read `\` as `/`, so `/\t/evil.example`
 * and `/\evil.example` both mean `//evil.example` (another host). So the value
 * is resolved the way a browser would, against a placeholder origin, and kept
 * only when it stays on that origin; what is returned is the normalised path,
 * never the raw input.
 */
const PLACEHOLDER = "http://claimtrail.invalid";

export function safeReturnPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/")) return fallback;
  // Control characters and backslashes have no business in a path we produce; refuse rather than guess.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example": protocol-relative once more.
  if (path.startsWith("//")) return fallback;
  return path;
}

/**
 * next-auth's redirect callback: relative paths and absolute URLs on our own
 * origin become a safe URL on `baseUrl`; anything else goes to `baseUrl`.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let candidate = url;
  if (!url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      if (absolute.origin !== base.origin) return baseUrl;
      candidate = `${absolute.pathname}${absolute.search}${absolute.hash}`;
    } catch {
      return baseUrl;
    }
  }
  const path = safeReturnPath(candidate, "");
  if (!path) return baseUrl;
  // baseUrl may carry a base path (e.g. https://example.org/claims); keep it.
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/**
 * The request header proxy.ts sets on every page request to the path and query
 * asked for, so a sign-in redirect from a layout or page (which don't get the
 * query) comes back to the very address: the bookmarklet's
 * `/w/…/import?url=…&quote=…` lost its query on the way through sign-in.
 * proxy.ts always overwrites it, and it is read through safeReturnPath.
 */
export const REQUEST_PATH_HEADER = "x-claimtrail-path";

/** Path and query of a request as sent (encoding untouched), without Next.js's own `_rsc` cache-busting parameter. */
export function requestPathOf(url: URL): string {
  const query = url.search
    .slice(1)
    .split("&")
    .filter((part) => part && !/^_rsc(?:=|$)/.test(part))
    .join("&");
  return `${url.pathname}${query ? `?${query}` : ""}`;
}
