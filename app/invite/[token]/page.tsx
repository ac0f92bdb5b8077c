import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AcceptInviteButton } from "@/components/workspaces/accept-invite-button";
import { AuthShell } from "@/components/layout/auth-shell";
import { buttonClass } from "@/components/ui/button-class";
import { currentUser } from "@/lib/auth/session";
import { findInvite } from "@/lib/invites/find-invite";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.invite"))("metaTitle") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user, t, tc] = await Promise.all([findInvite(token), currentUser(), getTranslations("pages.invite"), getTranslations("common")]);
  // Someone who signed up through this link joined with it already: straight to the workspace.
  if (invite && user && invite.usedById === user.id) redirect(`/w/${invite.workspace.slug}`);
  if (!invite || invite.state !== "open") {
    return (
      <AuthShell title={t("invalidTitle")}>
        <p className="text-sm text-stone-700">
          {invite && invite.state !== "open" ? t(invite.state) : t("notValid")} {t("askAdmin")}
        </p>
      </AuthShell>
    );
  }
  const here = `/invite/${token}`;
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <AuthShell
      title={t("join", { workspace: invite.workspace.name })}
      subtitle={t.rich("invitedAs", { inviter: invite.createdBy.name, role: tc(`roles.${invite.role}`), description: tc(`roleDescriptions.${invite.role}`), strong })}
    >
      {user ? (
        <div className="space-y-3">
          <p className="text-sm text-stone-700">{t.rich("signedInAs", { email: user.email, strong })}</p>
          <AcceptInviteButton token={token} />
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-stone-700">{t("createOrSignIn")}</p>
          <Link href={`/signup?invite=${encodeURIComponent(token)}&callbackUrl=${encodeURIComponent(here)}`} className={buttonClass("primary", "w-full")}>
            {t("createAccount")}
          </Link>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass("secondary", "w-full")}>
            {t("haveAccount")}
          </Link>
        </div>
      )}
    </AuthShell>
  );
}
