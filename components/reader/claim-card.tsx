"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ReviewStateBadge, VerdictBadge } from "@/components/claims/verdict-badge";
import type { ClaimDetail } from "@/lib/claims/claim-dto";
import type { Verdict } from "@/lib/claims/verdicts";
import { SideCard } from "./side-card";
import { useContentLang } from "@/components/ui/content-lang";

type ClaimSummary = Pick<ClaimDetail, "id" | "statement" | "language" | "claimant" | "verdict" | "reviewState" | "mentions" | "mentionsNextCursor" | "mentionCount" | "sources" | "relations">;

/** The claim behind the selected highlight, in the reader's side panel. */
export function ClaimCard({ slug, claimId, currentArticleId, labels, notice, onClose }: { slug: string; claimId: string; currentArticleId: string; labels: Record<Verdict, string>; notice?: string | null; onClose(): void }) {
  const t = useTranslations("reader.claimCard");
  const langOf = useContentLang();
  const [claim, setClaim] = useState<ClaimSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/w/${slug}/claims/${claimId}`, { cache: "no-store" })
      .then(async (res) => {
        if (!res.ok) throw new Error(res.status === 404 ? t("gone") : t("loadFailed"));
        const body = (await res.json()) as ClaimSummary | { redirectTo: string };
        if ("redirectTo" in body) throw new Error(t("merged"));
        return body;
      })
      .then((c) => !cancelled && setClaim(c))
      .catch((err: Error) => !cancelled && setError(err.message));
    return () => {
      cancelled = true;
    };
  }, [slug, claimId, t]);

  const others = claim?.mentions.filter((m) => m.article.id !== currentArticleId) ?? [];
  return (
    <SideCard title={t("title")} closeLabel={t("close")} notice={notice} onClose={onClose}>
      {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
      {!claim && !error ? <p className="mt-2 text-sm text-stone-500">{t("loading")}</p> : null}
      {claim ? (
        <div className="mt-1 space-y-3 text-sm">
          <p className="font-medium text-stone-900" lang={langOf(claim.statement, claim.language)}>
            {claim.statement}
          </p>
          {claim.claimant ? <p className="text-stone-600">{t("claimedBy", { name: claim.claimant })}</p> : null}
          <div className="flex flex-wrap gap-2">
            <VerdictBadge verdict={claim.verdict} labels={labels} />
            <ReviewStateBadge state={claim.reviewState} />
          </div>
          {others.length ? (
            <div>
              <h3 className="text-xs font-medium text-stone-500">{t("alsoIn")}</h3>
              <ul className="mt-1 space-y-1">
                {others.map((m) => (
                  <li key={m.annotationId}>
                    <Link href={`/w/${slug}/articles/${m.article.id}#highlight-${m.annotationId}`} className="text-brand-700 hover:underline" lang={langOf(m.article.title, m.article.language)}>
                      {m.article.title}
                    </Link>
                  </li>
                ))}
              </ul>
              {claim.mentionsNextCursor ? <p className="mt-1 text-xs text-stone-500">{t("more", { count: claim.mentionCount })}</p> : null}
            </div>
          ) : null}
          <p className="text-stone-600">
            {t("sources", { count: claim.sources.length })} · {t("related", { count: claim.relations.length })}
          </p>
          <Link href={`/w/${slug}/claims/${claim.id}`} className="inline-block font-medium text-brand-700 hover:underline">
            {t("open")}
          </Link>
        </div>
      ) : null}
    </SideCard>
  );
}
