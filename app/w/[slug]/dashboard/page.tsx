import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DashboardCharts } from "@/components/claims/dashboard-charts";
import { describeEvent, type ClaimWords } from "@/components/claims/describe-event";
import { VerdictBadge } from "@/components/claims/verdict-badge";
import { requirePageAccess } from "@/lib/auth/page-access";
import { getDashboard } from "@/lib/claims/dashboard";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { uiLocale } from "@/lib/i18n/ui-locale";
import { formatDate } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";
import { latestSeq } from "@/lib/changes";
import { NewChangesBanner } from "@/components/live/new-changes-banner";
import { contentLang } from "@/lib/i18n/content-lang";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspaces.dashboard");
  return { title: t("title") };
}

export default async function DashboardPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess(slug, "workspace.view", `/w/${slug}/dashboard`);
  // The seq first: a change committed while the page renders is counted, not lost.
  const liveSeq = await latestSeq(access.workspace.id);
  const [data, labels, locale, t, all] = await Promise.all([
    getDashboard(access),
    uiLocale().then((locale) => getVerdictLabels(access.workspace.id, locale)),
    requestLocale(),
    getTranslations("workspaces.dashboard"),
    getTranslations(),
  ]);
  // describeEvent reads claims.history.* and common.reviewStates.*: the whole catalogue in the viewer's language.
  const words = all as unknown as ClaimWords;
  const total = data.byReviewState.reduce((n, r) => n + r.count, 0);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <p className="text-sm text-stone-600">{t("total", { count: total })}</p>
      </div>
      <NewChangesBanner slug={slug} after={liveSeq} kinds="claims" />
      <DashboardCharts labels={labels} byVerdict={data.byVerdict} byReviewState={data.byReviewState} verdictsOverTime={data.verdictsOverTime} />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="progress-heading" className="min-w-0 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <h3 id="progress-heading" className="text-sm font-semibold">
            {t("progress")}
          </h3>
          <p className="text-xs text-stone-500">{t("progressHint")}</p>
          {data.articles.length === 0 ? <p className="mt-3 text-sm text-stone-500">{t("noArticles")}</p> : null}
          <ul className="mt-3 space-y-3">
            {data.articles.map((a) => {
              const pct = a.claims ? Math.round((a.withVerdict / a.claims) * 100) : 0;
              return (
                <li key={a.id} className="text-sm">
                  <div className="flex justify-between gap-3">
                    <Link href={`/w/${slug}/articles/${a.id}`} className="truncate text-brand-700 hover:underline">
                      {a.title}
                    </Link>
                    <span className="shrink-0 tabular-nums text-stone-600">
                      {a.withVerdict} / {a.claims}
                    </span>
                  </div>
                  <div className="mt-1 h-2 rounded-full bg-stone-100" role="progressbar" aria-label={t("progressLabel", { title: a.title })} aria-valuemin={0} aria-valuemax={a.claims} aria-valuenow={a.withVerdict}>
                    <div className="h-2 rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="linked-heading" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
            <h3 id="linked-heading" className="text-sm font-semibold">
              {t("mostLinked")}
            </h3>
            {data.mostLinked.length === 0 ? <p className="mt-3 text-sm text-stone-500">{t("noLinked")}</p> : null}
            <ol className="mt-3 space-y-2">
              {data.mostLinked.map((c) => (
                <li key={c.id} className="text-sm">
                  <Link href={`/w/${slug}/claims/${c.id}`} className="text-stone-900 hover:text-brand-700 hover:underline" lang={contentLang(c.statement, locale, c.language)}>
                    {c.statement}
                  </Link>
                  <p className="mt-0.5 flex items-center gap-2 text-xs text-stone-500">
                    <VerdictBadge verdict={c.verdict} labels={labels} />
                    {t("linkedCounts", { articles: c.articles, relations: c.relations })}
                  </p>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="activity-heading" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
            <h3 id="activity-heading" className="text-sm font-semibold">
              {t("activity")}
            </h3>
            {data.activity.length === 0 ? <p className="mt-3 text-sm text-stone-500">{t("noActivity")}</p> : null}
            <ol className="mt-3 space-y-2 text-sm">
              {data.activity.map((e) => (
                <li key={e.id}>
                  {t.rich("event", {
                    actor: e.actor ?? t("someone"),
                    what: describeEvent(e, labels, locale, words),
                    who: (chunks) => <strong className="font-medium">{chunks}</strong>,
                    claim: () => (
                      <Link href={`/w/${slug}/claims/${e.claimId}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800" lang={contentLang(e.statement, locale, e.language)}>
                        {e.statement.length > 70 ? `${e.statement.slice(0, 70)}…` : e.statement}
                      </Link>
                    ),
                  })}
                  <time dateTime={e.createdAt} className="block text-xs text-stone-500">
                    {formatDate(e.createdAt, locale, "date-time")}
                  </time>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}
