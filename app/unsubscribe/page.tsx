import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { UnsubscribeButton } from "@/components/notifications/unsubscribe-button";
import { messageKey } from "@/components/claims/message-key";
import { isNotificationKind } from "@/lib/notifications/kinds";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.unsubscribe"))("metaTitle") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where the footer link of a notification e-mail leads; the signature is checked when the button is pressed. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Search }) {
  const q = await searchParams;
  const [u, k, t] = [q.u, q.k, q.t];
  const [tr, prefs] = await Promise.all([getTranslations("notifications.unsubscribe"), getTranslations("notifications.preferences")]);
  if (typeof u !== "string" || typeof k !== "string" || typeof t !== "string" || !(k === "digest" || isNotificationKind(k))) {
    return (
      <AuthShell title={tr("title")}>
        <p className="text-sm text-stone-700">
          {tr.rich("incomplete", {
            link: (chunks) => (
              <Link href="/settings#notifications" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </AuthShell>
    );
  }
  const what = k === "digest" ? prefs("channels.digest") : prefs(`kinds.${messageKey(k)}`);
  return (
    <AuthShell title={tr("title")} subtitle={tr("question", { what })}>
      <UnsubscribeButton u={u} k={k} t={t} what={what} />
    </AuthShell>
  );
}
