import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/signin-form";
import { AuthShell } from "@/components/layout/auth-shell";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { signupIsOpen } from "@/lib/users/signup-policy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("metaTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentUser()) redirect(safeReturnPath(callbackUrl));
  const t = await getTranslations("auth.signIn");
  return (
    <AuthShell title={t("title")} subtitle={t("subtitle")}>
      <SignInForm callbackUrl={callbackUrl ? safeReturnPath(callbackUrl) : undefined} signupOpen={signupIsOpen()} />
    </AuthShell>
  );
}
