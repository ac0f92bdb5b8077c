import type { Metadata } from "next";
import Link from "next/link";
import { PasswordForm } from "@/components/settings/password-form";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { requireUser } from "@/lib/auth/session";
import { mailEnabled } from "@/lib/mail/config";
import { getPreferences } from "@/lib/notifications/preferences";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/settings");
  const prefs = await getPreferences(user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-10 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="mt-1 text-sm text-stone-600">
          Signed in as <strong>{user.name}</strong> ({user.email}). Scripts use{" "}
          <Link href="/settings/tokens" className="text-brand-700 underline">
            API tokens
          </Link>
          .
        </p>
      </div>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <PasswordForm />
      </section>
      <section id="notifications" aria-labelledby="notifications-heading" className="scroll-mt-4 space-y-3">
        <h2 id="notifications-heading" className="text-lg font-semibold">
          Notifications
        </h2>
        <p className="text-sm text-stone-600">
          What reaches your{" "}
          <Link href="/inbox" className="text-brand-700 underline">
            inbox
          </Link>{" "}
          and your mailbox. Daily digests go out once a day; every e-mail has a link that stops its kind.
        </p>
        <PreferencesForm initial={prefs} mailOn={mailEnabled()} />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-stone-600">
          Signed in on a computer you no longer use, or lost a phone? Signing out everywhere ends every session of this account, this one
          included. API tokens keep working; revoke them under API tokens.
        </p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
