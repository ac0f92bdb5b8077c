/**
 * A line of details joined by " · " ("Daily · by Ana · 3 May 2024 · 2 highlights"):
 * the parts an article doesn't have are left out together with their
 * separator, so there is never a stray dot at either end or two in a row.
 */
export function metaLine(parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join(" · ");
}
