import type { ZodError } from "zod";
// zod's own messages in the house style, set once for every schema (imported wherever errors are made).
import "@/lib/validation/zod-messages";
import { fieldErrors } from "@/lib/http/problem";
import { zodFieldCodes, type CodeParams, type ErrorCode, type FieldCodes } from "@/lib/http/error-codes";

/**
 * Errors the domain raises on purpose. Routes map them to problem+json and
 * pages to inline messages; anything else is a bug and becomes a 500.
 */
export type FieldErrors = Record<string, string>;

/**
 * A sentence the domain writes by hand, with the machine code (and the values it names) the UI says
 * it by in the reader's language (`ui.apiErrors.<code>`); the English stays what the API answers.
 */
export interface Said {
  en: string;
  code: ErrorCode;
  params?: CodeParams;
}

export const said = (code: ErrorCode, en: string, params?: CodeParams): Said => (params ? { en, code, params } : { en, code });

/** A message as given: plain English (the UI falls back to a generic lead with it) or said with its code. */
export type Message = string | Said;

const english = (m: Message) => (typeof m === "string" ? m : m.en);

export class DomainError extends Error {
  /** Each field's English message (problem+json `errors`). */
  readonly fields: FieldErrors;
  /** Extra members for the problem+json body (e.g. `currentVersion` on a stale write; `code`, `codeParams`, `fieldCodes`). */
  readonly extra: Record<string, unknown>;

  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 429,
    message: Message,
    fields: Record<string, Message> = {},
    extra: Record<string, unknown> = {},
  ) {
    super(english(message));
    // Maps, then own properties: a field named "__proto__" stays a field.
    this.fields = Object.fromEntries(new Map(Object.entries(fields).map(([k, v]) => [k, english(v)])));
    const coded = Object.entries(fields).filter((e): e is [string, Said] => typeof e[1] !== "string");
    const out = { ...extra };
    if (typeof message !== "string") {
      out.code = message.code;
      if (message.params) out.codeParams = message.params;
    }
    if (coded.length) {
      const given = (extra.fieldCodes ?? {}) as FieldCodes;
      out.fieldCodes = Object.fromEntries(new Map([...Object.entries(given), ...coded.map(([k, v]) => [k, v.params ? { code: v.code, params: v.params } : { code: v.code }] as const)]));
    }
    this.extra = out;
  }
}

export const notFound = (what: Message = "Not found") => new DomainError(404, what);
export const forbidden = (why: Message = "You don't have permission to do that.") => new DomainError(403, why);
export const conflict = (why: Message, fields: Record<string, Message> = {}, extra: Record<string, unknown> = {}) => new DomainError(409, why, fields, extra);
export const invalid = (why: Message, fields: Record<string, Message> = {}) => new DomainError(400, why, fields);
export const unprocessable = (why: Message, fields: Record<string, Message> = {}) => new DomainError(422, why, fields);

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
