"use client";

import { useRouter } from "next/navigation";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";
import type { WireChange } from "@/lib/live/live-change";
import { useLiveChanges } from "@/components/live/use-live-changes";

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
 * (`?ids=`) and merges them in; a new revision reloads the page.
 */
export function useLiveAnnotations(opts: {
  slug: string;
  articleId: string;
  after: number;
  annotations: AnnotationView[];
  fetchIds: (ids: string[]) => Promise<AnnotationView[] | null>;
  merge: (ids: string[], fresh: AnnotationView[]) => void;
}) {
  const router = useRouter();
  useLiveChanges(
    { slug: opts.slug, article: opts.articleId },
    opts.after,
    (changes) => {
      if (changes.some((c) => RELOAD.has(c.kind) && (c.articleId === opts.articleId || c.articleIds.includes(opts.articleId)))) return router.refresh();
      const ids = [...new Set(changes.flatMap((c) => annotationIdsOf(c, opts.annotations)))];
      if (!ids.length) return;
      void opts.fetchIds(ids).then((fresh) => fresh && opts.merge(ids, fresh));
    },
    () => router.refresh(),
  );
}
