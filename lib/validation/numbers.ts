import { z } from "zod";

/**
 * Integers that fit the column they go to: PostgreSQL `integer` ends at
 * 2,147,483,647, and a larger value (revision=99999999999) makes the query
 * fail instead of answering "no such revision". Client-safe.
 */
export const PG_INT_MAX = 2_147_483_647;

/** An integer in [min, max], max at most PG_INT_MAX. */
export function boundedInt(min: number, max = PG_INT_MAX, message?: string) {
  return z.int(message ? { error: message } : undefined).min(min, message).max(Math.min(max, PG_INT_MAX), message);
}
