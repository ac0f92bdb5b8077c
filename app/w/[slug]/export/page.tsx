import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportPanel } from "@/components/export/export-panel";
import { requirePageAccess } from "@/lib/auth/page-access";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { uiLocale } from "@/lib/i18n/ui-locale";
import { db } from "@/lib/db/client";
import { recentArticleChoices } from "@/lib/articles/list-articles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("export");
  return { title: t("title") };
}

/** Articles offered for choosing, newest first; past this many, export all or filter by claims. */
const ARTICLE_CHOICES = 500;

export default async function ExportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
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
      <ExportPanel slug={slug} articles={articles} tags={tagRows.map((t) => t.tag)} labels={labels} />
    </div>
  );
}
