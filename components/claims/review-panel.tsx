"use client";

import type { Send } from "./use-claim";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ClaimDetail } from "@/lib/claims/claim-dto";
import type { RichDoc } from "@/lib/claims/rich-text";
import { selfApprovalReason } from "@/lib/claims/self-approval";
import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import { RichText, RichTextEditor } from "./rich-text-editor";
import { ReviewStateBadge, VerdictBadge } from "./verdict-badge";

interface Props {
  claim: ClaimDetail;
  currentUserId: string;
  labels: Record<Verdict, string>;
  canEdit: boolean;
  canReview: boolean;
  send: Send;
}

/** The finding (verdict and explanation) and the workflow (review state), side by side but separate. */
export function ReviewPanel({ claim, labels, canEdit, canReview, send, currentUserId }: Props) {
  const t = useTranslations("claims.review");
  const tv = useTranslations("common.verdictDescriptions");
  const [editingVerdict, setEditingVerdict] = useState(false);
  const [verdict, setVerdict] = useState<string>(claim.verdict ?? "");
  const [explanation, setExplanation] = useState<RichDoc | null>(claim.explanation);
  const [note, setNote] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const approved = claim.reviewState === "approved";
  // The server's reasons, keyed by what is missing; said in the viewer's language when we know the key.
  const missing = Object.entries(claim.approvalMissing).map(([key, reason]) => (t.has(`missing.${key}`) ? t(`missing.${key}`) : reason));
  // The server judges (approveClaim); these say beforehand what it would refuse, so Approve is disabled with the reason.
  const selfApproval = claim.secondApproverRequired && selfApprovalReason(claim.verdictAuthors, currentUserId) ? t("selfApproval") : null;
  const approveBlockedBy = [missing.length ? "approval-checklist" : "", selfApproval ? "self-approval-reason" : ""].filter(Boolean).join(" ") || undefined;
  async function saveVerdict() {
    setPending(true);
    const r = await send("PUT", "/verdict", { version: claim.version, verdict: verdict || null, explanation, note: note.trim() || undefined }, t("verdictSaved"));
    setPending(false);
    setFields(r.fields);
    if (r.ok) {
      setEditingVerdict(false);
      setNote("");
    }
  }

  async function review(action: "submit" | "approve" | "send-back" | "reopen", success: string) {
    setPending(true);
    const r = await send("POST", "/review", { action, version: claim.version, note: note.trim() || undefined }, success);
    setPending(false);
    setFields(r.fields);
    if (r.ok) setNote("");
  }

  return (
    <section aria-labelledby="review-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="review-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <VerdictBadge verdict={claim.verdict} labels={labels} />
        <ReviewStateBadge state={claim.reviewState} changesRequested={!!claim.changesRequested} />
        {claim.approvedBy && approved ? <span className="text-xs text-stone-500">{t("approvedBy", { name: claim.approvedBy.name })}</span> : null}
      </div>
      {claim.verdict ? <p className="mt-2 text-sm text-stone-600">{tv(claim.verdict)}</p> : null}

      {editingVerdict ? (
        <div className="mt-4 space-y-3">
          <fieldset>
            <legend className="text-sm font-medium">{t("verdict")}</legend>
            <div className="mt-2 grid gap-1.5">
              {VERDICTS.map((v) => (
                <label key={v} className="flex items-start gap-2 text-sm">
                  <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} className="mt-1" />
                  <span>
                    <span className="font-medium">{labels[v]}</span> <span className="text-stone-500">— {tv(v)}</span>
                  </span>
                </label>
              ))}
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="verdict" value="" checked={verdict === ""} onChange={() => setVerdict("")} />
                {t("noVerdict")}
              </label>
            </div>
            {fields.verdict ? <p className="mt-1 text-sm text-red-700">{fields.verdict}</p> : null}
          </fieldset>
          <div className="space-y-1.5">
            <span id="explanation-label" className="block text-sm font-medium">
              {t("explanation")}
            </span>
            <RichTextEditor id="claim-explanation" label={t("explanation")} value={claim.explanation} onChange={(doc) => setExplanation(doc)} />
            {fields.explanation ? <p className="text-sm text-red-700">{fields.explanation}</p> : null}
          </div>
          <div className="space-y-1.5">
            <label htmlFor="verdict-note" className="block text-sm font-medium">
              {t("historyNote")}
            </label>
            <input id="verdict-note" value={note} onChange={(e) => setNote(e.target.value)} className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none" />
          </div>
          <div className="flex gap-2">
            <Button type="button" disabled={pending} onClick={saveVerdict}>
              {pending ? t("saving") : t("saveVerdict")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEditingVerdict(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <>
          {claim.explanation ? (
            <div className="mt-3">
              <h3 className="text-sm font-medium text-stone-700">{t("explanation")}</h3>
              <div className="mt-1">
                <RichText doc={claim.explanation} />
              </div>
            </div>
          ) : null}
          {canEdit && !approved ? (
            <Button variant="secondary" className="mt-3 py-1" onClick={() => setEditingVerdict(true)}>
              {claim.verdict ? t("changeVerdict") : t("proposeVerdict")}
            </Button>
          ) : null}
          {canEdit && approved ? <p className="mt-3 text-sm text-stone-500">{t("verdictLocked")}</p> : null}
        </>
      )}

      {/* Nothing to do here for an annotator once it is approved (the verdict section says a reviewer can reopen it). */}
      {canReview || (canEdit && !approved) ? (
        <div className="mt-5 border-t border-stone-200 pt-4">
          <h3 className="text-sm font-medium text-stone-700">{t("review")}</h3>
          {claim.changesRequested && claim.reviewState === "unreviewed" ? (
            <div id="changes-requested" className="mt-2 rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-950 ring-1 ring-orange-200">
              <p className="font-medium">
                {claim.changesRequested.by ? t("changesRequestedBy", { name: claim.changesRequested.by.name }) : t("changesRequested")}
              </p>
              <p className="mt-1 whitespace-pre-line">{claim.changesRequested.reason}</p>
              {canEdit ? <p className="mt-1 text-orange-900">{t("makeChanges")}</p> : null}
            </div>
          ) : null}
          {/* Shown before anyone clicks: what approval will need, from the first draft on. */}
          {!approved && missing.length ? (
            <div id="approval-checklist" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              <p className="font-medium">{t("beforeApproval")}</p>
              <ul className="mt-1 list-disc pl-5">
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {claim.reviewState === "in-review" && canReview && selfApproval ? (
            <p id="self-approval-reason" className="mt-2 rounded-md bg-stone-50 px-3 py-2 text-sm text-stone-700 ring-1 ring-stone-200">
              {selfApproval}
            </p>
          ) : null}
          {(claim.reviewState === "in-review" && canReview) || (approved && canReview) ? (
            <div className="mt-3 space-y-1.5">
              <label htmlFor="review-note" className="block text-sm font-medium">
                {approved ? t("reopenNote") : t("sendBackNote")}
              </label>
              <textarea id="review-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} aria-invalid={fields.note ? true : undefined} className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none" />
              {fields.note ? <p className="text-sm text-red-700">{fields.note}</p> : null}
            </div>
          ) : null}
          <div className="mt-3 flex flex-wrap gap-2">
            {claim.reviewState === "unreviewed" && canEdit ? (
              <Button disabled={pending} aria-describedby={missing.length ? "approval-checklist" : undefined} onClick={() => review("submit", t("submitted"))}>
                {t("submit")}
              </Button>
            ) : null}
            {claim.reviewState === "in-review" && canReview ? (
              <>
                <Button disabled={pending || !!approveBlockedBy} aria-describedby={approveBlockedBy} onClick={() => review("approve", t("approvedDone"))}>
                  {t("approve")}
                </Button>
                <Button variant="secondary" disabled={pending} onClick={() => review("send-back", t("sentBack"))}>
                  {t("sendBack")}
                </Button>
              </>
            ) : null}
            {approved && canReview ? (
              <Button variant="secondary" disabled={pending} onClick={() => review("reopen", t("reopened"))}>
                {t("reopen")}
              </Button>
            ) : null}
            {claim.reviewState === "in-review" && !canReview ? <p className="text-sm text-stone-500">{t("waiting")}</p> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
