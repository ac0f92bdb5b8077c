/**
 * Whether an error means "the database is unreachable right now" rather than
 * "this request is wrong" or "this is a bug": the request pipeline answers
 * those with 503 and Retry-After, since the same request may well succeed a
 * moment later (a restarted or failed-over server, a full connection pool).
 *
 * The same failure reaches us in several wrappings: node-postgres raises the
 * server's error (SQLSTATE in `code`) or the socket's (`ECONNREFUSED`...), or
 * a plain Error ("Connection terminated unexpectedly"); Prisma's pg adapter
 * turns those into a DriverAdapterError (`cause.kind`, `cause.originalCode`),
 * which the client rethrows as a PrismaClientKnownRequestError (P1001, P1017…)
 * holding it in `meta.driverAdapterError`, or as an initialization error
 * (`errorCode`). We walk every wrapping rather than trust one shape.
 */

/** SQLSTATEs: class 08 (connection exception), shutdown/startup (57P01-57P03), too many connections (53300). */
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "08007", "08P01", "57P01", "57P02", "57P03", "53300"]);

/** Node socket and DNS errors on the way to the server. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** Prisma: can't reach the server, timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** @prisma/driver-adapter-utils error kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** node-postgres raises these without a code. */
const PG_MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Cannot use a pool after calling end on the pool/i,
];

type Bag = Record<string, unknown>;
const isObject = (v: unknown): v is Bag => typeof v === "object" && v !== null;

function matches(e: Bag): boolean {
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (SQLSTATES.has(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
  if (typeof e.errorCode === "string" && PRISMA_CODES.has(e.errorCode)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.originalCode === "string" && (SQLSTATES.has(e.originalCode) || SOCKET_CODES.has(e.originalCode))) return true;
  // A postgres-kind adapter error carries the SQLSTATE only as originalCode (checked above).
  const message = typeof e.message === "string" ? e.message : "";
  return PG_MESSAGES.some((re) => re.test(message));
}

/** Whether `test` holds for the error or anything it wraps (cause, Prisma's meta, AggregateError's errors). */
function anyWrapping(err: unknown, test: (e: Bag) => boolean): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift();
    if (!isObject(e) || seen.has(e)) continue;
    seen.add(e);
    if (test(e)) return true;
    queue.push(e.cause);
    if (isObject(e.meta)) queue.push(e.meta.driverAdapterError, e.meta.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors); // AggregateError (e.g. connecting to every address of localhost)
  }
  return false;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  return anyWrapping(err, matches);
}

/**
 * A transaction the database rolled back for reasons of timing, not of the request: Prisma's interactive
 * transaction outlived its timeout or couldn't start within maxWait (P2028: on a loaded machine a first
 * request on a cold connection can take seconds), or PostgreSQL chose it as a serialization or deadlock
 * victim (40001, 40P01). Nothing of it was written, so the same request may simply be sent again.
 */
const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);

export function isRetryableTransactionFailure(err: unknown): boolean {
  return anyWrapping(err, (e) => {
    const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : undefined;
    return code === "P2028" || (code !== undefined && RETRYABLE_SQLSTATES.has(code));
  });
}

/** Seconds a client should wait before retrying after a 503 for an unavailable database or a rolled-back transaction. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * A write that lost a race the use case doesn't lock against: the row it updates or deletes was deleted
 * by a request committed meanwhile (P2025), or another request stored the same unique key first (P2002,
 * SQLSTATE 23505). Use cases serialise the races they know (the glossary's advisory lock); this is the
 * net under the others, so a race is a 404 or 409 to send again, never a 500 (issue 14's tester, N14b-1).
 */
export function lostWriteRace(err: unknown): "gone" | "taken" | null {
  let found: "gone" | "taken" | null = null;
  anyWrapping(err, (e) => {
    const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : undefined;
    if (code === "P2025") found = "gone";
    else if (code === "P2002" || code === "23505") found = "taken";
    return found !== null;
  });
  return found;
}
