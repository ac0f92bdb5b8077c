"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import type { ClaimChange, ClaimDetail } from "@/lib/claims/claim-dto";

import type { ClaimWords } from "./describe-event";
import { clipText, CONFLICT_VALUE_CLIP } from "@/lib/format/clip";

const COUNTED = new Set(["mentions", "sources", "relations"]);
const FIELD_NAMES = new Set(["statement", "claimant", "claimDate", "tags", "assignee", "explanation", "reviewState", "verdict", "mentions", "sources", "relations", "deleted"]);

function describeValue(value: unknown, t: ClaimWords): string {
  if (value === null || value === undefined || value === "") return t("conflict.empty");
  if (Array.isArray(value)) return value.length ? value.join(", ") : t("conflict.none");
  if (typeof value === "object" && value && "name" in value) return String((value as { name: unknown }).name);
  return t("conflict.quoted", { value: clipText(String(value), CONFLICT_VALUE_CLIP) });
}

/** A stale-version refusal in words: who changed what since this page was loaded. */
export function describeConflict(changes: ClaimChange[], t: ClaimWords): string {
  if (!changes.length) return t("conflict.unknown");
  const parts = changes.map((c) => {
    const name = c.by?.name ?? t("conflict.someone");
    const field = FIELD_NAMES.has(c.field) ? t(`conflict.field.${c.field}`) : c.field;
    // Mentions, sources and related claims come as how many there are now: "changed the sources (now 0)", not "to “0”".
    if (COUNTED.has(c.field) && typeof c.value === "number") return t("conflict.countPart", { name, field, count: c.value });
    return t("conflict.part", { name, field, value: describeValue(c.value, t) });
  });
  return t("conflict.message", { parts: parts.join("; ") });
}

/** A claim change's outcome; on refusal, `message` is the server's reason (for sections that show it inline). */
export type SendResult = { ok: boolean; fields: Record<string, string>; message?: string; data?: unknown };
/** A claim change: method, path under the claim, body, and what to say when it worked. */
export type Send = (method: string, path: string, body?: Record<string, unknown>, success?: string) => Promise<SendResult>;

/**
 * Whether an answer is this claim itself. Most changes answer with the whole
 * claim; comments answer with the comment (which has an `id` too) and deletes
 * with nothing, so only a claim with this claim's id may replace the page's.
 */
function isThisClaim(data: unknown, claimId: string): data is ClaimDetail {
  return !!data && typeof data === "object" && (data as { id?: unknown }).id === claimId && typeof (data as { version?: unknown }).version === "number" && Array.isArray((data as { mentions?: unknown }).mentions);
}

/**
 * The claim page's state. A change that answers with the claim shows it at
 * once; any other answer (a comment, nothing) is followed by a reload, so the
 * page always shows the version the next change must name; a conflict reloads it.
 */
export function useClaim(slug: string, initial: ClaimDetail) {
  const t = useTranslations("claims") as unknown as ClaimWords;
  // Every section of the claim page shows its refusals through here: in the reader's language.
  const localize = useApiErrors();
  const [claim, setClaim] = useState(initial);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const base = `/api/w/${slug}/claims/${initial.id}`;

  // The claim is no longer there for this reader: a teammate deleted it (or merged it away, or took their access).
  const [gone, setGone] = useState(false);
  // The claim it was merged into, when that is why it's gone: the page stays (an edit in progress isn't lost) and links there.
  const [mergedInto, setMergedInto] = useState<string | null>(null);

  /**
   * Reads the claim again; false when that failed (the caller may retry). A 404 is an answer, not a failure:
   * retried, it would say "couldn't be loaded yet" for ever about a claim that was deleted (black-box B3).
   */
  const reload = useCallback(async (): Promise<boolean> => {
    const res = await apiSend<ClaimDetail | { redirectTo: string }>("GET", base);
    if (res.ok) {
      const data = res.data;
      if ("redirectTo" in data) {
        // Merged into another claim meanwhile (the API answers where it went, not the claim).
        setMergedInto(data.redirectTo);
        setGone(true);
      } else {
        setGone(false);
        setClaim(data);
      }
    } else if (res.error.status === 404) setGone(true);
    return res.ok || res.error.status === 404;
  }, [base]);

  const send = useCallback(
    async (method: string, path: string, body?: Record<string, unknown>, success?: string): Promise<SendResult> => {
      setNotice(null);
      const res = await apiSend<unknown>(method, `${base}${path}`, body);
      if (res.ok) {
        if (isThisClaim(res.data, initial.id)) setClaim(res.data);
        else await reload();
        if (success) setNotice({ tone: "success", text: success });
        return { ok: true, fields: {}, data: res.data };
      }
      const error = localize(res.error);
      // A 404 may name a part (a source or comment a teammate removed) rather than the claim: reading the claim
      // again says which, and only its own 404 marks the page as gone.
      if (error.status === 404) await reload();
      if (error.status === 409 && Array.isArray(error.body.changes)) {
        setNotice({ tone: "error", text: describeConflict(error.body.changes as ClaimChange[], t) });
        await reload();
      } else {
        setNotice({ tone: "error", text: error.message });
        // A version the claim never had (the server's 400 names the current one): start again from what is there.
        if (typeof error.body.currentVersion === "number") await reload();
      }
      return { ok: false, fields: error.fields, message: error.message };
    },
    [base, reload, initial.id, t, localize],
  );

  return { claim, gone, mergedInto, send, notice, setNotice, reload };
}
