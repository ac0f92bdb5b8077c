"use client";

import { useEffect, useState } from "react";
import { apiSend } from "@/components/ui/api";
import type { SuggestionReason } from "@/lib/search/suggest-claims";

export interface FoundClaim {
  claimId: string;
  statement: string;
  /** The statement's stored language (null: the UI guesses it from the script). */
  language: string | null;
  /** Why it matched (a claim like this one): shown as the reader's suggestions show it. */
  reasons?: SuggestionReason[];
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

export interface Candidates {
  items: FoundClaim[];
  /** "suggested": claims like this one, before anything is typed; "search": what was typed. */
  mode: "suggested" | "search";
  loading: boolean;
  failed: boolean;
}

/**
 * Candidates for a claim to merge in: with nothing (or one letter) typed, the
 * claims most like this one (the suggestions the reader uses, for its
 * statement); once something is typed, the search for it.
 */
export function useClaimCandidates(slug: string, query: string, enabled: boolean, claim: { id: string; statement: string }): Candidates {
  const q = query.trim();
  const mode = q.length >= 2 ? "search" : "suggested";
  const [state, setState] = useState<{ key: string; items: FoundClaim[]; failed: boolean } | null>(null);
  const key = mode === "search" ? `q:${q}` : `text:${claim.id}:${claim.statement}`;
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    // POST: a statement may be longer than a URL can carry.
    const body = mode === "search" ? { q } : { text: claim.statement, exclude: [claim.id] };
    const timer = window.setTimeout(
      async () => {
        const res = await apiSend<{ suggestions?: FoundClaim[] }>("POST", `/api/w/${slug}/claims/suggestions`, body);
        if (cancelled) return;
        setState({ key, items: res.ok ? (res.data.suggestions ?? []).filter((f) => f.claimId !== claim.id) : [], failed: !res.ok });
      },
      mode === "search" ? 250 : 0,
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [slug, enabled, key, mode, q, claim.id, claim.statement]);
  const current = state?.key === key ? state : null;
  return { items: current?.items ?? [], mode, loading: enabled && !current, failed: current?.failed ?? false };
}
