"use client";

import type { Send } from "./use-claim";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { ClaimDetail } from "@/lib/claims/claim-dto";
import { RELATION_TYPES, type RelationType } from "@/lib/claims/review-states";
import type { Verdict } from "@/lib/claims/verdicts";
import { messageKey } from "./message-key";
import { useClaimSearch, type FoundClaim } from "./use-claim-search";
import { VerdictBadge } from "./verdict-badge";
import { useContentLang } from "@/components/ui/content-lang";

/** Links to other claims, read from this claim's side ("Contradicted by"). */
export function RelationsSection({ slug, claim, labels, canEdit, send }: { slug: string; claim: ClaimDetail; labels: Record<Verdict, string>; canEdit: boolean; send: Send }) {
  const t = useTranslations("claims.relations");
  const langOf = useContentLang();
  const [adding, setAdding] = useState(false);
  const [query, setQuery] = useState("");
  const [target, setTarget] = useState<FoundClaim | null>(null);
  const [type, setType] = useState<RelationType>("related");
  const [note, setNote] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});

  const found = useClaimSearch(slug, query, adding, claim.id);

  async function save() {
    if (!target) return setFields({ toId: t("chooseOther") });
    const r = await send("POST", "/relations", { version: claim.version, toId: target.claimId, type, note: note.trim() || null }, t("added"));
    setFields(r.fields);
    if (r.ok) {
      setAdding(false);
      setTarget(null);
      setQuery("");
      setNote("");
    }
  }

  const groups = RELATION_TYPES.map((type) => ({ type, items: claim.relations.filter((r) => r.type === type) })).filter((g) => g.items.length);
  return (
    <section aria-labelledby="relations-heading">
      <div className="flex items-center justify-between">
        <h2 id="relations-heading" className="font-semibold">
          {t("heading")} <span className="font-normal text-stone-500">({claim.relations.length})</span>
        </h2>
        {canEdit && !adding ? (
          <Button variant="secondary" className="py-1" onClick={() => setAdding(true)}>
            {t("link")}
          </Button>
        ) : null}
      </div>
      {adding ? (
        <div className="mt-3 space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <SelectField label={t("thisClaim")} value={type} onChange={(e) => setType(e.target.value as RelationType)}>
            {RELATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`choice.${messageKey(type)}`)}
              </option>
            ))}
          </SelectField>
          <div className="space-y-1.5">
            <label htmlFor="relation-search" className="block text-sm font-medium">
              {t("otherClaim")}
            </label>
            <input id="relation-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("searchPlaceholder")} className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none" />
            {fields.toId ? <p className="text-sm text-red-700">{fields.toId}</p> : null}
            {target ? <p className="text-sm">{t.rich("chosen", { statement: target.statement, strong: (chunks) => <strong>{chunks}</strong> })}</p> : null}
            {found.length && !target ? (
              <ul className="max-h-48 overflow-y-auto rounded-md ring-1 ring-stone-200" aria-label={t("matching")}>
                {found.map((f) => (
                  <li key={f.claimId}>
                    <button type="button" onClick={() => setTarget(f)} className="block w-full px-3 py-2 text-left text-sm hover:bg-stone-50" lang={langOf(f.statement, f.language)}>
                      {f.statement}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <div className="space-y-1.5">
            <label htmlFor="relation-note" className="block text-sm font-medium">
              {t("note")}
            </label>
            <input id="relation-note" value={note} onChange={(e) => setNote(e.target.value)} className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none" />
          </div>
          <div className="flex gap-2">
            <Button onClick={save}>{t("save")}</Button>
            <Button variant="secondary" onClick={() => setAdding(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : null}
      {claim.relations.length === 0 && !adding ? <p className="mt-2 text-sm text-stone-500">{t("empty")}</p> : null}
      {groups.map((g) => (
        <div key={g.type} className="mt-3">
          <ul className="space-y-2">
            {g.items.map((r) => (
              <li key={r.id} className="rounded-lg bg-white p-3 text-sm ring-1 ring-stone-200">
                <div className="flex items-start justify-between gap-2">
                  <p>
                    <span className="font-medium text-stone-600">{t(`${r.direction}.${messageKey(r.type)}`)}</span>{" "}
                    <Link href={`/w/${slug}/claims/${r.other.id}`} className="text-brand-700 hover:underline" lang={langOf(r.other.statement, r.other.language)}>
                      {r.other.statement}
                    </Link>
                  </p>
                  {canEdit ? (
                    <button type="button" onClick={() => void send("DELETE", `/relations/${r.id}`, { version: claim.version }, t("removed"))} className="rounded px-1.5 py-0.5 text-xs text-stone-500 hover:bg-red-50 hover:text-red-700" aria-label={t("removeLabel", { statement: r.other.statement })}>
                      {t("remove")}
                    </button>
                  ) : null}
                </div>
                <div className="mt-1 flex gap-2">
                  <VerdictBadge verdict={r.other.verdict} labels={labels} />
                </div>
                {r.note ? <p className="mt-1 text-stone-600">{r.note}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
