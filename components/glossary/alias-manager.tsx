"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import type { SuggestedAlias } from "@/lib/glossary/suggest-aliases";
import type { NameAliasView } from "@/lib/glossary/view";

/** The alias registry: suggested aliases to confirm or dismiss, and the confirmed (and dismissed) ones to delete. */
export function AliasManager({ slug, aliases, suggested }: { slug: string; aliases: NameAliasView[]; suggested: SuggestedAlias[] }) {
  const t = useTranslations("glossary.aliases");
  const localize = useApiErrors();
  const router = useRouter();
  const base = `/api/w/${slug}/aliases`;
  const [error, setError] = useState<string | null>(null);

  async function decide(names: string[], status: "confirmed" | "dismissed") {
    setError(null);
    const res = await apiSend("POST", base, { names, status });
    if (!res.ok) setError(localize(res.error).message);
    router.refresh();
  }

  async function remove(a: NameAliasView) {
    if (!window.confirm(t("confirmDelete", { names: a.names.join(" = ") }))) return;
    setError(null);
    const res = await apiSend("DELETE", `${base}/${a.id}`);
    if (!res.ok) setError(localize(res.error).message);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <div>
        <h4 className="mb-2 text-sm font-semibold">{t("suggestedHeading")}</h4>
        {suggested.length === 0 ? (
          <p className="text-sm text-stone-600">{t("noSuggestions")}</p>
        ) : (
          <ul className="space-y-2" aria-label={t("suggestedLabel")}>
            {suggested.map((s) => (
              <li key={s.names.join("|")} className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-3 ring-1 ring-stone-200">
                <p className="min-w-0 break-words text-sm">
                  <AliasNames names={s.names} />
                  <span className="ml-2 text-xs text-stone-600">{t("claims", { count: s.claims })}</span>
                </p>
                <div className="flex shrink-0 gap-2">
                  <Button className="px-3 py-1.5" onClick={() => decide(s.names, "confirmed")} aria-label={t("confirmLabel", { names: s.names.join(" = ") })}>
                    {t("confirm")}
                  </Button>
                  <Button variant="secondary" className="px-3 py-1.5" onClick={() => decide(s.names, "dismissed")} aria-label={t("dismissLabel", { names: s.names.join(" = ") })}>
                    {t("dismiss")}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4 className="mb-2 text-sm font-semibold">{t("listHeading")}</h4>
        {aliases.length === 0 ? (
          <p className="text-sm text-stone-600">{t("none")}</p>
        ) : (
          <ul className="space-y-2" aria-label={t("listLabel")}>
            {aliases.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-3 ring-1 ring-stone-200">
                <p className="min-w-0 break-words text-sm">
                  <AliasNames names={a.names} />
                  <span className="ml-2 text-xs text-stone-600">{a.status === "confirmed" ? t("confirmed") : t("dismissed")}</span>
                </p>
                <Button variant="secondary" className="px-3 py-1.5" onClick={() => remove(a)} aria-label={t(a.status === "confirmed" ? "deleteLabel" : "undoLabel", { names: a.names.join(" = ") })}>
                  {a.status === "confirmed" ? t("delete") : t("undo")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** One person's names, each isolated (bdi) so one name's direction characters can't reverse the others. */
function AliasNames({ names }: { names: string[] }) {
  return (
    <span className="font-medium">
      {names.map((n, i) => (
        <span key={n}>
          {i > 0 && " = "}
          <bdi>{n}</bdi>
        </span>
      ))}
    </span>
  );
}
