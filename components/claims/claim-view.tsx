"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { ClaimDetail } from "@/lib/claims/claim-dto";
import type { Verdict } from "@/lib/claims/verdicts";
import { ClaimAdminActions } from "./claim-admin-actions";
import { ClaimFacts, type FactsDraft } from "./claim-facts";
import { CommentsSection } from "./comments-section";
import { HistoryTimeline } from "./history-timeline";
import { MentionsSection } from "./mentions-section";
import { RelationsSection } from "./relations-section";
import { ReviewPanel } from "./review-panel";
import { SourcesSection } from "./sources-section";
import { useClaim, type Send } from "./use-claim";
import { useLiveClaim } from "./use-live-claim";
import { CatchUpNotice } from "@/components/live/catch-up-notice";
import { PresenceNames } from "@/components/live/presence-names";
import { usePresence } from "@/components/live/use-presence";

export interface ClaimPermissions {
  edit: boolean;
  review: boolean;
  comment: boolean;
  deleteAnyComment: boolean;
  merge: boolean;
  delete: boolean;
  restore: boolean;
}

/** The claim page: what is claimed, where, the evidence, the finding, the links, the history and the discussion. */
export function ClaimView({
  slug,
  initial,
  labels,
  can,
  members,
  currentUserId,
  liveSeq,
}: {
  slug: string;
  initial: ClaimDetail;
  labels: Record<Verdict, string>;
  can: ClaimPermissions;
  members: { id: string; name: string }[];
  currentUserId: string;
  /** The change-feed seq when the page was rendered: live updates start after it. */
  liveSeq: number;
}) {
  const t = useTranslations("claims.view");
  const { claim, gone, mergedInto, send: sendChange, notice, reload } = useClaim(slug, initial);
  // Something typed or chosen on this page and not yet saved: a teammate's change then waits behind
  // "show" instead of reloading the claim, which would reset the forms keyed by its version (a
  // half-written send-back reason, an open verdict form). Saving anything settles it: the forms
  // start afresh from the saved version then anyway.
  const editing = useRef(false);
  const send = useCallback<Send>(async (...args) => {
    const r = await sendChange(...args);
    if (r.ok) editing.current = false;
    return r;
  }, [sendChange]);
  const isEditing = useCallback(() => {
    if (editing.current) return true;
    const el = document.activeElement;
    return !!el && (el.matches("input:not([type=radio]):not([type=checkbox]), textarea, select, [contenteditable=true]") || !!el.closest("form"));
  }, []);
  // What a refused save of the claim's facts had changed, for the form the new version opens (claim-facts.tsx).
  const [factsDraft, setFactsDraft] = useState<FactsDraft | null>(null);
  const live = useLiveClaim({ slug, claimId: initial.id, after: liveSeq, currentUserId, reload, isEditing, onShow: () => (editing.current = false) });
  // A version read from the server (a conflict's reload, a save's answer) has every change the banner waited to show.
  const settle = live.settle;
  useEffect(() => settle(), [claim.version, settle]);
  const viewers = usePresence(slug, "claim", initial.id);
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]" onInput={() => (editing.current = true)}>
      <div className="space-y-8">
        <PresenceNames viewers={viewers} />
        <CatchUpNotice failing={live.failing} />
        {live.waiting ? (
          <button
            type="button"
            onClick={() => {
              // Showing starts the page's forms afresh from the new version: say so before unsaved text goes.
              if (editing.current && !window.confirm(t("showWarning"))) return;
              live.show();
            }}
            className="w-full rounded-md border border-brand-600 bg-brand-50 px-3 py-2 text-left text-sm font-medium text-brand-800 hover:bg-brand-100"
          >
            {t("teammateChanged")}
          </button>
        ) : null}
        {gone ? (
          <Alert>
            <span data-testid="claim-gone">
              {mergedInto
                ? t.rich("mergedAway", {
                    link: (chunks) => (
                      <Link href={`/w/${slug}/claims/${mergedInto}`} className="font-medium underline">
                        {chunks}
                      </Link>
                    ),
                  })
                : t.rich("gone", {
                    link: (chunks) => (
                      <Link href={`/w/${slug}/claims`} className="font-medium underline">
                        {chunks}
                      </Link>
                    ),
                  })}
            </span>
          </Alert>
        ) : null}
        {notice ? <Alert tone={notice.tone === "error" ? "error" : "success"}>{notice.text}</Alert> : null}
        {claim.deletedAt ? <Alert>{claim.deletedBy ? t("deletedBy", { name: claim.deletedBy.name }) : t("deleted")}</Alert> : null}
        {claim.mergedFrom.length ? (
          <Alert tone="info">{t("mergedFrom", { statements: claim.mergedFrom.map((m) => `“${m.statement}”`).join(", ") })}</Alert>
        ) : null}
        {/* Keyed by version, like the review panel: after a conflict reload, an open form must not keep the stale values (a second Save would overwrite the other edit). */}
        <ClaimFacts key={claim.version} claim={claim} canEdit={can.edit} members={members} send={send} draft={factsDraft} onDraft={setFactsDraft} />
        <MentionsSection
          key={`mentions-${claim.version}`}
          slug={slug}
          claimId={claim.id}
          mentions={claim.mentions}
          nextCursor={claim.mentionsNextCursor}
          count={claim.mentionCount}
          articleCount={claim.mentionArticleCount}
          version={claim.version}
          canEdit={can.edit && !claim.deletedAt}
          send={send}
        />
        <SourcesSection claim={claim} canEdit={can.edit} send={send} />
        <RelationsSection slug={slug} claim={claim} labels={labels} canEdit={can.edit} send={send} />
        <CommentsSection slug={slug} comments={claim.comments} currentUserId={currentUserId} canComment={can.comment} canDeleteAny={can.deleteAnyComment} send={send} />
      </div>
      <div className="space-y-8">
        <ReviewPanel key={`review-${claim.version}`} claim={claim} labels={labels} canEdit={can.edit} canReview={can.review} send={send} currentUserId={currentUserId} />
        <ClaimAdminActions slug={slug} claim={claim} canMerge={can.merge} canDelete={can.delete} canRestore={can.restore} send={send} />
        <HistoryTimeline key={`history-${claim.version}`} slug={slug} claimId={claim.id} events={claim.events} nextCursor={claim.eventsNextCursor} labels={labels} />
      </div>
    </div>
  );
}
