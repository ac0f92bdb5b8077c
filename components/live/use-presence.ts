"use client";

import { useEffect, useState } from "react";
import { apiSend } from "@/components/ui/api";
import { HEARTBEAT_MS } from "@/lib/live/heartbeat";
import { liveApi } from "./live-api";

/** Fired on window when the server says the session is gone (signed out everywhere, password changed). */
export const SIGNED_OUT_EVENT = "claimtrail:signed-out";

export interface Viewer {
  id: string;
  name: string;
}

/**
 * "I am on this article/claim": a heartbeat while the page is open, answered
 * with who else is. Leaving (closing the tab, navigating away) says so at
 * once, so the others' pages drop the name on their next heartbeat.
 */
export function usePresence(slug: string, subject: "article" | "claim", id: string): Viewer[] {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  useEffect(() => {
    let stopped = false;
    const url = liveApi.presence(slug);
    const beat = async () => {
      if (document.hidden) return;
      const res = await apiSend<{ viewers: Viewer[] }>("POST", url, { subject, id });
      if (res.ok && !stopped) setViewers(res.data.viewers);
      if (!res.ok && res.error.status === 401 && !stopped) {
        // The session ended elsewhere: stop knocking, and let the page say so (what was typed stays).
        stopped = true;
        window.clearInterval(timer);
        setViewers([]);
        window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
      }
    };
    void beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    // A keepalive fetch outlives the closing page like a beacon does, and sends JSON as itself
    // (sendBeacon with a JSON Blob is refused by some browsers: not a CORS-safelisted type).
    const leave = () => {
      void fetch(url, { method: "POST", keepalive: true, headers: { "content-type": "application/json" }, body: JSON.stringify({ subject, id, leaving: true }) }).catch(() => undefined);
    };
    window.addEventListener("pagehide", leave);
    const onVisible = () => void (document.hidden ? undefined : beat());
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      document.removeEventListener("visibilitychange", onVisible);
      void apiSend("POST", url, { subject, id, leaving: true });
    };
  }, [slug, subject, id]);
  return viewers;
}
