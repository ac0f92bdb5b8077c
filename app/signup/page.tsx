import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/signup-form";
import { AuthShell } from "@/components/layout/auth-shell";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { findInvite } from "@/lib/invites/find-invite";
import { signupIsOpen } from "@/lib/users/signup-policy";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; invite?: string }> }) {
  const { callbackUrl, invite } = await searchParams;
  if (await currentUser()) redirect(safeReturnPath(callbackUrl));
  const invited = invite ? (await findInvite(invite))?.state === "open" : false;
  if (!signupIsOpen() && !invited) {
    return (
      <AuthShell title="Sign-up is by invitation" subtitle="This Claimtrail server only accepts people invited to a workspace.">
        <p className="text-sm text-stone-700">Ask a workspace admin for an invite link, then open it to create your account.</p>
        <p className="mt-4 text-sm">
          <Link href="/signin" className="font-medium text-brand-700 hover:underline">
            Back to sign in
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Create your account" subtitle="One account works across all the workspaces you join.">
      <SignUpForm callbackUrl={callbackUrl ? safeReturnPath(callbackUrl) : undefined} inviteToken={invited ? invite : undefined} />
    </AuthShell>
  );
}
