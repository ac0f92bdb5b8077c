"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import type { GlossaryProposalView } from "@/lib/glossary/view";

/** Pending proposals from attached mentions: accept (it becomes a pair) or reject (never proposed again). */
export function ProposalList({ slug, proposals }: { slug: string; proposals: GlossaryProposalView[] }) {
  const t = useTranslations("glossary.proposals");
  const localize = useApiErrors();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function decide(p: GlossaryProposalView, decision: "accept" | "reject") {
    setError(null);
    setBusy(p.id);
    const res = await apiSend("POST", `/api/w/${slug}/glossary-proposals/${p.id}/${decision}`);
    setBusy(null);
    if (!res.ok) setError(localize(res.error).message);
    router.refresh();
  }

  if (proposals.length === 0) {
    return <p className="text-sm text-stone-600">{t("empty")}</p>;
  }
  return (
    <div className="space-y-2">
      {error ? <Alert>{error}</Alert> : null}
      <ul className="space-y-2" aria-label={t("listLabel")}>
        {proposals.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-3 ring-1 ring-stone-200">
            <p className="min-w-0 break-words text-sm">
              <bdi lang={p.language} className="font-medium">
                {p.term}
              </bdi>{" "}
              = <bdi lang="en">{p.english}</bdi>
              <span className="ml-2 text-xs text-stone-600">{t("support", { count: p.support })}</span>
            </p>
            <div className="flex shrink-0 gap-2">
              <Button className="px-3 py-1.5" disabled={busy === p.id} onClick={() => decide(p, "accept")} aria-label={t("acceptLabel", { term: p.term, english: p.english })}>
                {t("accept")}
              </Button>
              <Button variant="secondary" className="px-3 py-1.5" disabled={busy === p.id} onClick={() => decide(p, "reject")} aria-label={t("rejectLabel", { term: p.term, english: p.english })}>
                {t("reject")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
