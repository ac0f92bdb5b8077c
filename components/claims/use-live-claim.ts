"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLiveChanges } from "@/components/live/use-live-changes";

/**
 * Teammates' changes to this claim, live (lib/live): the claim is fetched
 * again (one item) and shown, unless the person is typing in one of the
 * page's forms, where a "changed — show" button waits instead so nothing
 * moves under their cursor. A merge of this claim into another opens that one.
 */
export function useLiveClaim(opts: { slug: string; claimId: string; after: number; currentUserId: string; reload: () => Promise<void> }) {
  const router = useRouter();
  const [waiting, setWaiting] = useState(0);
  useLiveChanges(
    { slug: opts.slug, claim: opts.claimId },
    opts.after,
    (changes) => {
      if (changes.some((c) => c.kind === "claim.merged" && c.data.from === opts.claimId)) return router.refresh();
      // Our own changes are on the page already (each answer carries the claim).
      const theirs = changes.filter((c) => c.actorId !== opts.currentUserId);
      if (!theirs.length) return;
      if (document.activeElement?.closest("form")) setWaiting((n) => n + theirs.length);
      else void opts.reload();
    },
    () => void opts.reload(),
  );
  return {
    waiting,
    show: () => {
      setWaiting(0);
      void opts.reload();
    },
  };
}
