"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import type { ReviewState } from "@/lib/claims/review-states";
import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import { categoryAxisWidth, CATEGORY_LABEL_CLIP, valueAxisWidth } from "@/lib/format/chart-axis";
import { clipText } from "@/lib/format/clip";
import { formatDate } from "@/lib/format/dates";
import { useLocale } from "@/components/ui/locale";
import { VERDICT_COLOURS } from "./verdict-style";

interface Props {
  labels: Record<Verdict, string>;
  byVerdict: { verdict: string | null; count: number }[];
  byReviewState: { reviewState: string; count: number }[];
  verdictsOverTime: { week: string; verdict: string; count: number }[];
}

const STATE_COLOURS: Record<string, string> = { unreviewed: "#a8a29e", "in-review": "#0ea5e9", approved: "#059669" };

/** A chart with its numbers as a table for screen readers: the picture is never the only way in. */
function Figure({ title, hint, table, children }: { title: string; hint?: string; table: { label: string; value: number }[]; children: React.ReactNode }) {
  return (
    <figure className="min-w-0 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <figcaption className="text-sm font-semibold">
        {title}
        {hint ? <span className="mt-0.5 block text-xs font-normal text-stone-600">{hint}</span> : null}
      </figcaption>
      <div aria-hidden="true" className="mt-3 h-56">
        {children}
      </div>
      {/* The sr-only table is positioned absolutely and is never narrower than its content (long
          Russian labels): this wrapper clips it, so the page doesn't scroll sideways at 390 px. */}
      <div className="relative h-0 overflow-hidden">
        <table className="sr-only">
          <caption>{title}</caption>
          <tbody>
            {table.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function DashboardCharts({ labels, byVerdict, byReviewState, verdictsOverTime }: Props) {
  const locale = useLocale();
  const t = useTranslations("claims");
  const common = useTranslations("common");
  /** A week by its first day ("13 Dec 2021"), as every other date is shown. */
  const weekLabel = (day: string) => formatDate(day, locale, "day-short");
  const verdictLabel = (v: string | null) => (v ? (labels[v as Verdict] ?? v) : t("charts.noVerdict"));
  const verdictData = [...VERDICTS, null].map((v) => ({ name: verdictLabel(v), key: v ?? "none", count: byVerdict.find((r) => r.verdict === v)?.count ?? 0 }));
  const stateData = (["unreviewed", "in-review", "approved"] as ReviewState[]).map((s) => ({ name: common(`reviewStates.${s}`), key: s, count: byReviewState.find((r) => r.reviewState === s)?.count ?? 0 }));
  const weeks = [...new Set(verdictsOverTime.map((r) => r.week))].sort();
  const timeData = weeks.map((week) => ({ week, ...Object.fromEntries(VERDICTS.map((v) => [v, verdictsOverTime.find((r) => r.week === week && r.verdict === v)?.count ?? 0])) }));
  // Counts as the UI's language writes them (80,000 / 80 000), on axes as wide as their labels.
  const count = new Intl.NumberFormat(locale).format;
  const weekTotals = weeks.map((week) => verdictsOverTime.reduce((sum, r) => (r.week === week ? sum + r.count : sum), 0));
  const widest = (values: number[]) => valueAxisWidth(Math.max(0, ...values), count);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Figure title={t("charts.byVerdict")} table={verdictData.map((d) => ({ label: d.name, value: d.count }))}>
        <ResponsiveContainer width="100%" height="100%">
          {/* Bars across, the verdicts' names down the side: eight names side by side overlapped on a phone. */}
          <BarChart data={verdictData} layout="vertical" margin={{ left: 0, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={count} />
            <YAxis
              type="category"
              dataKey="name"
              interval={0}
              tick={{ fontSize: 11 }}
              width={categoryAxisWidth(verdictData.map((d) => d.name))}
              tickFormatter={(name: string) => clipText(name, CATEGORY_LABEL_CLIP)}
            />
            <Tooltip />
            <Bar dataKey="count" name={t("charts.claims")}>
              {verdictData.map((d) => (
                <Cell key={d.key} fill={VERDICT_COLOURS[d.key as Verdict | "none"]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Figure>
      <Figure title={t("charts.byReviewState")} table={stateData.map((d) => ({ label: d.name, value: d.count }))}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={stateData} margin={{ left: 0, right: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={count} width={widest(stateData.map((d) => d.count))} />
            <Tooltip />
            <Bar dataKey="count" name={t("charts.claims")}>
              {stateData.map((d) => (
                <Cell key={d.key} fill={STATE_COLOURS[d.key]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Figure>
      <div className="lg:col-span-2">
        {/* Counted as verdicts were given, so a deleted claim's verdict stays in its week while "Claims by verdict" drops it (black-box, session 32). */}
        <Figure title={t("charts.byWeek")} hint={t("charts.byWeekHint")} table={verdictsOverTime.map((r) => ({ label: `${t("charts.weekOf", { week: weekLabel(r.week) })} · ${verdictLabel(r.verdict)}`, value: r.count }))}>
          {timeData.length ? (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={timeData} margin={{ left: 0, right: 8 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="week" tick={{ fontSize: 11 }} tickFormatter={weekLabel} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={count} width={widest(weekTotals)} />
                <Tooltip labelFormatter={(label) => t("charts.weekOf", { week: weekLabel(String(label)) })} />
                {/* Our own legend: recharts' default names each swatch "… legend icon" in English for screen readers. */}
                <Legend
                  wrapperStyle={{ fontSize: 12 }}
                  content={({ payload }) => (
                    <ul className="flex flex-wrap justify-center gap-x-3 gap-y-1">
                      {(payload ?? []).map((e) => (
                        <li key={String(e.value)} className="flex items-center gap-1.5">
                          <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ background: e.color }} />
                          {e.value}
                        </li>
                      ))}
                    </ul>
                  )}
                />
                {VERDICTS.map((v) => (
                  <Bar key={v} dataKey={v} name={labels[v]} stackId="verdicts" fill={VERDICT_COLOURS[v]} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          ) : (
            <p className="flex h-full items-center justify-center text-sm text-stone-500">{t("charts.noVerdicts")}</p>
          )}
        </Figure>
      </div>
    </div>
  );
}
