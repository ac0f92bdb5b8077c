import { db } from "@/lib/db/client";

/**
 * Per-token fixed-window rate limit, counted in PostgreSQL (ApiRateWindow) so
 * that every app instance on the database shares one count.
 */
export const WINDOW_SECONDS = 60;

/** Requests per token per minute; API_RATE_LIMIT overrides. */
export function rateLimit(): number {
  const n = Number(process.env.API_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : 600;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export function windowStart(now: Date): Date {
  const ms = WINDOW_SECONDS * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/**
 * Counts one request against the token's current window (one atomic upsert) and says whether it is allowed.
 *
 * The upsert commits without waiting for its WAL to reach the disk (synchronous_commit off for this
 * transaction only, set in the same statement: one round trip). It is the only write of an API read, so a
 * synchronous commit made every GET wait for an fsync, which takes as long as the disk is busy, e.g. while a
 * checkpoint writes out a large database: wall time the request's own work doesn't explain. Counts of the last
 * moment before a database crash may be lost, which a per-minute limit can afford; the count stays atomic
 * and shared by every instance.
 */
export async function consumeRequest(tokenId: string, now = new Date(), limit = rateLimit()): Promise<RateDecision> {
  const start = windowStart(now);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    WITH async AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO "ApiRateWindow" ("tokenId", "windowStart", "count") SELECT ${tokenId}::text, ${start}::timestamp(3), 1 FROM async
    ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  const count = Number(row.count);
  // The first request of a window clears the token's earlier windows.
  if (count === 1) await db.apiRateWindow.deleteMany({ where: { tokenId, windowStart: { lt: start } } });
  const resetSeconds = Math.max(1, Math.ceil((start.getTime() + WINDOW_SECONDS * 1000 - now.getTime()) / 1000));
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds };
}
