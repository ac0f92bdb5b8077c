"use client";

import type { Send } from "./use-claim";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import type { ClaimDetail } from "@/lib/claims/claim-dto";
import { SuggestionReasons } from "./suggestion-reasons";
import { useClaimCandidates } from "./use-claim-search";

/** Merge a duplicate into this claim, delete it, or (admins) restore it. */
export function ClaimAdminActions({ slug, claim, canMerge, canDelete, canRestore, send }: { slug: string; claim: ClaimDetail; canMerge: boolean; canDelete: boolean; canRestore: boolean; send: Send }) {
  const router = useRouter();
  const [merging, setMerging] = useState(false);
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | null>(null);

  const candidates = useClaimCandidates(slug, query, merging, claim);
  const found = candidates.items;
  const listName = candidates.mode === "suggested" ? "Similar claims" : "Claims to merge";

  if (claim.deletedAt) {
    return canRestore ? (
      <Button variant="secondary" onClick={() => void send("POST", "/restore", undefined, "Restored.").then(() => router.refresh())}>
        Restore claim
      </Button>
    ) : null;
  }
  if (!canMerge && !canDelete) return null;

  async function remove() {
    if (!window.confirm("Delete this claim? Its highlights stay as plain highlights; an admin can restore it.")) return;
    const res = await apiSend("DELETE", `/api/w/${slug}/claims/${claim.id}`, { version: claim.version });
    if (!res.ok) return setError(res.error.message);
    router.push(`/w/${slug}/claims`);
  }

  return (
    <section aria-labelledby="manage-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="manage-heading" className="font-semibold">
        Manage
      </h2>
      {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
      {merging ? (
        <div className="mt-3 space-y-2">
          <label htmlFor="merge-search" className="block text-sm font-medium">
            The duplicate to merge into this claim
          </label>
          <input id="merge-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search claims" className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none" />
          <p id="merge-candidates-heading" className="text-xs font-medium text-stone-600 uppercase">
            {candidates.mode === "suggested" ? "Similar claims" : "Matching claims"}
          </p>
          <p aria-live="polite" className="text-sm text-stone-600">
            {candidates.loading
              ? candidates.mode === "suggested"
                ? "Looking for similar claims…"
                : "Searching…"
              : candidates.failed
                ? "The claims couldn't be loaded. Try again."
                : !found.length
                  ? candidates.mode === "suggested"
                    ? "No similar claims found. Search for the duplicate above."
                    : "No claims match. Try other words."
                  : null}
          </p>
          <ul className="max-h-56 overflow-y-auto px-1" aria-label={listName}>
            {found.map((f) => (
              <li key={f.claimId} className="flex items-start justify-between gap-2 border-b border-stone-100 py-2 text-sm">
                <div>
                  <span>{f.statement}</span>
                  <SuggestionReasons reasons={f.reasons} />
                </div>
                <Button
                  variant="secondary"
                  className="shrink-0 py-1"
                  aria-label={`Merge “${f.statement.slice(0, 60)}” into this claim`}
                  onClick={async () => {
                    if (!window.confirm("Merge it into this claim? Its mentions, sources, links, tags and history move here, and its page will redirect here.")) return;
                    if ((await send("POST", "/merge", { from: f.claimId, version: claim.version }, "Merged.")).ok) setMerging(false);
                  }}
                >
                  Merge
                </Button>
              </li>
            ))}
          </ul>
          <Button variant="secondary" className="py-1" onClick={() => setMerging(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <div className="mt-3 flex flex-wrap gap-2">
          {canMerge ? (
            <Button variant="secondary" className="py-1" onClick={() => setMerging(true)}>
              Merge a duplicate into this
            </Button>
          ) : null}
          {canDelete ? (
            <Button variant="danger" className="py-1" onClick={remove}>
              Delete claim
            </Button>
          ) : null}
        </div>
      )}
    </section>
  );
}
