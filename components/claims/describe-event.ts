import { REVIEW_STATE_LABELS, type ReviewState } from "@/lib/claims/review-states";
import type { Verdict } from "@/lib/claims/verdicts";
import { formatDate } from "@/lib/format/dates";

// Claim events in words: the claim page's history and the dashboard's activity (a server component) share it.
const FIELD: Record<string, string> = { statement: "statement", claimant: "claimant", claimDate: "claim date", tags: "tags", assignee: "assignee", explanation: "explanation" };

const SOURCE_FIELD: Record<string, string> = { url: "URL", title: "title", publisher: "publisher", publishedAt: "published date", accessedAt: "accessed date", kind: "kind", stance: "stance", note: "note" };

/** Fields whose values are calendar days (stored as midnight UTC), shown as dates rather than raw timestamps. */
const DAY_FIELDS = new Set(["claimDate"]);

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.join(", ") || "—";
  if (typeof value === "object" && "name" in (value as object)) return String((value as { name: unknown }).name);
  return String(value);
}

/** One event in words. */
export function describeEvent(e: { kind: string; data: Record<string, unknown> }, labels: Record<Verdict, string>, locale: string): string {
  const d = e.data as Record<string, unknown>;
  const state = (s: unknown) => (s ? (REVIEW_STATE_LABELS[s as ReviewState] ?? String(s)) : "—");
  const verdict = (v: unknown) => (v ? (labels[v as Verdict] ?? String(v)) : "no verdict");
  switch (e.kind) {
    case "created":
      return "created the claim";
    case "edited": {
      const day = DAY_FIELDS.has(String(d.field));
      const value = (v: unknown) => (day && typeof v === "string" && v ? formatDate(v, locale, "day") : show(v));
      return `changed the ${FIELD[String(d.field)] ?? String(d.field)} from “${value(d.from)}” to “${value(d.to)}”`;
    }
    case "mention-added":
      return `added a mention: “${show(d.exact)}”`;
    case "mention-removed":
      return `removed a mention: “${show(d.exact)}”`;
    case "review-state":
      return `moved it from ${state(d.from)} to ${state(d.to)}`;
    case "verdict":
      return `changed the verdict from ${verdict(d.from)} to ${verdict(d.to)}`;
    case "source-added":
      return `added a source: ${show(d.title)}`;
    case "source-removed":
      return `removed a source: ${show(d.title)}`;
    case "source-edited": {
      const fields = Array.isArray(d.changes) ? d.changes.map((c) => SOURCE_FIELD[String((c as { field?: unknown }).field)] ?? String((c as { field?: unknown }).field)) : [];
      return `edited a source: ${show(d.title)}${fields.length ? ` (${fields.join(", ")})` : ""}`;
    }
    case "relation-added":
      return `linked “${show(d.otherStatement)}” (${show(d.type)})`;
    case "relation-removed":
      return `unlinked “${show(d.otherStatement)}” (${show(d.type)})`;
    case "merged":
      return `merged “${show(d.fromStatement)}” into this claim`;
    case "deleted":
      return "deleted the claim";
    case "restored":
      return "restored the claim";
    case "commented":
      return "commented";
    default:
      return e.kind;
  }
}
