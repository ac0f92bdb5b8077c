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

function firstValue(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}

/** Whether the app is served over https: its public URL says so, or this request came over https. */
export function isHttps(headers: Headers, requestUrl: string, publicUrl = process.env.NEXTAUTH_URL): boolean {
  if (publicUrl?.startsWith("https://")) return true;
  const proto = firstValue(headers.get("x-forwarded-proto")) ?? new URL(requestUrl).protocol.replace(/:$/, "");
  return proto.toLowerCase() === "https";
}

/**
 * Cookie-authenticated mutations must come from our own pages. A browser
 * always sends Origin on a cross-site POST/PATCH/DELETE; a foreign one is
 * refused. Scheme, host and port must all match: a page at `http://host`
 * (which anyone on the network can rewrite) is foreign to an https app.
 */
export function isForeignMutation(method: string, headers: Headers, requestUrl: string, publicUrl = process.env.NEXTAUTH_URL): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  // Without Origin (older browsers, some same-origin requests), the Referer's origin stands in for it;
  // with neither, it isn't a browser acting for someone else (a browser sends one on a cross-site write).
  const origin = headers.get("origin") ?? refererOrigin(headers.get("referer"));
  if (!origin) return false;
  if (origin === "null") return true;
  const host = firstValue(headers.get("x-forwarded-host")) ?? headers.get("host") ?? new URL(requestUrl).host;
  const scheme = isHttps(headers, requestUrl, publicUrl) ? "https" : "http";
  try {
    return new URL(origin).origin !== new URL(`${scheme}://${host}`).origin;
  } catch {
    return true;
  }
}

function refererOrigin(referer: string | null): string | null {
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return "null";
  }
}

/** Browser features the app never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()";

/** HSTS for an https app: a year, this host only (an operator's other subdomains may not be on https). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/** Headers proxy.ts adds to every page and API response. */
export function responseSecurityHeaders(headers: Headers, requestUrl: string, publicUrl = process.env.NEXTAUTH_URL): Record<string, string> {
  return {
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(isHttps(headers, requestUrl, publicUrl) ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/** JSON carrying a secret shown once (a new API token, an invite link): no cache, shared or private, may keep a copy. */
export function secretJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
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
