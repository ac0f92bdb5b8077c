import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/auth/language-switcher";
import { currentUser } from "@/lib/auth/session";
import { Logo } from "./logo";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { InboxBell } from "@/components/notifications/inbox-bell";
import { unreadCount } from "@/lib/notifications/inbox";

export async function AppHeader() {
  const [user, t] = await Promise.all([currentUser(), getTranslations("layout")]);
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4">
        <Link href="/" aria-label={t("home")} className="shrink-0 rounded">
          <Logo />
        </Link>
        {user ? (
          <nav aria-label={t("accountNav")} className="flex min-w-0 items-center gap-3 text-sm whitespace-nowrap">
            <InboxBell unread={await unreadCount(user.id)} userId={user.id} />
            <Link href="/settings" className="max-w-[10rem] min-w-0 truncate rounded px-1 text-stone-600 hover:text-stone-900" title={t("accountSettingsTitle", { email: user.email })}>
              {user.name}
            </Link>
            {/* On a phone, API tokens are reached from the account page (it links to them): the header must fit 390 px. */}
            <Link href="/settings/tokens" className="rounded px-1 text-stone-600 hover:text-stone-900 max-sm:hidden">
              {t("apiTokens")}
            </Link>
            <SignOutButton />
          </nav>
        ) : (
          <LanguageSwitcher />
        )}
      </div>
    </header>
  );
}
