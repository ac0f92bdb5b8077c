"use client";

import type { WireChange } from "@/lib/live/live-change";

/**
 * The page's live changes, for parts of the layout that don't open a stream
 * of their own (the header's bell): every change a page's stream delivers is
 * announced here too, so a second connection per tab isn't needed.
 */
const bus: EventTarget | null = typeof window === "undefined" ? null : new EventTarget();

export function announceChanges(changes: WireChange[]): void {
  bus?.dispatchEvent(new CustomEvent<WireChange[]>("changes", { detail: changes }));
}

export function onLiveChanges(listener: (changes: WireChange[]) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<WireChange[]>).detail);
  bus?.addEventListener("changes", handler);
  return () => bus?.removeEventListener("changes", handler);
}
