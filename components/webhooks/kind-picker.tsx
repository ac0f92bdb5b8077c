"use client";

import { useLocale, useTranslations } from "next-intl";

/** The change kinds as checkboxes, a fieldset per area (claim, article, member…), with "all" per area. */
export function KindPicker({ groups, selected, onChange, error, idPrefix }: { groups: { area: string; kinds: string[] }[]; selected: string[]; onChange: (kinds: string[]) => void; error?: string; idPrefix: string }) {
  const t = useTranslations("webhooks.kinds");
  // An area's code is an English word ("All claim events"); in other languages the area is named as the audit
  // log names it («Все события: Утверждения»), and one it doesn't name keeps its code.
  const audit = useTranslations("audit");
  const english = useLocale() === "en";
  const areaName = (area: string) => (!english && audit.has(`areas.${area}` as never) ? audit(`areas.${area}` as never) : area);
  const has = new Set(selected);
  const toggle = (kind: string, on: boolean) => onChange(on ? [...selected, kind] : selected.filter((k) => k !== kind));
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-kinds-error` : undefined}>
      <legend className="text-sm font-medium text-stone-800">{t("legend")}</legend>
      <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {groups.map((g) => {
          const all = g.kinds.every((k) => has.has(k));
          return (
            <fieldset key={g.area} className="rounded-md p-3 ring-1 ring-stone-200">
              <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-stone-600">{areaName(g.area)}</legend>
              <label className="flex items-center gap-2 text-sm text-stone-700">
                <input
                  type="checkbox"
                  checked={all}
                  onChange={(e) => onChange(e.target.checked ? [...new Set([...selected, ...g.kinds])] : selected.filter((k) => !g.kinds.includes(k)))}
                />
                {t("allOfArea", { area: areaName(g.area) })}
              </label>
              <ul className="mt-1 space-y-1">
                {g.kinds.map((k) => (
                  <li key={k}>
                    <label className="flex items-center gap-2 break-all font-mono text-xs text-stone-700">
                      <input type="checkbox" checked={has.has(k)} onChange={(e) => toggle(k, e.target.checked)} />
                      {k}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
      </div>
      {error ? (
        <p id={`${idPrefix}-kinds-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
