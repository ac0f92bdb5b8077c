import { useTranslations } from "next-intl";
import type { SuggestionReason } from "@/lib/search/suggest-claims";

/** Why a suggested claim matched: "Name: lavrov, blinken · Date: 2021-12-17 · Words: talk". */
export function SuggestionReasons({ reasons }: { reasons?: SuggestionReason[] }) {
  const t = useTranslations("claims.suggestionReasons");
  if (!reasons?.length) return null;
  return (
    <p className="mt-1 text-xs break-words text-stone-600" data-testid="suggestion-reasons">
      <span className="sr-only">{t("matchedOn")} </span>
      {reasons.map((r, i) => (
        <span key={r.kind}>
          {i > 0 ? " · " : null}
          <span className="font-medium text-stone-700">{t.has(`kind.${r.kind}`) ? t(`kind.${r.kind}`) : r.kind}</span>: {r.terms.join(", ")}
        </span>
      ))}
    </p>
  );
}
