"use client";

import { useEffect, useState } from "react";

export interface FoundClaim {
  claimId: string;
  statement: string;
}

/** Claims matching what someone types (debounced), leaving out the claim at hand. */
export function useClaimSearch(slug: string, query: string, enabled: boolean, excludeId?: string): FoundClaim[] {
  const [found, setFound] = useState<FoundClaim[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (!enabled || q.length < 2) return;
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      const res = await fetch(`/api/w/${slug}/claims/suggestions?q=${encodeURIComponent(q)}`, { cache: "no-store" });
      if (!res.ok || cancelled) return;
      const data = (await res.json()) as { suggestions?: FoundClaim[] };
      setFound((data.suggestions ?? []).filter((f) => f.claimId !== excludeId));
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [slug, query, enabled, excludeId]);
  return found;
}
