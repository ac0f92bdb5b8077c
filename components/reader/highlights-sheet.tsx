"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

/** Tailwind's `lg`: from here on the highlights sit beside the article. */
const WIDE = "(min-width: 64rem)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Wide on the server: the page is rendered with the panel beside the article, as on a desktop. */
function useWide(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
}

/** Calls `run` whenever `value` changes after the first render. */
function useOnChange(value: unknown, run: () => void) {
  const last = useRef(value);
  useEffect(() => {
    if (Object.is(last.current, value)) return;
    last.current = value;
    run();
  });
}

interface Props {
  /** Shown on the button that opens the sheet: "Highlights (N)". */
  count: number;
  /** The sheet opens when this changes (a highlight tapped in the text). */
  openOn: unknown;
  /**
   * The sheet closes when this changes to something set (an entry opened, so its highlight can be seen;
   * the claim dialog opened over the article). Opening wins when both change at once.
   */
  closeOn: unknown;
  children: ReactNode;
}

/**
 * The reader's highlights panel. Beside the article on a wide screen; on a
 * narrow one a bottom sheet (a modal dialog: focus held inside, Escape or the
 * backdrop closes it, focus returns to its button), opened by a button that
 * stays at the bottom of the screen, so the article is never pushed down
 * behind the whole list.
 */
export function HighlightsSheet({ count, openOn, closeOn, children }: Props) {
  const t = useTranslations("reader.sheet");
  const wide = useWide();
  const [open, setOpen] = useState(false);
  // Closed because something happened in the article: focus goes where that put it, not back to the button.
  const closedByApp = useRef(false);
  useOnChange(closeOn, () => {
    if (!closeOn) return;
    closedByApp.current = true;
    setOpen(false);
  });
  useOnChange(openOn, () => {
    if (!openOn) return;
    closedByApp.current = false;
    setOpen(true);
  });

  if (wide) return <>{children}</>;
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        closedByApp.current = false;
        setOpen(next);
      }}
    >
      {/* Room at the end of the article, so its last lines can be scrolled clear of the button. */}
      <div aria-hidden="true" className="h-12" />
      <Dialog.Trigger className="fixed bottom-4 left-1/2 z-30 -translate-x-1/2 rounded-full bg-stone-900 px-5 py-2.5 text-sm font-medium text-white shadow-lg ring-1 ring-white/20 hover:bg-stone-800">
        {t("open", { count })}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            if (closedByApp.current) event.preventDefault();
          }}
          className="fixed inset-x-0 bottom-0 z-50 flex max-h-[85dvh] flex-col rounded-t-2xl bg-stone-50 px-4 pt-2 pb-4 shadow-2xl"
        >
          <div aria-hidden="true" className="mx-auto mb-2 h-1.5 w-10 rounded-full bg-stone-300" />
          <div className="mb-1 flex items-center justify-end gap-3">
            {/* The list inside has its own visible heading, "Highlights (N)". */}
            <Dialog.Title className="sr-only">{t("title")}</Dialog.Title>
            <Dialog.Close className="rounded-md px-3 py-1.5 text-sm font-medium text-stone-700 ring-1 ring-stone-300 hover:bg-stone-100">{t("close")}</Dialog.Close>
          </div>
          <div className="min-h-0 flex-1">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
