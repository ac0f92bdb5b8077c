import { z } from "zod";

/**
 * Where a ClaimReview's `url` points. Google (and other ClaimReview readers)
 * only accept a page the public can read: the fact-check as the publisher
 * published it, not Claimtrail's claim page, which needs a sign-in. A
 * workspace names that page with a URL template (Settings), else the
 * instance's CLAIMREVIEW_URL_TEMPLATE applies; with neither, `url` stays the
 * claim's page in the app. Client-safe: no database here.
 *
 * Placeholders, each replaced URL-encoded: `{claimId}` (required: every
 * review needs its own page) and `{workspaceSlug}`.
 */
export const CLAIMREVIEW_PLACEHOLDERS = ["claimId", "workspaceSlug"] as const;
export type ClaimReviewPlaceholder = (typeof CLAIMREVIEW_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The template with every placeholder replaced by `values`, each URL-encoded. */
export function fillClaimReviewUrl(template: string, values: Record<ClaimReviewPlaceholder, string>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(values[name as ClaimReviewPlaceholder]));
}

/** Why `template` is not a usable ClaimReview URL template, or null when it is. */
export function claimReviewUrlTemplateProblem(template: string): string | null {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = names.find((n) => !(CLAIMREVIEW_PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown !== undefined) return `Unknown placeholder {${unknown}}: use ${CLAIMREVIEW_PLACEHOLDERS.map((p) => `{${p}}`).join(" and ")}.`;
  if (!names.includes("claimId")) return "Include {claimId}: each claim's review needs its own page.";
  if (/[{}]/.test(template.replace(PLACEHOLDER, ""))) return "Use braces only around a placeholder.";
  if (/\s/.test(template)) return "A URL can't hold spaces or line breaks.";
  let url: URL;
  try {
    url = new URL(fillClaimReviewUrl(template, { claimId: "c1", workspaceSlug: "w" }));
  } catch {
    return "Use a full address, like https://factcheck.example.org/claims/{claimId}.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an http:// or https:// address.";
  if (!url.hostname) return "Use a full address, like https://factcheck.example.org/claims/{claimId}.";
  return null;
}

/** A template as admins enter it: trimmed, "" for none (stored as null). */
export const claimReviewUrlTemplateSchema = z
  .string()
  .trim()
  .max(2000, "Keep the address under 2,000 characters.")
  .superRefine((s, ctx) => {
    const problem = s === "" ? null : claimReviewUrlTemplateProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((s) => s || null);

/**
 * The instance's default template, CLAIMREVIEW_URL_TEMPLATE; null when unset.
 * A set but invalid one is a configuration error, said as such, rather than
 * reviews quietly pointing at sign-in pages.
 */
export function envClaimReviewUrlTemplate(): string | null {
  const raw = process.env.CLAIMREVIEW_URL_TEMPLATE?.trim();
  if (!raw) return null;
  const problem = claimReviewUrlTemplateProblem(raw);
  if (problem) throw new Error(`CLAIMREVIEW_URL_TEMPLATE is not a usable URL template: ${problem}`);
  return raw;
}
