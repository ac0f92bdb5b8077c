export default function Loading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-10" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-56 animate-pulse rounded bg-stone-200" />
      <div className="mt-6 space-y-3">
        <div className="h-16 animate-pulse rounded-lg bg-stone-200/70" />
        <div className="h-16 animate-pulse rounded-lg bg-stone-200/70" />
      </div>
    </div>
  );
}
