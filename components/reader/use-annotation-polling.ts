"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { AnnotationSnapshot } from "@/lib/annotations/list-annotations";

const INTERVAL_MS = 3000;

/**
 * Teammates' highlights arrive by polling a version counter kept in
 * PostgreSQL (not server memory), so it works with any number of app
 * instances. A new article revision reloads the page.
 */
export function useAnnotationPolling(url: string, revision: number, version: number, onChange: (snapshot: AnnotationSnapshot) => void) {
  const router = useRouter();
  const state = useRef({ version, onChange });
  useEffect(() => {
    state.current = { version, onChange };
  });
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (document.hidden) return;
      try {
        const res = await fetch(`${url}?since=${state.current.version}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const data = (await res.json()) as AnnotationSnapshot & { changed: boolean };
        if (data.revision !== revision) router.refresh();
        else if (data.changed) state.current.onChange(data);
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    const timer = window.setInterval(tick, INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [url, revision, router]);
}
