import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { connection } from "next/server";
import { AuthShell } from "@/components/layout/auth-shell";
import { mailEnabled } from "@/lib/mail/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.forgot"))("metaTitle") };
}

export default async function ForgotPasswordPage() {
  // SMTP_URL is read when the page is asked for, not when it was built.
  await connection();
  const t = await getTranslations("auth.forgot");
  if (!mailEnabled()) {
    return (
      <AuthShell title={t("title")}>
        <div className="space-y-4 text-sm text-stone-700">
          <p>{t("mailOff")}</p>
          <Link href="/signin" className="block text-center font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("backToSignIn")}
          </Link>
        </div>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("title")} subtitle={t("subtitle")}>
      <ForgotPasswordForm />
    </AuthShell>
  );
}
