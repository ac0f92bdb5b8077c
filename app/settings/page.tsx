import type { Metadata } from "next";
import Link from "next/link";
import { PasswordForm } from "@/components/settings/password-form";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/settings");
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
