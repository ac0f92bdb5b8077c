import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { ClaimView } from "@/components/claims/claim-view";
import { can } from "@/lib/auth/permissions";
import { requirePageAccess } from "@/lib/auth/page-access";
import { getClaim } from "@/lib/claims/get-claim";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { uiLocale } from "@/lib/i18n/ui-locale";
import { DomainError } from "@/lib/errors";
import { listMembers } from "@/lib/members/list-members";
import { latestSeq } from "@/lib/changes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("claims.page");
  return { title: t("metaTitle") };
}

export default async function ClaimPage({ params }: { params: Promise<{ slug: string; claimId: string }> }) {
  const { slug, claimId } = await params;
  const access = await requirePageAccess(slug, "workspace.view", `/w/${slug}/claims/${claimId}`);
  // The seq first: a change committed while the page renders is then replayed, not lost.
  const liveSeq = await latestSeq(access.workspace.id);
  // Read together: the page waits for the slowest, not for the sum.
  const [result, labels, members, t] = await Promise.all([
    getClaim(access, claimId).catch((err) => {
      if (err instanceof DomainError && err.status === 404) notFound();
      throw err;
    }),
    uiLocale().then((locale) => getVerdictLabels(access.workspace.id, locale)),
    listMembers(access.workspace.id),
    getTranslations("claims.page"),
  ]);
  if ("redirectTo" in result) redirect(`/w/${slug}/claims/${result.redirectTo}`);
  return (
    <div>
      <nav aria-label={t("breadcrumb")} className="mb-4 text-sm">
        <Link href={`/w/${slug}/claims`} className="text-brand-700 hover:underline">
          {t("backToAll")}
        </Link>
      </nav>
      <ClaimView
        key={result.version}
        slug={slug}
        initial={result}
        labels={labels}
        members={members.map((m) => ({ id: m.user.id, name: m.user.name }))}
        currentUserId={access.userId}
        liveSeq={liveSeq}
        can={{
          edit: can(access.role, "claim.edit"),
          review: can(access.role, "claim.review"),
          comment: can(access.role, "claim.comment"),
          deleteAnyComment: can(access.role, "comment.deleteAny"),
          merge: can(access.role, "claim.merge"),
          delete: can(access.role, "claim.delete"),
          restore: can(access.role, "claim.restore"),
        }}
      />
    </div>
  );
}
