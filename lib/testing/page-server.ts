import http from "node:http";
import type { AddressInfo } from "node:net";

/** One route of the loopback page server: status, headers and body, or a raw handler. */
export type PageRoute = { status?: number; type?: string; headers?: Record<string, string>; body?: string | Buffer } | ((req: http.IncomingMessage, res: http.ServerResponse) => void);

export interface PageServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** 127.0.0.1:<port>, for IMPORT_ALLOW_HOSTS. */
  host: string;
  /** How many requests each path has had. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * The other side of URL imports in tests: a real HTTP server on loopback
 * serving the pages a test writes, so fetching, redirects, limits and
 * extraction are exercised over the wire.
 */
export async function startPageServer(routes: Record<string, PageRoute>, port = 0): Promise<PageServer> {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
      return;
    }
    if (typeof route === "function") return route(req, res);
    res.writeHead(route.status ?? 200, { "content-type": route.type ?? "text/html; charset=utf-8", ...route.headers });
    res.end(route.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    host: `127.0.0.1:${bound}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
