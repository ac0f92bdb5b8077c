"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/locale";
import type { InboxItem, InboxPage } from "@/lib/notifications/inbox";
import { UNREAD_EVENT } from "./inbox-bell";

/**
 * The inbox: newest first, a page at a time ("Load more" brings the next,
 * older one), unread ones marked, each with "Mark read"; "Mark all read"
 * above. The unread count is the server's, over every page.
 */
export function InboxList({ initial, unread: initialUnread }: { initial: InboxPage; unread: number }) {
  const router = useRouter();
  const t = useTranslations("notifications.inbox");
  const localize = useApiErrors();
  const [items, setItems] = useState<InboxItem[]>(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [unread, setUnread] = useState(initialUnread);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  // New notifications (the bell saw the count grow) are offered, not slid in above what is being read.
  const [arrived, setArrived] = useState(false);
  const [showing, startShowing] = useTransition();
  useEffect(() => {
    const onUnread = () => setArrived(true);
    window.addEventListener(UNREAD_EVENT, onUnread);
    return () => window.removeEventListener(UNREAD_EVENT, onUnread);
  }, []);
  const newArrivals = (
    <div aria-live="polite">
      {arrived ? (
        <button
          type="button"
          disabled={showing}
          onClick={() => startShowing(() => router.refresh())}
          className="w-full rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-left text-sm font-medium text-brand-800 hover:bg-brand-100"
        >
          {t("newArrived")}
        </button>
      ) : null}
    </div>
  );

  async function loadMore() {
    if (!cursor) return;
    setPending("more");
    setError(null);
    const res = await apiSend<InboxPage & { unread: number }>("GET", `/api/notifications?cursor=${encodeURIComponent(cursor)}`);
    setPending(null);
    if (!res.ok) {
      setError(localize(res.error).message);
      return;
    }
    // A notification that arrived since the first page moves nothing: the cursor reads on from where this list ended.
    setItems((list) => [...list, ...res.data.items.filter((i) => !list.some((j) => j.id === i.id))]);
    setCursor(res.data.nextCursor);
    setUnread(res.data.unread);
  }

  async function mark(id: string | "all") {
    setPending(id);
    setError(null);
    const res = id === "all" ? await apiSend<{ unread: number }>("POST", "/api/notifications/read-all") : await apiSend<{ unread: number }>("POST", `/api/notifications/${encodeURIComponent(id)}/read`);
    setPending(null);
    if (!res.ok) {
      setError(localize(res.error).message);
      return;
    }
    setItems((list) => list.map((i) => (id === "all" || i.id === id ? { ...i, read: true } : i)));
    setUnread(res.data.unread);
    // The bell in the header is server-rendered: refresh it.
    router.refresh();
  }

  if (!items.length) {
    return (
      <div className="space-y-3">
        {newArrivals}
        <p className="rounded-lg bg-white p-6 text-sm text-stone-600 ring-1 ring-stone-200">{t("empty")}</p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {newArrivals}
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-600" role="status">
          {unread ? t("unread", { count: unread }) : t("allRead")}
        </p>
        <Button variant="secondary" onClick={() => mark("all")} disabled={!unread || pending !== null}>
          {pending === "all" ? t("marking") : t("markAll")}
        </Button>
      </div>
      <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg bg-white ring-1 ring-stone-200">
        {items.map((item) => (
          <li key={item.id} data-testid="notification" data-read={item.read} className={`flex gap-3 p-4 ${item.read ? "" : "bg-brand-50/60"}`}>
            <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${item.read ? "bg-transparent" : "bg-brand-600"}`} />
            <div className="min-w-0 flex-1 space-y-1">
              <p className={`text-sm break-words ${item.read ? "text-stone-700" : "font-semibold text-stone-900"}`}>
                {item.read ? null : <span className="sr-only">{t("unreadPrefix")} </span>}
                {item.href ? (
                  <Link href={item.href} className="hover:underline">
                    {item.title}
                  </Link>
                ) : (
                  item.title
                )}
              </p>
              {item.detail ? <p className="line-clamp-3 text-sm break-words whitespace-pre-line text-stone-600">{item.detail}</p> : null}
              <p className="text-xs text-stone-500">
                {item.actorName ? `${item.actorName} · ` : ""}
                {item.workspace.name} · <Time value={item.createdAt} style="date-time" />
              </p>
            </div>
            {item.read ? null : (
              <Button variant="ghost" className="shrink-0 self-start" onClick={() => mark(item.id)} disabled={pending !== null} aria-label={t("markReadNamed", { title: item.title })}>
                {pending === item.id ? t("marking") : t("markRead")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {cursor ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => loadMore()} disabled={pending !== null} aria-busy={pending === "more"}>
            {pending === "more" ? t("loading") : t("loadMore")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
