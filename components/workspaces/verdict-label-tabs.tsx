"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, type KeyboardEvent } from "react";
import { TextField } from "@/components/ui/field";
import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import { LOCALES, LOCALE_NAMES, type AppLocale } from "@/lib/i18n/locales";

export type LabelDrafts = Record<AppLocale, Record<Verdict, string>>;

/**
 * The workspace's verdict names, one tab per UI language (WAI-ARIA tabs: arrow keys, Home and End
 * move between languages; Tab goes into the panel). Only the chosen language's fields are rendered;
 * the drafts of all three live in the form's state. An empty field means the built-in name, shown
 * as its placeholder.
 */
export function VerdictLabelTabs({
  drafts,
  builtIn,
  current,
  errors,
  onSelect,
  onChange,
}: {
  drafts: LabelDrafts;
  builtIn: Record<AppLocale, Record<Verdict, string>>;
  current: AppLocale;
  errors: Record<string, string>;
  onSelect: (locale: AppLocale) => void;
  onChange: (locale: AppLocale, verdict: Verdict, value: string) => void;
}) {
  const t = useTranslations("workspaceSettings.verdictLabels");
  const names = useTranslations("common.verdicts");
  const descriptions = useTranslations("common.verdictDescriptions");
  const base = useId();
  const tabs = useRef<Partial<Record<AppLocale, HTMLButtonElement | null>>>({});
  const tabId = (l: AppLocale) => `${base}-tab-${l}`;
  const panelId = `${base}-panel`;

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const at = LOCALES.indexOf(current);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: LOCALES.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const locale = LOCALES[(next + LOCALES.length) % LOCALES.length];
    onSelect(locale);
    tabs.current[locale]?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label={t("languages")} className="mb-3 flex flex-wrap gap-1 border-b border-stone-200">
        {LOCALES.map((l) => {
          const hasError = VERDICTS.some((v) => errors[`verdictLabels.${l}.${v}`]);
          return (
            <button
              key={l}
              ref={(el) => {
                tabs.current[l] = el;
              }}
              type="button"
              role="tab"
              id={tabId(l)}
              lang={l}
              aria-selected={l === current}
              aria-controls={panelId}
              tabIndex={l === current ? 0 : -1}
              onClick={() => onSelect(l)}
              onKeyDown={onKeyDown}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus:ring-2 focus:ring-brand-600 focus:outline-none ${l === current ? "border-brand-600 text-brand-800" : "border-transparent text-stone-600 hover:text-stone-900"} ${hasError ? "text-red-700" : ""}`}
            >
              {LOCALE_NAMES[l]}
              {hasError ? <span className="sr-only"> {t("hasErrors")}</span> : null}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(current)} className="space-y-3">
        {VERDICTS.map((v) => (
          <TextField
            key={`${current}-${v}`}
            label={t("field", { name: names(v), verdict: v })}
            name={`label-${current}-${v}`}
            lang={current}
            value={drafts[current][v]}
            placeholder={builtIn[current][v]}
            onChange={(e) => onChange(current, v, e.target.value)}
            hint={descriptions(v)}
            error={errors[`verdictLabels.${current}.${v}`]}
          />
        ))}
      </div>
    </div>
  );
}
