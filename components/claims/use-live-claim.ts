"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { useRetrying } from "@/components/live/use-retrying";

/**
 * Teammates' changes to this claim, live (lib/live): the claim is fetched
 * again (one item) and shown, unless the person is in the middle of an edit
 * (`isEditing`: typed into or opened something not yet saved), where a
 * "changed — show" button waits instead, so nothing they typed is lost and
 * nothing moves under their cursor. A merge of this claim into another opens that one (during an edit, it is said and linked).
 * A failed fetch is retried until it works (useRetrying): the stream has
 * moved past the change, so giving up would lose it until a reload.
 */
export function useLiveClaim(opts: { slug: string; claimId: string; after: number; currentUserId: string; reload: () => Promise<boolean>; isEditing: () => boolean; onShow?: () => void }) {
  const router = useRouter();
  const [waiting, setWaiting] = useState(0);
  const fetchClaim = useRetrying(opts.reload);
  useLiveChanges(
    { slug: opts.slug, claim: opts.claimId },
    opts.after,
    (changes) => {
      // Merged into another: that one opens, unless an edit is in progress here; then the page stays, says so and
      // links there (reload reads where it went), so nothing typed is lost without a word.
      if (changes.some((c) => c.kind === "claim.merged" && c.data.from === opts.claimId)) return opts.isEditing() ? fetchClaim.run() : router.refresh();
      // Our own changes are on the page already (each answer carries the claim).
      const theirs = changes.filter((c) => c.actorId !== opts.currentUserId);
      if (!theirs.length) return;
      if (opts.isEditing()) setWaiting((n) => n + theirs.length);
      else fetchClaim.run();
    },
    () => fetchClaim.run(),
  );
  const settle = useCallback(() => setWaiting(0), []);
  return {
    waiting,
    /** The page has just read the claim as it is now: nothing is waiting any more. */
    settle,
    failing: fetchClaim.failing,
    show: () => {
      setWaiting(0);
      opts.onShow?.();
      fetchClaim.run();
    },
  };
}
