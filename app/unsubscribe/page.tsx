import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { UnsubscribeButton } from "@/components/notifications/unsubscribe-button";
import { isNotificationKind, NOTIFICATION_KIND_LABELS } from "@/lib/notifications/kinds";

export const metadata: Metadata = { title: "Unsubscribe" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where the footer link of a notification e-mail leads; the signature is checked when the button is pressed. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Search }) {
  const q = await searchParams;
  const [u, k, t] = [q.u, q.k, q.t];
  if (typeof u !== "string" || typeof k !== "string" || typeof t !== "string" || !(k === "digest" || isNotificationKind(k))) {
    return (
      <AuthShell title="Unsubscribe">
        <p className="text-sm text-stone-700">
          This link is incomplete. Open it from the e-mail again, or choose what you get on your{" "}
          <Link href="/settings#notifications" className="font-medium text-brand-700 underline">
            account page
          </Link>
          .
        </p>
      </AuthShell>
    );
  }
  const what = k === "digest" ? "the daily digest" : `“${NOTIFICATION_KIND_LABELS[k]}”`;
  return (
    <AuthShell title="Unsubscribe" subtitle={`Stop e-mails for ${what}?`}>
      <UnsubscribeButton u={u} k={k} t={t} what={what} />
    </AuthShell>
  );
}
