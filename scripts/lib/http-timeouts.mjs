// Preloaded (node --import) into the Next.js server process by scripts/lib/serve.ts.
// Next's `start` creates its http.Server itself and lets us set only keepAliveTimeout;
// headersTimeout must be above it too, so both are set here, on the server as it is made.
import http from "node:http";

const keepAlive = Number(process.env.CLAIMTRAIL_KEEP_ALIVE_TIMEOUT_MS);
if (Number.isInteger(keepAlive) && keepAlive > 0) {
  const createServer = http.createServer;
  http.createServer = function createServerWithTimeouts(...args) {
    const server = createServer.apply(this, args);
    server.keepAliveTimeout = keepAlive;
    server.headersTimeout = keepAlive + 1000;
    return server;
  };
}
