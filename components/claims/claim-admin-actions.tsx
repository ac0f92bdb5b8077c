"use client";

import type { Send } from "./use-claim";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import type { ClaimDetail } from "@/lib/claims/claim-dto";
import { SuggestionReasons } from "./suggestion-reasons";
import { useClaimCandidates } from "./use-claim-search";
import { useContentLang } from "@/components/ui/content-lang";

/** Merge a duplicate into this claim, delete it, or (admins) restore it. */
export function ClaimAdminActions({ slug, claim, canMerge, canDelete, canRestore, send }: { slug: string; claim: ClaimDetail; canMerge: boolean; canDelete: boolean; canRestore: boolean; send: Send }) {
  const router = useRouter();
  const t = useTranslations("claims.manage");
  const langOf = useContentLang();
  const localize = useApiErrors();
  const [merging, setMerging] = useState(false);
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | null>(null);

  const candidates = useClaimCandidates(slug, query, merging, claim);
  const found = candidates.items;
  const listName = candidates.mode === "suggested" ? t("similar") : t("toMerge");

  if (claim.deletedAt) {
    return canRestore ? (
      <Button variant="secondary" onClick={() => void send("POST", "/restore", undefined, t("restored")).then(() => router.refresh())}>
        {t("restore")}
      </Button>
    ) : null;
  }
  if (!canMerge && !canDelete) return null;

  async function remove() {
    if (!window.confirm(t("deleteConfirm"))) return;
    const res = await apiSend("DELETE", `/api/w/${slug}/claims/${claim.id}`, { version: claim.version });
    if (!res.ok) return setError(localize(res.error).message);
    router.push(`/w/${slug}/claims`);
  }

  return (
    <section aria-labelledby="manage-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="manage-heading" className="font-semibold">
        {t("heading")}
      </h2>
      {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
      {merging ? (
        <div className="mt-3 space-y-2">
          <label htmlFor="merge-search" className="block text-sm font-medium">
            {t("searchLabel")}
          </label>
          <input id="merge-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("searchPlaceholder")} className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none" />
          <p id="merge-candidates-heading" className="text-xs font-medium text-stone-600 uppercase">
            {candidates.mode === "suggested" ? t("similar") : t("matching")}
          </p>
          <p aria-live="polite" className="text-sm text-stone-600">
            {candidates.loading
              ? candidates.mode === "suggested"
                ? t("lookingSimilar")
                : t("searching")
              : candidates.failed
                ? t("loadFailed")
                : !found.length
                  ? candidates.mode === "suggested"
                    ? t("noSimilar")
                    : t("noMatch")
                  : null}
          </p>
          <ul className="max-h-56 overflow-y-auto px-1" aria-label={listName}>
            {found.map((f) => (
              <li key={f.claimId} className="flex items-start justify-between gap-2 border-b border-stone-100 py-2 text-sm">
                <div>
                  <span lang={langOf(f.statement, f.language)}>{f.statement}</span>
                  <SuggestionReasons reasons={f.reasons} />
                </div>
                <Button
                  variant="secondary"
                  className="shrink-0 py-1"
                  aria-label={t("mergeLabel", { statement: f.statement.slice(0, 60) })}
                  onClick={async () => {
                    if (!window.confirm(t("mergeConfirm"))) return;
                    if ((await send("POST", "/merge", { from: f.claimId, version: claim.version }, t("merged"))).ok) setMerging(false);
                  }}
                >
                  {t("merge")}
                </Button>
              </li>
            ))}
          </ul>
          <Button variant="secondary" className="py-1" onClick={() => setMerging(false)}>
            {t("cancel")}
          </Button>
        </div>
      ) : (
        <div className="mt-3 flex flex-wrap gap-2">
          {canMerge ? (
            <Button variant="secondary" className="py-1" onClick={() => setMerging(true)}>
              {t("mergeDuplicate")}
            </Button>
          ) : null}
          {canDelete ? (
            <Button variant="danger" className="py-1" onClick={remove}>
              {t("delete")}
            </Button>
          ) : null}
        </div>
      )}
    </section>
  );
}
