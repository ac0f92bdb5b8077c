import type { z } from "zod";
import { issueCode, type CodeParams, type ErrorCode, type FieldCode } from "@/lib/http/error-codes";

/**
 * One thing wrong with a bundle: where (a dotted path, e.g. "annotations.3.claimId") and what: the English
 * `message`, and its `code` with the values it names (and a `limit`), which the dry run shows in the reader's language.
 */
export interface BundleIssue {
  path: string;
  message: string;
  code?: ErrorCode;
  params?: CodeParams;
  limit?: number;
}

/** Reports one issue: the English, and its code when it has one. */
export type AddIssue = (path: string, message: string, code?: FieldCode) => void;

/** A hand-written issue's code and values. */
export const coded = (code: ErrorCode, params?: CodeParams): FieldCode => (params ? { code, params } : { code });

export const issueOf = (path: string, message: string, code?: FieldCode): BundleIssue => ({ path, message, ...(code ? { code: code.code, ...(code.params ? { params: code.params } : {}), ...(code.limit !== undefined ? { limit: code.limit } : {}) } : {}) });

/** A zod issue of the bundle's shape as a bundle issue under `prefix`, with its code (the header's own refusals by name). */
export function shapeIssue(prefix: string[], issue: z.core.$ZodIssue): BundleIssue {
  const path = [...prefix, ...issue.path.map(String)].join(".") || "(root)";
  if (path === "format") return issueOf(path, issue.message, coded("bundle_format"));
  if (path === "version") return issueOf(path, issue.message, coded("bundle_version"));
  return issueOf(path, issue.message, issueCode(issue));
}
