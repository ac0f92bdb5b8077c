import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { AuthShell } from "@/components/layout/auth-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.reset"))("metaTitle"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.reset");
  if (typeof token !== "string" || !token) {
    return (
      <AuthShell title={t("title")}>
        <p className="text-sm text-stone-700">
          {t.rich("incomplete", {
            link: (chunks) => (
              <Link href="/forgot-password" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("title")} subtitle={t("subtitle")}>
      <ResetPasswordForm token={token} />
    </AuthShell>
  );
}
