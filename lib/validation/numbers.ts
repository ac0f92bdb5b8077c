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

/**
 * A whole number in [min, max] given as a query parameter: digits only, so "1e2", "0x10", " 5" and "1.0"
 * (which `Number()` reads as 100, 16, 5 and 1) are refused rather than guessed at; a number is taken as it
 * is (code passes one). Every way it can be wrong gets the one message, naming the parameter and the range
 * (a coerced "abc" had been reported as “null”, the JSON of NaN).
 */
export function queryInt(label: string, min: number, max: number) {
  const message = `${label}: give a whole number from ${min} to ${max}.`;
  return z
    .union([z.number(), z.string().regex(/^[0-9]{1,16}$/).transform(Number)], { error: message })
    .pipe(z.int({ error: message }).min(min, message).max(max, message));
}
