import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { connection } from "next/server";
import { AuthShell } from "@/components/layout/auth-shell";
import { mailEnabled } from "@/lib/mail/config";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  // SMTP_URL is read when the page is asked for, not when it was built.
  await connection();
  if (!mailEnabled()) {
    return (
      <AuthShell title="Forgot your password?">
        <div className="space-y-4 text-sm text-stone-700">
          <p>E-mail is off on this server, so a reset link can’t be sent. Ask your Claimtrail administrator to reset your password.</p>
          <Link href="/signin" className="block text-center font-medium text-brand-700 underline-offset-2 hover:underline">
            Back to sign in
          </Link>
        </div>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Forgot your password?" subtitle="Enter your account’s email and we’ll send you a link to choose a new one.">
      <ForgotPasswordForm />
    </AuthShell>
  );
}
