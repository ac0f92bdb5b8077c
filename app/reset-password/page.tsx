import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { AuthShell } from "@/components/layout/auth-shell";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  if (typeof token !== "string" || !token) {
    return (
      <AuthShell title="Choose a new password">
        <p className="text-sm text-stone-700">
          This link is incomplete. Open the link from the e-mail again, or{" "}
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            ask for a new one
          </Link>
          .
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Choose a new password" subtitle="Setting it signs your account out everywhere.">
      <ResetPasswordForm token={token} />
    </AuthShell>
  );
}
