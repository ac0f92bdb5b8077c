import type { ReasonKind, SuggestionReason } from "@/lib/search/suggest-claims";

const LABELS: Record<ReasonKind, string> = { name: "Name", date: "Date", number: "Number", words: "Words", spelling: "Similar spelling", meaning: "Meaning" };

/** Why a suggested claim matched: "Name: lavrov, blinken · Date: 2021-12-17 · Words: talk". */
export function SuggestionReasons({ reasons }: { reasons?: SuggestionReason[] }) {
  if (!reasons?.length) return null;
  return (
    <p className="mt-1 text-xs break-words text-stone-600" data-testid="suggestion-reasons">
      <span className="sr-only">Matched on: </span>
      {reasons.map((r, i) => (
        <span key={r.kind}>
          {i > 0 ? " · " : null}
          <span className="font-medium text-stone-700">{LABELS[r.kind]}</span>: {r.terms.join(", ")}
        </span>
      ))}
    </p>
  );
}
