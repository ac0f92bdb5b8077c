import { contentSecurityPolicy, isForeignMutation, responseSecurityHeaders } from "./security-headers";
import type { RouteContext } from "./pipeline";

type Handler = (req: Request, ctx: RouteContext) => Promise<Response>;

/**
 * For a route proxy.ts doesn't run on (its matcher leaves it out: a streamed
 * upload, whose body Next.js would otherwise read whole first): the proxy's
 * checks and headers, applied here. A cross-site cookie mutation is a 403;
 * every answer gets the security headers and a CSP, and every refusal closes
 * the connection.
 */
export function unproxied(handler: Handler): Handler {
  return async (req, ctx) => {
    const security = responseSecurityHeaders(req.headers, req.url);
    const res = isForeignMutation(req.method, req.headers, req.url)
      ? new Response(JSON.stringify({ type: "about:blank", title: "Forbidden", status: 403, detail: "Cross-site requests are not allowed." }), {
          status: 403,
          headers: { "content-type": "application/problem+json" },
        })
      : await handler(req, ctx);
    // A refusal may come before the body has been read to its end (bytes that aren't UTF-8, JSON that breaks off, a
    // cross-site request): the rest of it is still on its way, and the connection can't carry the client's next request
    // until it has come. Closed after the answer, the next request goes on a new connection at once (black-box, session
    // 36: the browser's next import on the same connection waited 62–66 s, until the server's header timeout).
    if (res.status >= 400) res.headers.set("connection", "close");
    res.headers.set("Content-Security-Policy", contentSecurityPolicy(Buffer.from(crypto.randomUUID()).toString("base64"), process.env.NODE_ENV === "development"));
    for (const [name, value] of Object.entries(security)) res.headers.set(name, value);
    return res;
  };
}
