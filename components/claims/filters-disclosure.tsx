"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";

/**
 * On phones (below sm) the claims filters fold behind a "Filters (N active)" button, so the list
 * starts on the first screen; from sm up they are always shown and the button is not. They start
 * open when something in them needs fixing.
 */
export function FiltersDisclosure({ active, startOpen, children }: { active: number; startOpen: boolean; children: ReactNode }) {
  const t = useTranslations("claims.filters");
  const [open, setOpen] = useState(startOpen);
  const panel = useId();
  return (
    <div className="mt-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between rounded-xl bg-white px-4 py-2.5 text-sm font-medium ring-1 ring-stone-200 hover:bg-stone-50 sm:hidden"
      >
        <span>
          {active ? t("toggleActive", { count: active }) : t("toggle")}
        </span>
        <span aria-hidden="true" className={`transition-transform motion-reduce:transition-none ${open ? "rotate-180" : ""}`}>
          ▾
        </span>
      </button>
      <div id={panel} className={open ? "max-sm:mt-2" : "max-sm:hidden"}>
        {children}
      </div>
    </div>
  );
}
