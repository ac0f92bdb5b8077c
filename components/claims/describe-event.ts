import { createTranslator } from "next-intl";
import type { Verdict } from "@/lib/claims/verdicts";
import { formatDate } from "@/lib/format/dates";
import enClaims from "@/messages/en/claims.json";
import { isReviewState, messageKey } from "./message-key";

/**
 * The claims catalogue's words, as describeEvent uses them. A component passes its
 * `useTranslations("claims")` (or a server page its `getTranslations("claims")`); without one the
 * events are told in English (the catalogue's source), as tests and callers not yet translated expect.
 */
export type ClaimWords = (key: string, values?: Record<string, string | number>) => string;

const english = createTranslator({ locale: "en", messages: { claims: enClaims }, namespace: "claims" }) as unknown as ClaimWords;

/** Fields whose values are calendar days (stored as midnight UTC), shown as dates rather than raw timestamps. */
const DAY_FIELDS = new Set(["claimDate"]);
const FIELDS = new Set(["statement", "claimant", "claimDate", "tags", "assignee", "explanation"]);
const SOURCE_FIELDS = new Set(["url", "title", "publisher", "publishedAt", "accessedAt", "kind", "stance", "note"]);
const RELATION_TYPES = new Set(["supports", "contradicts", "responds-to", "related"]);

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.join(", ") || "—";
  if (typeof value === "object" && "name" in (value as object)) return String((value as { name: unknown }).name);
  return String(value);
}

/** One event in words (the claim page's history and the dashboard's activity share it). */
export function describeEvent(e: { kind: string; data: Record<string, unknown> }, labels: Record<Verdict, string>, locale: string, t: ClaimWords = english): string {
  const d = e.data as Record<string, unknown>;
  const state = (s: unknown) => (isReviewState(s) ? t(`reviewState.${messageKey(s)}`) : s ? String(s) : "—");
  const verdict = (v: unknown) => (v ? (labels[v as Verdict] ?? String(v)) : t("history.noVerdict"));
  const field = (f: unknown) => (FIELDS.has(String(f)) ? t(`history.field.${String(f)}`) : String(f));
  const sourceField = (f: unknown) => (SOURCE_FIELDS.has(String(f)) ? t(`history.sourceField.${String(f)}`) : String(f));
  const relation = (r: unknown) => (RELATION_TYPES.has(String(r)) ? t(`history.relationType.${messageKey(String(r))}`) : show(r));
  switch (e.kind) {
    case "created":
      return t("history.created");
    case "edited": {
      const day = DAY_FIELDS.has(String(d.field));
      const value = (v: unknown) => (day && typeof v === "string" && v ? formatDate(v, locale, "day") : show(v));
      return t("history.edited", { field: field(d.field), from: value(d.from), to: value(d.to) });
    }
    case "mention-added":
      return t("history.mentionAdded", { exact: show(d.exact) });
    case "mention-removed":
      return t("history.mentionRemoved", { exact: show(d.exact) });
    case "review-state":
      return t("history.reviewState", { from: state(d.from), to: state(d.to) });
    case "verdict":
      return t("history.verdict", { from: verdict(d.from), to: verdict(d.to) });
    case "source-added":
      return t("history.sourceAdded", { title: show(d.title) });
    case "source-removed":
      return t("history.sourceRemoved", { title: show(d.title) });
    case "source-edited": {
      const fields = Array.isArray(d.changes) ? d.changes.map((c) => sourceField((c as { field?: unknown }).field)) : [];
      return fields.length ? t("history.sourceEditedFields", { title: show(d.title), fields: fields.join(", ") }) : t("history.sourceEdited", { title: show(d.title) });
    }
    case "relation-added":
      return t("history.relationAdded", { statement: show(d.otherStatement), type: relation(d.type) });
    case "relation-removed":
      return t("history.relationRemoved", { statement: show(d.otherStatement), type: relation(d.type) });
    case "merged":
      return t("history.merged", { statement: show(d.fromStatement) });
    case "deleted":
      return t("history.deleted");
    case "restored":
      return t("history.restored");
    case "commented":
      return t("history.commented");
    default:
      return e.kind;
  }
}
