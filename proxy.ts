import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER, requestPathOf } from "@/lib/auth/return-path";
import { isMalformedPath, malformedPathResponse, wantsPage } from "@/lib/http/malformed-path";
import { contentSecurityPolicy, isForeignMutation, isTokenRequest, responseSecurityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const securityHeaders = responseSecurityHeaders(request.headers, request.url);
  if (isMalformedPath(request.nextUrl.pathname)) {
    const res = malformedPathResponse(wantsPage(request.nextUrl.pathname, request.headers.get("accept")));
    for (const [name, value] of Object.entries(securityHeaders)) res.headers.set(name, value);
    return res;
  }
  if (!isTokenRequest(request.nextUrl.pathname, request.headers) && isForeignMutation(request.method, request.headers, request.url)) {
    return new NextResponse(
      JSON.stringify({ type: "about:blank", title: "Forbidden", status: 403, detail: "Cross-site requests are not allowed." }),
      { status: 403, headers: { "content-type": "application/problem+json", ...securityHeaders } },
    );
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The address asked for, query included, for a sign-in redirect to come back to (lib/auth/session.ts); any sent by the client is replaced.
  requestHeaders.set(REQUEST_PATH_HEADER, requestPathOf(request.nextUrl));
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  return response;
}

/**
 * Every path but static files and the bundle import: Next.js reads a request's whole body (up to
 * proxyClientMaxBodySize, and cuts it off there) before a proxy runs, and a bundle is streamed
 * (hundreds of MB). That route applies this proxy's checks itself (lib/http/unproxied.ts).
 */
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/w/[^/]+/import-bundle$).*)"],
};
