import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/signup-form";
import { AuthShell } from "@/components/layout/auth-shell";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { findInvite } from "@/lib/invites/find-invite";
import { signupIsOpen } from "@/lib/users/signup-policy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("metaTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; invite?: string }> }) {
  const { callbackUrl, invite } = await searchParams;
  if (await currentUser()) redirect(safeReturnPath(callbackUrl));
  const t = await getTranslations("auth.signUp");
  const invited = invite ? (await findInvite(invite))?.state === "open" : false;
  if (!signupIsOpen() && !invited) {
    return (
      <AuthShell title={t("closedTitle")} subtitle={t("closedSubtitle")}>
        <p className="text-sm text-stone-700">{t("closedBody")}</p>
        <p className="mt-4 text-sm">
          <Link href="/signin" className="font-medium text-brand-700 hover:underline">
            {t("backToSignIn")}
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("title")} subtitle={t("subtitle")}>
      <SignUpForm callbackUrl={callbackUrl ? safeReturnPath(callbackUrl) : undefined} inviteToken={invited ? invite : undefined} />
    </AuthShell>
  );
}
