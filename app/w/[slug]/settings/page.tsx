import type { Metadata } from "next";
import { MeaningStatus } from "@/components/workspaces/meaning-status";
import { SettingsForm } from "@/components/workspaces/settings-form";
import { SettingsTabs } from "@/components/workspaces/settings-tabs";
import { requirePageAccess } from "@/lib/auth/page-access";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { requiresSecondApprover } from "@/lib/claims/verdict-authors";
import { workspaceClaimReviewUrlTemplate } from "@/lib/export/context";
import { embeddingStatus } from "@/lib/search/embeddings/status";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess(slug, "workspace.update", `/w/${slug}/settings`);
  const labels = await getVerdictLabels(access.workspace.id);
  const claimReviewUrlTemplate = await workspaceClaimReviewUrlTemplate(access.workspace.id);
  const secondApprover = await requiresSecondApprover(access.workspace.id);
  const meaning = await embeddingStatus(access);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="mb-4 text-lg font-semibold">
        Settings
      </h2>
      <SettingsTabs slug={slug} current="general" />
      <SettingsForm slug={slug} name={access.workspace.name} labels={labels} claimReviewUrlTemplate={claimReviewUrlTemplate ?? ""} requireSecondApprover={secondApprover} />
      <MeaningStatus status={meaning} />
    </section>
  );
}
