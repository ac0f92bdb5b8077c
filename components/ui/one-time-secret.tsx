"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "./button";

/** A secret shown once (an invite link, an API token): selectable, copyable, with a reminder. */
export function OneTimeSecret({ id, label, value, copyLabel, note, wide = false }: { id: string; label: string; value: string; copyLabel: string; note: string; wide?: boolean }) {
  const t = useTranslations("ui");
  const [copied, setCopied] = useState(false);
  const copy = (
    <Button
      variant="secondary"
      className={wide ? "w-full" : ""}
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => undefined);
        setCopied(true);
      }}
    >
      {copied ? t("copied") : copyLabel}
    </Button>
  );
  const reminder = <p className={wide ? "text-xs text-stone-500" : "text-sm text-stone-600"}>{note}</p>;
  return (
    <div className="mt-4 space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md bg-stone-50 px-3 py-2 font-mono text-xs ring-1 ring-stone-300" />
      {wide ? (
        <>
          {copy}
          {reminder}
        </>
      ) : (
        <div className="flex items-center gap-3">
          {copy}
          {reminder}
        </div>
      )}
    </div>
  );
}
