"use client";

import { useTranslations } from "next-intl";

/** The change kinds as checkboxes, a fieldset per area (claim, article, member…), with "all" per area. */
export function KindPicker({ groups, selected, onChange, error, idPrefix }: { groups: { area: string; kinds: string[] }[]; selected: string[]; onChange: (kinds: string[]) => void; error?: string; idPrefix: string }) {
  const t = useTranslations("webhooks");
  // Each area has its own messages in every language (webhooks.areas.*; lib/webhooks/kind-groups.test.ts checks
  // that none is missing): its name, and its "all" label phrased as the language says it ("All claim events").
  // The event codes themselves stay as the payload carries them.
  const areaName = (area: string) => t(`areas.${area}.name` as never);
  const allOf = (area: string) => t(`areas.${area}.all` as never);
  const has = new Set(selected);
  const toggle = (kind: string, on: boolean) => onChange(on ? [...selected, kind] : selected.filter((k) => k !== kind));
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-kinds-error` : undefined}>
      <legend className="text-sm font-medium text-stone-800">{t("kinds.legend")}</legend>
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
                {allOf(g.area)}
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
