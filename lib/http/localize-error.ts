import type { CodeParams, ErrorCode, FieldCode, FieldCodes } from "./error-codes";

/** An error as the UI holds it (components/ui/api.ts's ApiError is one). */
export interface LocalizableError {
  message: string;
  fields: Record<string, string>;
  code?: string;
  /** The values the whole answer's code names (problem+json `codeParams`). */
  codeParams?: CodeParams;
  fieldCodes?: FieldCodes;
}

/** `ui.apiErrors`' translator, loosely typed: the keys are codes the server chose at run time. */
export interface ErrorTranslator {
  (key: string, values: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * The API's errors in the reader's language (the client hook components/ui/api-errors.ts and
 * server pages share this; client-safe). The API keeps its English `detail` and `errors` (scripts and API clients read
 * them) and adds machine codes (lib/http/error-codes.ts); here a known code becomes
 * `ui.apiErrors.<code>` (a field's: `ui.apiErrors.field.<code>`, camelCased) in the active locale, and an
 * unknown one keeps the server's English. In English the server's own, more precise text is shown
 * as it always was. A code that says no more than the English ("required", "not_found") replaces
 * it; for the vaguer ones ("invalid", "conflict") the translation leads and keeps the server's
 * reason ({detail}). A specific code (a hand-written refusal: "glossary_term_cyrillic", "url_timeout") says the
 * whole sentence with the values it names (`params`, `codeParams`), so no English is left in it.
 * A field's code is looked up under `field.` first, then among the whole answers' messages.
 */
export function localizeError<E extends LocalizableError>(error: E, locale: string, t: ErrorTranslator): E {
  if (locale === "en") return error;
  const fields = localizeFields(error.fields, error.fieldCodes, locale, t);
  const message = say(t, error.code ? { code: error.code as ErrorCode, params: error.codeParams } : undefined, error.message, false);
  return { ...error, message, fields };
}

/** Field messages alone (a server page showing a refused filter): each by its code, else as the server wrote it. */
export function localizeFields(fields: Record<string, string>, codes: FieldCodes | undefined, locale: string, t: ErrorTranslator): Record<string, string> {
  if (locale === "en") return fields;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, say(t, codes?.[k], v, true)]));
}

function say(t: ErrorTranslator, fc: FieldCode | undefined, english: string, field: boolean): string {
  if (!fc) return english;
  // Catalogue keys are camelCase ("too_long" → "tooLong").
  const name = fc.code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const key = field && t.has(`field.${name}`) ? `field.${name}` : name;
  if (!t.has(key)) return english;
  return t(key, { limit: fc.limit ?? 0, detail: english, ...fc.params });
}
