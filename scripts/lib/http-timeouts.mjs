// Preloaded (node --import) into the Next.js server process by scripts/lib/serve.ts.
// Next's `start` creates its http.Server itself, so what we need of that server is
// set here, on the server as it is made:
// - keepAliveTimeout, and headersTimeout above it (Next lets us set only the first);
// - X-Claimtrail-Peer: the connection's own address, written over whatever the
//   client sent. Route handlers can't see the socket, and X-Forwarded-For is the
//   client's to write when no proxy sits in front, so sign-in throttling reads the
//   address from here (lib/auth/client-address.ts);
// - problem+json for requests Node itself refuses before Next sees them (an address over
//   16 KB is a 431), where Node's default answer has no body;
// - X-Claimtrail-Dropped-Params: the query's parameters Next.js will drop before any route or
//   page sees them (a name `__proto__`: Next builds the query as a plain object, where that name
//   sets nothing), so the query checks can refuse them (lib/http/pipeline.ts checkQuery).
import http from "node:http";

export const PEER_HEADER = "x-claimtrail-peer";
export const DROPPED_PARAMS_HEADER = "x-claimtrail-dropped-params";

/** The names in a raw request target's query that a plain object can't hold as keys. */
export function droppedParams(target) {
  const at = typeof target === "string" ? target.indexOf("?") : -1;
  if (at < 0) return [];
  try {
    return new URLSearchParams(target.slice(at + 1)).has("__proto__") ? ["__proto__"] : [];
  } catch {
    return [];
  }
}

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
    // Written here only: a client's own is removed.
    const dropped = droppedParams(req.url);
    if (dropped.length) req.headers[DROPPED_PARAMS_HEADER] = dropped.join(",");
    else delete req.headers[DROPPED_PARAMS_HEADER];
  });
  server.on("clientError", answerClientError);
  return server;
};

/** Node's own answers to a request it can't parse, as problem+json: the API's errors all are (X16). */
const CLIENT_ERRORS = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "The address and headers are over the server's 16 KB limit. Send long texts in a request body instead: the suggestion endpoints take POST."],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, "Payload Too Large", "The request's chunk extensions are too large."],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "The request took too long to arrive."],
};

/**
 * What Node does when a connection sends something that isn't a request it can read (an address over its
 * header limit, a malformed request line), with a problem+json body instead of an empty one. Listening to
 * `clientError` replaces Node's default, which this repeats: answer if nothing was sent yet, then close.
 */
function answerClientError(err, socket) {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy(err);
    return;
  }
  if (!socket._httpMessage?.headersSent) {
    const [status, title, detail] = CLIENT_ERRORS[err.code] ?? [400, "Bad Request", "The request could not be read as HTTP."];
    const body = JSON.stringify({ type: "about:blank", title, status, detail });
    socket.write(`HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
