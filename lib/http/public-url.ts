/**
 * The app's public address: APP_URL, else NEXTAUTH_URL (no trailing slash), or null when neither is set.
 * Links that leave the app (e-mails, exports, invite links someone copies to a colleague) use it, because
 * behind a proxy the request's own URL is the server's (http://localhost:3000), not the one people open.
 */
export function configuredBaseUrl(): string | null {
  const url = process.env.APP_URL || process.env.NEXTAUTH_URL;
  return url ? url.replace(/\/+$/, "") : null;
}

/** A path of the app as people reach it: on the configured address, else on the request's own origin. */
export function publicUrl(path: string, requestUrl: string): string {
  // Appended as the e-mails' links are, so an address with a path of its own (a proxy's prefix) keeps it.
  return `${configuredBaseUrl() ?? new URL(requestUrl).origin}${path.startsWith("/") ? path : `/${path}`}`;
}
