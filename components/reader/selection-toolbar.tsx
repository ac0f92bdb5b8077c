"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

interface Props {
  anchor: { top: number; left: number };
  busy: boolean;
  onClaim(): void;
  onHighlight(note?: string): void;
}

/** Floats under a selection: make it a claim (M), or just highlight it (H), optionally with a note. */
export function SelectionToolbar({ anchor, busy, onClaim, onHighlight }: Props) {
  const t = useTranslations("reader.toolbar");
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState("");
  const button = "rounded px-2.5 py-1.5 font-medium hover:bg-stone-700 disabled:opacity-60";
  const key = "ml-2 rounded bg-stone-700 px-1 text-xs text-stone-300";
  return (
    <div
      role="toolbar"
      aria-label={t("label")}
      className="absolute z-20 flex -translate-x-1/2 flex-col gap-2 rounded-lg bg-stone-900 p-1.5 text-sm text-white shadow-lg max-sm:fixed max-sm:inset-x-3 max-sm:top-auto! max-sm:bottom-3 max-sm:left-3! max-sm:z-[45] max-sm:translate-x-0"
      style={{ top: anchor.top, left: Math.max(anchor.left, 160) }}
      onMouseDown={(e) => {
        // Keep the text selection alive while the toolbar is used.
        if (!(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
      }}
    >
      <div className="flex flex-wrap gap-1">
        <button type="button" disabled={busy} onClick={onClaim} className={button} title={t("markTitle")}>
          {t("mark")}<kbd className={key}>M</kbd>
        </button>
        <button type="button" disabled={busy} onClick={() => onHighlight(note)} className={button} title={t("highlightTitle")}>
          {busy ? t("saving") : t("highlight")}
          <kbd className={key}>H</kbd>
        </button>
        <button type="button" onClick={() => setNoting((v) => !v)} aria-expanded={noting} className="rounded px-2.5 py-1.5 hover:bg-stone-700">
          {t("addNote")}
        </button>
      </div>
      {noting ? (
        <div className="w-72 space-y-1.5 p-1 max-sm:w-auto">
          <label htmlFor="highlight-note" className="block text-xs text-stone-300">
            {t("note")}
          </label>
          <textarea
            id="highlight-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={5000}
            className="w-full rounded bg-white p-2 text-sm text-stone-900"
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) onHighlight(note);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
