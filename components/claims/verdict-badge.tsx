import { useTranslations } from "next-intl";
import type { Verdict } from "@/lib/claims/verdicts";
import { isReviewState } from "./message-key";
import { VERDICT_COLOURS } from "./verdict-style";

/** A verdict as a colour swatch plus its label: colour is never the only cue. */
export function VerdictBadge({ verdict, labels }: { verdict: string | null; labels: Record<Verdict, string> }) {
  const t = useTranslations("claims");
  const key = (verdict ?? "none") as Verdict | "none";
  const label = verdict ? (labels[verdict as Verdict] ?? verdict) : t("verdict.none");
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full bg-white px-2 py-0.5 text-xs font-medium text-stone-800 ring-1 ring-stone-300">
      <VerdictSwatch verdict={key} className="h-2.5 w-2.5 rounded-full" />
      {label}
    </span>
  );
}

/** A verdict's colour; "no verdict" is hollow (a grey ring), so it never looks like a judgement. */
export function VerdictSwatch({ verdict, className }: { verdict: string; className: string }) {
  const colour = VERDICT_COLOURS[verdict as Verdict | "none"] ?? VERDICT_COLOURS.none;
  const hollow = !(verdict in VERDICT_COLOURS) || verdict === "none";
  return <span aria-hidden="true" data-verdict-swatch={hollow ? "none" : verdict} className={`${className} ${hollow ? "border-2 bg-white" : ""}`} style={hollow ? { borderColor: colour } : { backgroundColor: colour }} />;
}

/** The review state; an unreviewed claim a reviewer sent back reads "Changes requested" (still unreviewed underneath). */
export function ReviewStateBadge({ state, changesRequested = false }: { state: string; changesRequested?: boolean }) {
  const t = useTranslations();
  const sentBack = changesRequested && state === "unreviewed";
  const tone = sentBack
    ? "bg-orange-50 text-orange-900 ring-orange-200"
    : state === "approved"
      ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
      : state === "in-review"
        ? "bg-sky-50 text-sky-800 ring-sky-200"
        : "bg-stone-100 text-stone-700 ring-stone-200";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${tone}`}>{sentBack ? t("claims.reviewState.changesRequested") : isReviewState(state) ? t(`common.reviewStates.${state}`) : state}</span>;
}
