"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { clipText, UNDO_QUOTE_CLIP } from "@/lib/format/clip";

export interface UndoState {
  /** The deleted highlight. */
  id: string;
  exact: string;
  phase: "deleted" | "restoring" | "restored" | "failed";
  /** Why the undo failed, in words. */
  message?: string;
}

/**
 * Said after a highlight is deleted, with the way back. The live region is
 * always in the page (an aria-live region added together with its text is not
 * reliably announced); what is in it changes. Nothing here times out: the
 * notice stays until dismissed or replaced by the next delete, so nobody has to
 * be quick to undo.
 */
export function UndoNotice({ state, onUndo, onDismiss, undoButton }: { state: UndoState | null; onUndo(): void; onDismiss(): void; undoButton: RefObject<HTMLButtonElement | null> }) {
  const t = useTranslations("reader.undo");
  const quote = state ? `“${clipText(state.exact, UNDO_QUOTE_CLIP)}”` : "";
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="lg:sticky lg:top-0 lg:z-10">
      {state ? (
        <div className={`mb-4 flex items-start gap-2 rounded-lg p-3 text-sm shadow-sm ring-1 ${state.phase === "failed" ? "bg-red-50 ring-red-200" : "bg-stone-800 text-white ring-stone-800"}`}>
          <p className="min-w-0 flex-1 break-words">
            {state.phase === "deleted" || state.phase === "restoring" ? t("deleted", { quote }) : null}
            {state.phase === "restored" ? t("restored", { quote }) : null}
            {state.phase === "failed" ? <span className="text-red-800">{state.message ?? t("failed")}</span> : null}
          </p>
          {state.phase === "deleted" || state.phase === "restoring" ? (
            <button
              ref={undoButton}
              type="button"
              onClick={onUndo}
              disabled={state.phase === "restoring"}
              className="shrink-0 rounded px-2 py-0.5 font-semibold text-amber-200 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-200 disabled:opacity-60"
            >
              {state.phase === "restoring" ? t("restoring") : t("undo")}
            </button>
          ) : null}
          <button
            type="button"
            onClick={onDismiss}
            aria-label={t("dismiss")}
            className={`shrink-0 rounded px-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 ${state.phase === "failed" ? "text-red-800 hover:bg-red-100 focus-visible:outline-red-700" : "text-stone-300 hover:bg-stone-700 focus-visible:outline-amber-200"}`}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
