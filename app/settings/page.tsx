import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageForm } from "@/components/settings/language-form";
import { PasswordForm } from "@/components/settings/password-form";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { requireUser } from "@/lib/auth/session";
import { mailEnabled } from "@/lib/mail/config";
import { getPreferences } from "@/lib/notifications/preferences";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.account"))("metaTitle") };
}

const link = (href: string) =>
  function InlineLink(chunks: ReactNode) {
    return (
      <Link href={href} className="text-brand-700 underline">
        {chunks}
      </Link>
    );
  };

export default async function AccountPage() {
  const user = await requireUser("/settings");
  const [prefs, t] = await Promise.all([getPreferences(user.id), getTranslations("settings.account")]);
  return (
    <div className="mx-auto max-w-2xl space-y-10 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t.rich("signedInAs", { name: user.name, email: user.email, strong: (chunks) => <strong>{chunks}</strong>, link: link("/settings/tokens") })}
        </p>
      </div>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("passwordHeading")}
        </h2>
        <PasswordForm />
      </section>
      <section id="language" aria-labelledby="language-heading" className="scroll-mt-4 space-y-3">
        <h2 id="language-heading" className="text-lg font-semibold">
          {t("languageHeading")}
        </h2>
        <p className="text-sm text-stone-600">{t("languageIntro")}</p>
        <LanguageForm initial={user.locale ?? null} />
      </section>
      <section id="notifications" aria-labelledby="notifications-heading" className="scroll-mt-4 space-y-3">
        <h2 id="notifications-heading" className="text-lg font-semibold">
          {t("notificationsHeading")}
        </h2>
        <p className="text-sm text-stone-600">{t.rich("notificationsIntro", { link: link("/inbox") })}</p>
        <PreferencesForm initial={prefs} mailOn={mailEnabled()} />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          {t("sessionsHeading")}
        </h2>
        <p className="text-sm text-stone-600">{t("sessionsIntro")}</p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
