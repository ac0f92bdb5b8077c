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
