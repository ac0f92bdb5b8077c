import type { ZodError } from "zod";
import { fieldErrors } from "@/lib/http/problem";
import { zodFieldCodes, type FieldCodes } from "@/lib/http/error-codes";

/**
 * Errors the domain raises on purpose. Routes map them to problem+json and
 * pages to inline messages; anything else is a bug and becomes a 500.
 */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 429,
    message: string,
    readonly fields: FieldErrors = {},
    /** Extra members for the problem+json body (e.g. `currentVersion` on a stale write). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = "Not found") => new DomainError(404, what);
export const forbidden = (why = "You don't have permission to do that.") => new DomainError(403, why);
export const conflict = (why: string, fields: FieldErrors = {}, extra: Record<string, unknown> = {}) => new DomainError(409, why, fields, extra);
export const invalid = (why: string, fields: FieldErrors = {}) => new DomainError(400, why, fields);
export const unprocessable = (why: string, fields: FieldErrors = {}) => new DomainError(422, why, fields);

/**
 * A 400 from a failed zod parse: the English message per field as before, and each field's
 * machine code (lib/http/error-codes.ts) for the UI to translate. `rename` maps a field path to
 * the name the caller reports it under (e.g. "metadata.title" → "title").
 */
export function invalidInput(why: string, error: ZodError, rename: (path: string) => string = (p) => p): DomainError {
  // Renamed through Maps, so a field named "__proto__" (a strict body naming it) stays an own key.
  const renamed = <T>(byPath: Record<string, T>) => {
    const out = new Map<string, T>();
    for (const [k, v] of Object.entries(byPath)) if (!out.has(rename(k))) out.set(rename(k), v);
    return Object.fromEntries(out);
  };
  const fields: FieldErrors = renamed(fieldErrors(error));
  const codes: FieldCodes = renamed(zodFieldCodes(error.issues));
  return new DomainError(400, why, fields, { fieldCodes: codes, code: "invalid_fields" });
}
