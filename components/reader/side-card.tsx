import type { ReactNode } from "react";

/** The reader side panel's card frame (a claim, a plain highlight): a titled section with a close button and an optional status line. */
export function SideCard({ title, closeLabel, notice, onClose, children }: { title: string; closeLabel: string; notice?: string | null; onClose(): void; children: ReactNode }) {
  return (
    <section aria-label={title} className="mb-6 rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-300">
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-xs font-semibold tracking-wide text-stone-500 uppercase">{title}</h2>
        <button type="button" onClick={onClose} className="rounded px-1.5 text-sm text-stone-500 hover:bg-stone-100" aria-label={closeLabel}>
          ×
        </button>
      </div>
      {notice ? (
        <p role="status" className="mt-2 text-sm text-stone-700">
          {notice}
        </p>
      ) : null}
      {children}
    </section>
  );
}
