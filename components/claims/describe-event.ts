import { createTranslator } from "next-intl";
import type { Verdict } from "@/lib/claims/verdicts";
import { formatDate } from "@/lib/format/dates";
import enClaims from "@/messages/en/claims.json";
import enCommon from "@/messages/en/common.json";
import { isReviewState, messageKey } from "./message-key";

/**
 * A translator, as describeEvent and the claim page's conflict notice use it (keys as plain strings).
 * describeEvent takes one for the whole catalogue: `useTranslations()` in a component,
 * `await getTranslations()` in a server page (it reads `claims.history.*` and `common.reviewStates.*`);
 * without one the events are told in English (the catalogue's source), as tests and callers not
 * yet translated expect.
 */
export type ClaimWords = (key: string, values?: Record<string, string | number>) => string;

const english = createTranslator({ locale: "en", messages: { claims: enClaims, common: enCommon } }) as unknown as ClaimWords;

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
  const state = (s: unknown) => (isReviewState(s) ? t(`common.reviewStates.${s}`) : s ? String(s) : "—");
  const verdict = (v: unknown) => (v ? (labels[v as Verdict] ?? String(v)) : t("claims.history.noVerdict"));
  const field = (f: unknown) => (FIELDS.has(String(f)) ? t(`claims.history.field.${String(f)}`) : String(f));
  const sourceField = (f: unknown) => (SOURCE_FIELDS.has(String(f)) ? t(`claims.history.sourceField.${String(f)}`) : String(f));
  const relation = (r: unknown) => (RELATION_TYPES.has(String(r)) ? t(`claims.history.relationType.${messageKey(String(r))}`) : show(r));
  switch (e.kind) {
    case "created":
      return t("claims.history.created");
    case "edited": {
      const day = DAY_FIELDS.has(String(d.field));
      const value = (v: unknown) => (day && typeof v === "string" && v ? formatDate(v, locale, "day") : show(v));
      return t("claims.history.edited", { field: field(d.field), from: value(d.from), to: value(d.to) });
    }
    case "mention-added":
      return t("claims.history.mentionAdded", { exact: show(d.exact) });
    case "mention-removed":
      return t("claims.history.mentionRemoved", { exact: show(d.exact) });
    case "review-state":
      return t("claims.history.reviewState", { from: state(d.from), to: state(d.to) });
    case "verdict":
      return t("claims.history.verdict", { from: verdict(d.from), to: verdict(d.to) });
    case "source-added":
      return t("claims.history.sourceAdded", { title: show(d.title) });
    case "source-removed":
      return t("claims.history.sourceRemoved", { title: show(d.title) });
    case "source-edited": {
      const fields = Array.isArray(d.changes) ? d.changes.map((c) => sourceField((c as { field?: unknown }).field)) : [];
      return fields.length ? t("claims.history.sourceEditedFields", { title: show(d.title), fields: fields.join(", ") }) : t("claims.history.sourceEdited", { title: show(d.title) });
    }
    case "relation-added":
      return t("claims.history.relationAdded", { statement: show(d.otherStatement), type: relation(d.type) });
    case "relation-removed":
      return t("claims.history.relationRemoved", { statement: show(d.otherStatement), type: relation(d.type) });
    case "merged":
      return t("claims.history.merged", { statement: show(d.fromStatement) });
    case "deleted":
      return t("claims.history.deleted");
    case "restored":
      return t("claims.history.restored");
    case "commented":
      return t("claims.history.commented");
    default:
      return e.kind;
  }
}
