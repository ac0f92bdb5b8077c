import { z } from "zod";

/**
 * Ids and slugs in paths, bodies and filters: the app's own are cuids and
 * slugs ([a-z0-9-]), so anything else (NUL, slashes, spaces, 5,000
 * characters) is refused before it reaches a query. Client-safe.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isId(s: string): boolean {
  return ID_PATTERN.test(s);
}

/** An id (trimmed), with the message to show when it is missing or malformed. */
export function id(message = "Give a valid id.") {
  return z.string({ error: message }).trim().min(1, message).regex(ID_PATTERN, message);
}
