import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportPanel, type AddressProblem } from "@/components/export/export-panel";
import { requirePageAccess } from "@/lib/auth/page-access";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { uiLocale } from "@/lib/i18n/ui-locale";
import { db } from "@/lib/db/client";
import { recentArticleChoices } from "@/lib/articles/list-articles";
import { DomainError } from "@/lib/errors";
import { parseExportFilters } from "@/lib/export/export-set";
import { EXPORT_QUERY, type ExportFiltersInput } from "@/lib/export/filters";
import { exportLocale } from "@/lib/export";
import { headers } from "next/headers";
import { checkQuery, pageSearchParams } from "@/lib/http/pipeline";
import type { AppLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("export");
  return { title: t("title") };
}

/** Articles offered for choosing, newest first; past this many, export all or filter by claims. */
const ARTICLE_CHOICES = 500;

/**
 * The filters this page's address asks for (`/w/x/export?reviewState=approved&articles=…`, as the API takes them), checked
 * as the export checks them: the query's rules first (a misspelt, repeated or undecodable parameter is named, as the API
 * and the claims page name it: ignored, `reviewstate=approved` offered every claim), then each filter's value. Filters
 * that would be refused are all left out, and the page says which one and why, rather than offering the whole workspace
 * as if it were what was asked for. What is used is what the export parsed (`withVerdict=true` as a ticked box), and
 * `locale` goes on to the downloads; `format` is taken and ignored, since the page offers every format.
 */
function addressFilters(query: Record<string, string | string[] | undefined>, requestHeaders: Headers): { initial: ExportFiltersInput; locale: AppLocale | null; problem: AddressProblem | null } {
  const params = pageSearchParams(query);
  try {
    checkQuery(new URL(`http://export.invalid/?${params}`), EXPORT_QUERY, requestHeaders);
    const initial = parseExportFilters(params);
    return { initial, locale: params.has("locale") ? exportLocale(params) : null, problem: null };
  } catch (err) {
    if (!(err instanceof DomainError) || err.status !== 400) throw err;
    return { initial: { dateField: "claimDate" }, locale: null, problem: { message: err.message, fields: err.fields, extra: err.extra } };
  }
}

export default async function ExportPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const { initial, locale, problem } = addressFilters(await searchParams, await headers());
  const access = await requirePageAccess(slug, "workspace.view", `/w/${slug}/export`);
  const [t, articles, tagRows, labels] = await Promise.all([
    getTranslations("export"),
    recentArticleChoices(access.workspace.id, ARTICLE_CHOICES),
    // The tags of the live claims (those an export holds), from the counts the database keeps per tag, not from every claim.
    db.$queryRaw<{ tag: string }[]>`SELECT "tag" FROM "WorkspaceTag" WHERE "workspaceId" = ${access.workspace.id} AND "claimCount" > 0 ORDER BY "tag" LIMIT 500`,
    uiLocale().then((locale) => getVerdictLabels(access.workspace.id, locale)),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <p className="text-sm text-stone-600">{t("intro")}</p>
      </div>
      <ExportPanel slug={slug} articles={articles} tags={tagRows.map((t) => t.tag)} labels={labels} initial={initial} locale={locale} addressProblem={problem} />
    </div>
  );
}
