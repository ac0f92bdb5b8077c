/** Where the app is when nothing says otherwise: `next start`'s own address. */
const LOCAL_ORIGIN = "http://localhost:3000";

/**
 * A path of the app as people reach it (no trailing slash; the bare address for ""): on APP_URL, else
 * NEXTAUTH_URL, else the request's own origin when there is a request, else http://localhost:3000.
 * Every link that leaves the app uses it (e-mails, exports, invite links someone copies to a colleague),
 * because behind a proxy the request's own URL is the server's (http://localhost:3000), not the one people open.
 */
export function publicUrl(path = "", requestUrl?: string): string {
  const configured = process.env.APP_URL || process.env.NEXTAUTH_URL;
  const base = configured ? configured.replace(/\/+$/, "") : requestUrl ? new URL(requestUrl).origin : LOCAL_ORIGIN;
  // Appended rather than resolved, so an address with a path of its own (a proxy's prefix) keeps it.
  return path ? `${base}${path.startsWith("/") ? path : `/${path}`}` : base;
}
