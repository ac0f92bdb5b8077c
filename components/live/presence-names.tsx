"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { SIGNED_OUT_EVENT, type Viewer } from "./use-presence";

/**
 * Who else is on this page, by name (nothing when you're alone); and, if the session ended meanwhile, that.
 * One line, kept whether or not anyone is here and cut with an ellipsis when the names don't fit, so teammates
 * arriving and leaving never move the text below (the whole list stays in the element for screen readers and
 * in its title).
 */
export function PresenceNames({ viewers }: { viewers: Viewer[] }) {
  const t = useTranslations("live");
  const [signedOut, setSignedOut] = useState(false);
  useEffect(() => {
    const on = () => setSignedOut(true);
    window.addEventListener(SIGNED_OUT_EVENT, on);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, on);
  }, []);
  if (signedOut) {
    const back = typeof window === "undefined" ? "/" : window.location.pathname + window.location.search;
    return (
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="signed-out">
        {t.rich("signedOut", {
          link: (chunks) => (
            <a href={`/signin?callbackUrl=${encodeURIComponent(back)}`} target="_blank" rel="noopener" className="font-medium underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    );
  }
  const names = viewers.map((v) => v.name).join(", ");
  return (
    <p role="status" aria-live="polite" className="h-5 truncate text-sm text-stone-600" title={viewers.length ? t("alsoHere", { names }) : undefined} data-testid="presence">
      {viewers.length ? (
        <>
          <span aria-hidden className="mr-1.5 inline-block size-2 rounded-full bg-emerald-500 align-middle" />
          {t("alsoHere", { names })}
        </>
      ) : null}
    </p>
  );
}
