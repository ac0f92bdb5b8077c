import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InboxList } from "@/components/notifications/inbox-list";
import { requireUser } from "@/lib/auth/session";
import { pageInbox, unreadCount } from "@/lib/notifications/inbox";
import type { CatalogueTranslate } from "@/lib/i18n/translator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.inbox"))("metaTitle") };
}

export default async function InboxPage() {
  const user = await requireUser("/inbox");
  const [words, unread, t] = await Promise.all([getTranslations(), unreadCount(user.id), getTranslations("pages.inbox")]);
  const page = await pageInbox(user.id, { words: words as unknown as CatalogueTranslate });
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t.rich("intro", {
            link: (chunks) => (
              <Link href="/settings#notifications" className="text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      {/* Keyed by the newest notification: when "show" brings new ones, the list starts afresh from them. */}
      <InboxList key={page.items[0]?.id ?? "empty"} initial={page} unread={unread} />
    </div>
  );
}
