"use client";

/** Said while a teammate's change has arrived but what it names couldn't be loaded yet (it is being retried). */
export function CatchUpNotice({ failing }: { failing: boolean }) {
  return (
    <p role="status" aria-live="polite" className={failing ? "text-sm text-amber-800" : "sr-only"} data-testid="live-catch-up">
      {failing ? "A teammate’s change couldn’t be loaded yet (connection problem). Trying again…" : ""}
    </p>
  );
}
