"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";
import type { WireChange } from "@/lib/live/live-change";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { useRetrying } from "@/components/live/use-retrying";

/** Which of the page's highlights a change is about (the caller knows which highlights mention which claim). */
export function annotationIdsOf(change: WireChange, current: AnnotationView[]): string[] {
  const ofClaim = (claimId: string | null) => (claimId ? current.filter((a) => a.claim?.id === claimId).map((a) => a.id) : []);
  switch (change.kind) {
    case "annotation.created":
    case "annotation.deleted":
    case "annotation.restored":
      return [change.data.annotationId];
    case "claim.created":
      return change.data.annotationId ? [change.data.annotationId] : [];
    case "claim.mention-added":
    case "claim.mention-removed":
      return [change.data.annotationId];
    case "claim.deleted":
      return [...change.data.mentionIds, ...ofClaim(change.claimId)];
    case "claim.merged":
      return [...ofClaim(change.claimId), ...ofClaim(change.data.from)];
    default:
      return ofClaim(change.claimId);
  }
}

/** Kinds after which the text itself may differ: the page is loaded again. */
const RELOAD = new Set(["article.edited", "article.deleted", "annotation.reanchored"]);

/**
 * Teammates' changes to this article's highlights and the claims mentioned in
 * it, live (lib/live): the reader fetches only the highlights a change names
 * (`?ids=`) and merges them in; a new revision reloads the page. The stream
 * has moved past a change once it arrives, so the ids it names wait until
 * their fetch succeeds (retried, see useRetrying): a moment offline or a
 * failed request delays a teammate's highlight, never loses it. `failing`
 * says so meanwhile.
 */
export function useLiveAnnotations(opts: {
  slug: string;
  articleId: string;
  after: number;
  annotations: AnnotationView[];
  fetchIds: (ids: string[]) => Promise<AnnotationView[] | null>;
  merge: (ids: string[], fresh: AnnotationView[]) => void;
}): { failing: boolean } {
  const router = useRouter();
  const pending = useRef(new Set<string>());
  const catchUp = useRetrying(async () => {
    const ids = [...pending.current];
    if (!ids.length) return true;
    pending.current.clear();
    const fresh = await opts.fetchIds(ids).catch(() => null);
    if (!fresh) {
      for (const id of ids) pending.current.add(id);
      return false;
    }
    opts.merge(ids, fresh);
    return true;
  });
  useLiveChanges(
    { slug: opts.slug, article: opts.articleId },
    opts.after,
    (changes) => {
      if (changes.some((c) => RELOAD.has(c.kind) && (c.articleId === opts.articleId || c.articleIds.includes(opts.articleId)))) return router.refresh();
      const ids = changes.flatMap((c) => annotationIdsOf(c, opts.annotations));
      if (!ids.length) return;
      for (const id of ids) pending.current.add(id);
      catchUp.run();
    },
    () => router.refresh(),
  );
  return { failing: catchUp.failing };
}
