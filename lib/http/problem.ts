import type { ZodError } from "zod";
import type { FieldErrors } from "@/lib/errors";

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
 */
export function problem(status: number, detail: string, errors?: FieldErrors, headers?: HeadersInit, extra?: Record<string, unknown>): Response {
  const body = { ...extra, type: "about:blank", title: TITLES[status] ?? "Error", status, detail, ...(errors && Object.keys(errors).length ? { errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

/** Zod issues as one message per field path ("email", "tags.2"), first issue wins. */
export function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    out[key] ??= issue.message;
  }
  return out;
}
