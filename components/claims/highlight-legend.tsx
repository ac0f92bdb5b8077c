import { useTranslations } from "next-intl";
import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import { VerdictSwatch } from "./verdict-badge";

/** The underline a legend line names, drawn as it is drawn in the text (the <line> tag of the message). */
function line(style: string) {
  return function Line(chunks: React.ReactNode) {
    return <span className={`border-b-2 ${style} border-stone-500`}>{chunks}</span>;
  };
}

/** What the highlight colours and underlines mean. */
export function HighlightLegend({ labels }: { labels: Record<Verdict, string> }) {
  const t = useTranslations("claims.legend");
  return (
    <details className="mb-4 max-w-2xl rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-stone-200">
      <summary className="cursor-pointer font-medium text-stone-700">{t("summary")}</summary>
      <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
        {VERDICTS.map((v) => (
          <li key={v} className="flex items-center gap-2">
            <VerdictSwatch verdict={v} className="h-3 w-5 rounded-sm" />
            {labels[v]}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <VerdictSwatch verdict="none" className="h-3 w-5 rounded-sm" />
          {t("noVerdict")}
        </li>
      </ul>
      <ul className="mt-2 space-y-1 text-stone-600">
        <li>{t.rich("dotted", { line: line("border-dotted") })}</li>
        <li>{t.rich("dashed", { line: line("border-dashed") })}</li>
        <li>{t.rich("solid", { line: line("border-solid") })}</li>
        <li>{t("overlap")}</li>
      </ul>
    </details>
  );
}
