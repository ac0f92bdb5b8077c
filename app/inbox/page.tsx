import type { Metadata } from "next";
import Link from "next/link";
import { InboxList } from "@/components/notifications/inbox-list";
import { requireUser } from "@/lib/auth/session";
import { pageInbox, unreadCount } from "@/lib/notifications/inbox";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requireUser("/inbox");
  const [page, unread] = await Promise.all([pageInbox(user.id), unreadCount(user.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
        <p className="mt-1 text-sm text-stone-600">
          What happened to claims you work on, across your workspaces. Choose what you get, and by e-mail, on your{" "}
          <Link href="/settings#notifications" className="text-brand-700 underline">
            account page
          </Link>
          .
        </p>
      </div>
      {/* Keyed by the newest notification: when "show" brings new ones, the list starts afresh from them. */}
      <InboxList key={page.items[0]?.id ?? "empty"} initial={page} unread={unread} />
    </div>
  );
}
