// Preloaded (node --import) into the Next.js server process by scripts/lib/serve.ts.
// Next's `start` creates its http.Server itself, so what we need of that server is
// set here, on the server as it is made:
// - keepAliveTimeout, and headersTimeout above it (Next lets us set only the first);
// - X-Claimtrail-Peer: the connection's own address, written over whatever the
//   client sent. Route handlers can't see the socket, and X-Forwarded-For is the
//   client's to write when no proxy sits in front, so sign-in throttling reads the
//   address from here (lib/auth/client-address.ts).
import http from "node:http";

export const PEER_HEADER = "x-claimtrail-peer";

const keepAlive = Number(process.env.CLAIMTRAIL_KEEP_ALIVE_TIMEOUT_MS);
const createServer = http.createServer;
http.createServer = function createClaimtrailServer(...args) {
  const server = createServer.apply(this, args);
  if (Number.isInteger(keepAlive) && keepAlive > 0) {
    server.keepAliveTimeout = keepAlive;
    server.headersTimeout = keepAlive + 1000;
  }
  // Runs before Next's own request listener.
  server.prependListener("request", (req) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  });
  return server;
};
