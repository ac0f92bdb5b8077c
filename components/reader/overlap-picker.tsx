"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";

/** Where highlights overlap, a click asks which one was meant. */
export function OverlapPicker({ at, annotations, onPick, onClose }: { at: { top: number; left: number }; annotations: AnnotationView[]; onPick(id: string): void; onClose(): void }) {
  const t = useTranslations("reader.overlap");
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      role="menu"
      aria-label={t("label")}
      className="absolute z-30 w-80 max-sm:left-0! max-sm:w-full rounded-lg bg-white p-1 text-sm shadow-lg ring-1 ring-stone-200"
      style={{ top: at.top, left: Math.max(0, at.left - 160) }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <p className="px-2.5 pt-1.5 pb-1 text-xs font-medium text-stone-500">{t("count", { count: annotations.length })}</p>
      {annotations.map((a, i) => (
        <button key={a.id} ref={i === 0 ? first : undefined} role="menuitem" type="button" onClick={() => onPick(a.id)} className="block w-full rounded px-2.5 py-1.5 text-left hover:bg-stone-100 focus:bg-stone-100">
          <span className="line-clamp-2 border-l-2 border-amber-400 pl-2 font-serif">{a.exact}</span>
          <span className="text-xs text-stone-500">{a.createdBy?.name ?? t("someone")}</span>
        </button>
      ))}
    </div>
  );
}
