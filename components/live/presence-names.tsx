"use client";

import type { Viewer } from "./use-presence";

/** Who else is on this page, by name (nothing when you're alone). */
export function PresenceNames({ viewers }: { viewers: Viewer[] }) {
  return (
    <p role="status" aria-live="polite" className="min-h-5 text-sm text-stone-600" data-testid="presence">
      {viewers.length ? (
        <>
          <span aria-hidden className="mr-1.5 inline-block size-2 rounded-full bg-emerald-500 align-middle" />
          Also here: {viewers.map((v) => v.name).join(", ")}
        </>
      ) : null}
    </p>
  );
}
