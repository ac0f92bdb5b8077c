import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import { VerdictSwatch } from "./verdict-badge";

/** What the highlight colours and underlines mean. */
export function HighlightLegend({ labels }: { labels: Record<Verdict, string> }) {
  return (
    <details className="mb-4 max-w-2xl rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-stone-200">
      <summary className="cursor-pointer font-medium text-stone-700">Legend</summary>
      <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
        {VERDICTS.map((v) => (
          <li key={v} className="flex items-center gap-2">
            <VerdictSwatch verdict={v} className="h-3 w-5 rounded-sm" />
            {labels[v]}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <VerdictSwatch verdict="none" className="h-3 w-5 rounded-sm" />
          Claim without a verdict
        </li>
      </ul>
      <ul className="mt-2 space-y-1 text-stone-600">
        <li>
          <span className="border-b-2 border-dotted border-stone-500">Dotted underline</span>: a highlight that isn&apos;t a claim
        </li>
        <li>
          <span className="border-b-2 border-dashed border-stone-500">Dashed underline</span>: a claim not yet approved
        </li>
        <li>
          <span className="border-b-2 border-solid border-stone-500">Solid underline</span>: an approved claim
        </li>
        <li>Deeper colour and a thicker line: several highlights overlap. Hover a highlight for its label.</li>
      </ul>
    </details>
  );
}
