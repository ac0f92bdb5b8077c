"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import type { GlossaryPairView } from "@/lib/glossary/view";
import { PairForm, type PairValues } from "./pair-form";

/** The glossary: add a pair, and per pair edit or delete. The search above it narrows the list (a plain GET form, ?q=). */
export function GlossaryManager({ slug, pairs, searched }: { slug: string; pairs: GlossaryPairView[]; searched: boolean }) {
  const t = useTranslations("glossary.pairs");
  const localize = useApiErrors();
  const tf = useTranslations("glossary.form");
  const router = useRouter();
  const base = `/api/w/${slug}/glossary`;
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function add(v: PairValues) {
    const res = await apiSend("POST", base, v);
    if (!res.ok) return localize(res.error);
    router.refresh();
    return null;
  }

  async function edit(id: string, v: PairValues) {
    const res = await apiSend("PATCH", `${base}/${id}`, v);
    if (!res.ok) return localize(res.error);
    setEditing(null);
    router.refresh();
    return null;
  }

  async function remove(p: GlossaryPairView) {
    if (!window.confirm(t("confirmDelete", { term: p.term, english: p.english }))) return;
    setError(null);
    const res = await apiSend("DELETE", `${base}/${p.id}`);
    if (!res.ok) setError(localize(res.error).message);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <div className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h4 className="mb-3 text-sm font-semibold">{t("addHeading")}</h4>
        <PairForm idPrefix="new-pair" initial={{ language: "ru", term: "", english: "" }} submitLabel={t("add")} submit={add} />
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {pairs.length === 0 ? (
        <p className="text-sm text-stone-600">{searched ? t("noMatch") : t("empty")}</p>
      ) : (
        <ul className="space-y-2" aria-label={t("listLabel")}>
          {pairs.map((p) => (
            <li key={p.id} className="rounded-xl bg-white p-3 ring-1 ring-stone-200">
              {editing === p.id ? (
                <PairForm idPrefix={`edit-${p.id}`} initial={{ language: p.language, term: p.term, english: p.english }} submitLabel={t("save")} submit={(v) => edit(p.id, v)} onCancel={() => setEditing(null)} />
              ) : (
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="min-w-0 break-words text-sm">
                    {/* bdi: a term's own direction characters stay inside it instead of reversing the row. */}
                    <bdi lang={p.language} className="font-medium">
                      {p.term}
                    </bdi>
                    <span aria-hidden="true"> = </span>
                    <span className="sr-only"> {t("means")} </span>
                    <bdi lang="en">{p.english}</bdi>
                    <span className="ml-2 text-xs text-stone-600">{tf(p.language)}</span>
                  </p>
                  <div className="flex shrink-0 gap-2">
                    <Button variant="secondary" className="px-3 py-1.5" onClick={() => setEditing(p.id)} aria-label={t("editLabel", { term: p.term })}>
                      {t("edit")}
                    </Button>
                    <Button variant="secondary" className="px-3 py-1.5" onClick={() => remove(p)} aria-label={t("deleteLabel", { term: p.term })}>
                      {t("delete")}
                    </Button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
