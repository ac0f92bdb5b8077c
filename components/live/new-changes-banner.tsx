"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { WireChange } from "@/lib/live/live-change";
import { useLiveChanges } from "./use-live-changes";

/**
 * For lists (claims, My queue, dashboard): teammates' changes are counted,
 * not applied, so rows never move under the cursor; "Show" loads the page
 * again with them. `accept` picks the changes this list cares about.
 */
/** What a list counts: "claims" (claims and their comments; lists, My queue, dashboard) or everything the member may see. */
const KINDS: Record<"claims" | "all", (c: WireChange) => boolean> = {
  claims: (c) => c.kind.startsWith("claim.") || c.kind.startsWith("comment."),
  all: () => true,
};

export function NewChangesBanner({ slug, after, kinds = "all" }: { slug: string; after: number; kinds?: "claims" | "all" }) {
  const accept = KINDS[kinds];
  const router = useRouter();
  const t = useTranslations("live");
  const [count, setCount] = useState(0);
  const [pending, startTransition] = useTransition();
  useLiveChanges({ slug }, after, (changes) => {
    const n = changes.filter(accept).length;
    if (n) setCount((c) => c + n);
  }, () => setCount((c) => Math.max(c, 1)));
  return (
    <div aria-live="polite" className="min-h-0">
      {count > 0 ? (
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            setCount(0);
            startTransition(() => router.refresh());
          }}
          className="my-3 w-full rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-left text-sm font-medium text-brand-800 hover:bg-brand-100"
        >
          {t("newChanges", { count })}
        </button>
      ) : null}
    </div>
  );
}
