import { createHash } from "node:crypto";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { problem } from "./problem";

/**
 * `Idempotency-Key` for POSTs (draft-ietf-httpapi-idempotency-key-header):
 * a client that lost the answer to a POST sends it again with the same key
 * and gets the stored answer instead of a second write. Kept in PostgreSQL,
 * so every instance behind the load balancer sees every key.
 *
 * - first request with a key: runs, and its answer (status < 500) is stored;
 * - same key, same request, answered: the stored answer, `Idempotent-Replayed: true`;
 * - same key, same request, still running: 409 with Retry-After;
 * - same key, another method, path or body: 422;
 * - a 5xx answer or a thrown error is not stored, so the client's retry runs again.
 *
 * Keys are per actor (the API token or user), and expire after 24 hours.
 *
 * Limit: the answer is stored just after `run` has committed its own write.
 * If the instance dies between the two, the key stays "in flight" until it is
 * taken over after IN_FLIGHT_TAKEOVER_MS, and that retry writes again.
 */

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A request can't still be running after this (the proxy and the client have long given up), so its key is free again. */
export const IN_FLIGHT_TAKEOVER_MS = 5 * 60 * 1000;

/** 1-255 visible ASCII characters (a UUID, typically). */
export const idempotencyKeySchema = z
  .string()
  .min(1, "Idempotency-Key is empty.")
  .max(255, "Idempotency-Key is longer than 255 characters.")
  .regex(/^[\x20-\x7e]+$/, "Idempotency-Key may hold only visible ASCII characters.");

export interface IdempotentRequest {
  /** The header's value, as received (validated here). */
  key: string;
  /** Whose key it is: the API token's id (or the user's). */
  actorId: string;
  method: string;
  path: string;
  /** SHA-256 hex of the request body, e.g. from `hashBody`. */
  bodyHash: string;
}

export function hashBody(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

/** Headers that describe this one transmission or another party, not the answer. */
const NOT_STORED = new Set(["set-cookie", "connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

export async function withIdempotency(request: IdempotentRequest, run: () => Promise<Response>): Promise<Response> {
  const parsedKey = idempotencyKeySchema.safeParse(request.key);
  if (!parsedKey.success) {
    return problem(400, parsedKey.error.issues[0].message, { [IDEMPOTENCY_HEADER]: parsedKey.error.issues[0].message });
  }
  const { actorId, method, path, bodyHash } = request;
  const key = parsedKey.data;
  const now = Date.now();
  // Expired keys go first, so an old key can be used afresh; the index on createdAt keeps this cheap.
  await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now - IDEMPOTENCY_TTL_MS) } } });

  const { count } = await db.idempotencyKey.createMany({
    data: [{ actorId, key, method, path, requestHash: bodyHash }],
    skipDuplicates: true,
  });
  let id: string;
  if (count === 1) {
    id = (await db.idempotencyKey.findUniqueOrThrow({ where: { actorId_key: { actorId, key } }, select: { id: true } })).id;
  } else {
    const row = await db.idempotencyKey.findUnique({ where: { actorId_key: { actorId, key } } });
    if (!row) return withIdempotency(request, run); // expired and pruned in between: start over
    if (row.method !== method || row.path !== path || row.requestHash !== bodyHash) {
      return problem(422, "This Idempotency-Key was already used for a different request. Use a new key for a new request.", {
        [IDEMPOTENCY_HEADER]: "Already used for a different request.",
      });
    }
    if (row.status !== null) return replay(row);
    // Still in flight, unless whoever took it has long died: then take it over (compare-and-set on lockedAt).
    const taken = await db.idempotencyKey.updateMany({
      where: { id: row.id, status: null, lockedAt: { lt: new Date(now - IN_FLIGHT_TAKEOVER_MS) } },
      data: { lockedAt: new Date(now) },
    });
    if (taken.count === 0) {
      return problem(409, "A request with this Idempotency-Key is still being processed. Retry shortly to get its answer.", { [IDEMPOTENCY_HEADER]: "Still being processed." }, { "retry-after": "1" });
    }
    id = row.id;
  }

  let response: Response;
  try {
    response = await run();
  } catch (err) {
    await release(id);
    throw err;
  }
  if (response.status >= 500) {
    await release(id);
    return response;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!NOT_STORED.has(name)) headers.push([name, value]);
  });
  await db.idempotencyKey.updateMany({
    where: { id, status: null },
    data: { status: response.status, headers: headers as unknown as Prisma.InputJsonArray, body, completedAt: new Date() },
  });
  return new Response(body.byteLength ? body : null, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** The key is free again: the client's retry runs the request anew. */
async function release(id: string) {
  // Best effort: if the database is what failed, the original error matters, and the key is taken over later.
  await db.idempotencyKey.deleteMany({ where: { id, status: null } }).catch(() => undefined);
}

function replay(row: { status: number | null; headers: Prisma.JsonValue; body: Uint8Array | null }): Response {
  const headers = new Headers((row.headers as [string, string][] | null) ?? []);
  headers.set("idempotent-replayed", "true");
  const body = row.body && row.body.byteLength ? new Uint8Array(row.body) : null;
  return new Response(body, { status: row.status!, headers });
}
