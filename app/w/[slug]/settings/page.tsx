import type { Metadata } from "next";
import { MeaningStatus } from "@/components/workspaces/meaning-status";
import { SettingsForm } from "@/components/workspaces/settings-form";
import { SettingsTabs } from "@/components/workspaces/settings-tabs";
import { requirePageAccess } from "@/lib/auth/page-access";
import { getTranslations } from "next-intl/server";
import { builtInVerdictLabels, getOwnVerdictLabels } from "@/lib/claims/workspace-labels";
import { LOCALES } from "@/lib/i18n/locales";
import { uiLocale } from "@/lib/i18n/ui-locale";
import { requiresSecondApprover } from "@/lib/claims/verdict-authors";
import { workspaceClaimReviewUrlTemplate } from "@/lib/export/context";
import { embeddingStatus } from "@/lib/search/embeddings/status";
import { latestSeq } from "@/lib/changes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspaceSettings");
  return { title: t("title") };
}

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess(slug, "workspace.update", `/w/${slug}/settings`);
  const [t, locale, ownLabels, builtIn] = await Promise.all([getTranslations("workspaceSettings"), uiLocale(), getOwnVerdictLabels(access.workspace.id), Promise.all(LOCALES.map(builtInVerdictLabels))]);
  const builtInLabels = Object.fromEntries(LOCALES.map((l, i) => [l, builtIn[i]])) as Record<(typeof LOCALES)[number], (typeof builtIn)[number]>;
  const claimReviewUrlTemplate = await workspaceClaimReviewUrlTemplate(access.workspace.id);
  const secondApprover = await requiresSecondApprover(access.workspace.id);
  const meaning = await embeddingStatus(access);
  // Read after the labels, so a change committed in between is heard by the form (useLiveChanges resumes after it).
  const liveSeq = await latestSeq(access.workspace.id);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="mb-4 text-lg font-semibold">
        {t("heading")}
      </h2>
      <SettingsTabs slug={slug} current="general" />
      <SettingsForm slug={slug} name={access.workspace.name} ownLabels={ownLabels} builtInLabels={builtInLabels} uiLocale={locale} claimReviewUrlTemplate={claimReviewUrlTemplate ?? ""} requireSecondApprover={secondApprover} liveSeq={liveSeq} userId={access.userId} />
      <MeaningStatus status={meaning} />
    </section>
  );
}
