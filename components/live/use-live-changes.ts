"use client";

import { useEffect, useRef, useState } from "react";
import type { WireChange } from "@/lib/live/live-change";
import { liveApi, type LiveTarget } from "./live-api";
import { announceChanges } from "./live-bus";

const POLL_MS = 2000;
/** EventSource failures before the first `ready` that mean SSE is blocked here (a proxy, an extension): poll instead. */
const FAILURES_BEFORE_POLLING = 3;

export type LiveMode = "connecting" | "stream" | "polling";

/**
 * Follows the page's changes from `after` (the seq the server rendered the
 * page at, so nothing between render and connect is lost). Server-Sent
 * Events first; the browser reconnects by itself with Last-Event-ID; where
 * SSE never gets through, polls `?after=` instead. `onChanges` gets each
 * change once, in seq order; `onReset` means "too far behind: reload".
 */
export function useLiveChanges(target: LiveTarget, after: number, onChanges: (changes: WireChange[]) => void, onReset?: () => void): LiveMode {
  const [mode, setMode] = useState<LiveMode>("connecting");
  const handlers = useRef({ onChanges, onReset });
  useEffect(() => {
    handlers.current = { onChanges, onReset };
  });
  const { slug, article, claim } = target;
  useEffect(() => {
    let cursor = after;
    let stopped = false;
    let source: EventSource | null = null;
    let timer: number | null = null;
    const take = (changes: WireChange[]) => {
      const fresh = changes.filter((c) => c.seq > cursor);
      if (!fresh.length) return;
      cursor = fresh[fresh.length - 1].seq;
      handlers.current.onChanges(fresh);
      announceChanges(fresh);
    };
    const t = { slug, article, claim };
    const poll = async () => {
      if (stopped) return;
      try {
        const res = await fetch(liveApi.poll(t, cursor), { cache: "no-store" });
        if (res.ok) {
          const page = (await res.json()) as { changes: WireChange[]; seq: number; more: boolean };
          take(page.changes);
          cursor = Math.max(cursor, page.seq);
          if (page.more && !stopped) return void poll();
        }
      } catch {
        // Offline for a moment: the next poll tries again.
      }
      if (!stopped) timer = window.setTimeout(poll, POLL_MS);
    };
    const startPolling = () => {
      source?.close();
      source = null;
      setMode("polling");
      void poll();
    };
    if (typeof EventSource === "undefined") {
      startPolling();
    } else {
      let failures = 0;
      let ready = false;
      source = new EventSource(liveApi.stream(t, cursor));
      source.addEventListener("change", (e) => take([JSON.parse((e as MessageEvent<string>).data) as WireChange]));
      source.addEventListener("ready", () => {
        ready = true;
        setMode("stream");
      });
      source.addEventListener("reset", (e) => {
        cursor = Number((e as MessageEvent<string>).data);
        handlers.current.onReset?.();
      });
      source.onerror = () => {
        if (ready || stopped) return;
        if (++failures >= FAILURES_BEFORE_POLLING || source?.readyState === EventSource.CLOSED) startPolling();
      };
    }
    return () => {
      stopped = true;
      source?.close();
      if (timer !== null) window.clearTimeout(timer);
    };
    // `after` is where the page started; later renders don't move the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, article, claim]);
  return mode;
}
