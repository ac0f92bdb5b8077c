import type { ZodError } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { fieldCodeForStatus, issueKeys, rankedIssues, statusCode, type FieldCodes } from "./error-codes";

const TITLES: Record<number, string> = {
  400: "Invalid request",
  401: "Sign-in required",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Content too large",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

/**
 * An RFC 9457 problem+json response; `errors` names each offending field.
 * `extra` adds extension members; it can't override the standard ones.
 * `code` and `fieldCodes` are the machine codes the UI translates (lib/http/error-codes.ts):
 * from `extra` when the maker knows them (zod issues), else from the status.
 */
export function problem(status: number, detail: string, errors?: FieldErrors, headers?: HeadersInit, extra?: Record<string, unknown>): Response {
  const hasErrors = !!errors && Object.keys(errors).length > 0;
  const code = typeof extra?.code === "string" ? extra.code : statusCode(status, extra);
  const given = (extra?.fieldCodes ?? {}) as FieldCodes;
  // Own keys only: a field named "constructor" or "__proto__" would otherwise find Object's.
  const fieldCodes = hasErrors ? Object.fromEntries(Object.keys(errors).map((k) => [k, (Object.hasOwn(given, k) ? given[k] : undefined) ?? fieldCodeForStatus(status)])) : undefined;
  const body = {
    ...extra,
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(code ? { code } : {}),
    ...(hasErrors ? { errors, fieldCodes } : { fieldCodes: undefined }),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

/** Zod issues' codes, keyed like fieldErrors. */
export { zodFieldCodes } from "./error-codes";

/** A key a strict object doesn't take, named on its own (zod's message names it inside the object). */
export const UNKNOWN_FIELD_MESSAGE = "Not taken here: check the spelling, or leave it out.";

/** Zod issues as one message per field path ("email", "tags.2"), first issue wins. */
export function fieldErrors(error: ZodError): FieldErrors {
  // A Map, then own properties: a body key named "__proto__" is named like any other, not lost to the prototype.
  const out = new Map<string, string>();
  for (const issue of rankedIssues(error.issues)) {
    for (const key of issueKeys(issue)) if (!out.has(key)) out.set(key, issue.code === "unrecognized_keys" ? UNKNOWN_FIELD_MESSAGE : issue.message);
  }
  return Object.fromEntries(out);
}
