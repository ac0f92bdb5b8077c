"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiSend } from "@/components/ui/api";
import { onLiveChanges } from "@/components/live/live-bus";

/** How often the count is read while the tab is visible on a page without a live stream (inbox, settings). */
const POLL_MS = 15_000;
/** Changes come in bursts (a bulk action): one read after the burst. */
const SETTLE_MS = 400;

/** Kinds that can put something in someone's inbox (lib/notifications/derive.ts): others never cost a read. */
const MAY_NOTIFY = (kind: string) => kind.startsWith("claim.") || kind.startsWith("comment.") || kind === "invite.accepted";

/** Fired on window with the new unread count when it grows, so the inbox page can offer to show the new ones. */
export const UNREAD_EVENT = "claimtrail:unread";

/**
 * The header's bell: a link to the inbox with the unread count. Rendered by
 * the server, then kept current: a notification is written in the same
 * transaction as the change that causes it, so when the page's live stream
 * brings a teammate's change, the count is read again; where no stream is
 * open, it is read every 15 s while the tab is visible, and when the tab
 * comes back into view or online.
 */
export function InboxBell({ unread: fromServer, userId }: { unread: number; userId: string }) {
  const t = useTranslations("notifications.bell");
  const [unread, setUnread] = useState(fromServer);
  // A server render after marking read (router.refresh) brings the new count.
  const [rendered, setRendered] = useState(fromServer);
  if (rendered !== fromServer) {
    setRendered(fromServer);
    setUnread(fromServer);
  }
  const last = useRef(fromServer);
  useEffect(() => {
    last.current = unread;
  }, [unread]);

  const read = useCallback(async () => {
    const res = await apiSend<{ unread: number }>("GET", "/api/notifications?limit=1");
    if (!res.ok) return;
    const n = res.data.unread;
    if (n > last.current) window.dispatchEvent(new CustomEvent<number>(UNREAD_EVENT, { detail: n }));
    setUnread(n);
  }, []);

  useEffect(() => {
    let settle: number | null = null;
    const soon = () => {
      if (settle !== null) window.clearTimeout(settle);
      settle = window.setTimeout(() => void read(), SETTLE_MS);
    };
    const stop = onLiveChanges((changes) => {
      if (changes.some((c) => c.actorId !== userId && MAY_NOTIFY(c.kind))) soon();
    });
    const poll = window.setInterval(() => {
      if (document.visibilityState === "visible") void read();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") soon();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", soon);
    return () => {
      stop();
      window.clearInterval(poll);
      if (settle !== null) window.clearTimeout(settle);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", soon);
    };
  }, [read, userId]);

  const label = unread ? t("unread", { count: unread }) : t("none");
  return (
    <Link href="/inbox" aria-label={label} title={label} className="relative inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md text-stone-600 hover:bg-stone-100 hover:text-stone-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span data-testid="unread-count" className="absolute -top-0.5 -right-0.5 min-w-[1.125rem] rounded-full bg-red-600 px-1 text-center text-[11px] leading-[1.125rem] font-semibold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
