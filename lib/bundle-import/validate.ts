import { checkWhole, type BundleIssue } from "./checker";
import type { Bundle } from "./schema";

export { MAX_ISSUES, type BundleIssue } from "./checker";

export type Validation = { ok: true; bundle: Bundle } | { ok: false; issues: BundleIssue[] };

/**
 * Checks a parsed JSON value is a bundle that can be imported as it is:
 * the shape (zod), then what the shape can't say: ids unique per section,
 * every reference resolving inside the bundle, each article's text being
 * its document's canonical text with the stated hash, highlight offsets
 * inside the text they point into, and every field within the rules the API
 * applies to it (api-rules.ts). Nothing is read from the database. The same
 * checks as a streamed import's, entity by entity (checker.ts).
 */
export function validateBundle(input: unknown): Validation {
  const r = checkWhole(input);
  return r.ok ? { ok: true, bundle: r.bundle! } : r;
}
