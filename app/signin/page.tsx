import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/signin-form";
import { AuthShell } from "@/components/layout/auth-shell";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { signupIsOpen } from "@/lib/users/signup-policy";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentUser()) redirect(safeReturnPath(callbackUrl));
  return (
    <AuthShell title="Sign in to Claimtrail" subtitle="Track claims, sources and verdicts with your team.">
      <SignInForm callbackUrl={callbackUrl ? safeReturnPath(callbackUrl) : undefined} signupOpen={signupIsOpen()} />
    </AuthShell>
  );
}
