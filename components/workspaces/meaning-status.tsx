import { useLocale, useTranslations } from "next-intl";
import { localizeFields, type ErrorTranslator } from "@/lib/http/localize-error";
import type { EmbeddingStatus } from "@/lib/search/embeddings/status";

/** The settings page's line on matching by meaning (the optional model, README "Matching by meaning"). */
export function MeaningStatus({ status }: { status: EmbeddingStatus }) {
  const t = useTranslations("workspaceSettings.meaning");
  const problemsT = useTranslations("ui.apiErrors") as unknown as ErrorTranslator;
  const locale = useLocale();
  let text: string;
  let problems: string[] = [];
  if (status.state === "off") text = t("off");
  else if (status.state === "error") {
    // Each problem by its code in the reader's language (in English, the server's own sentence); a model
    // that failed in a way nobody gave a code yet still shows the server's message.
    problems = Object.values(
      localizeFields(
        Object.fromEntries(status.problems.map((p, i) => [i, p.en])),
        Object.fromEntries(status.problems.map((p, i) => [i, { code: p.code, ...(p.params ? { params: p.params } : {}) }])),
        locale,
        problemsT,
      ),
    );
    text = problems.length ? t("errorLead") : t("error", { error: status.error });
  } else if (status.state === "mismatch") text = t("mismatch", { name: status.name });
  else text = t("active", { name: status.name, dimension: status.dimension, embedded: status.embeddedClaims, claims: status.claims, queued: status.queued > 0 ? t("queued", { count: status.queued }) : "" });
  return (
    <section aria-labelledby="meaning-heading" className="mt-8 max-w-2xl">
      <h3 id="meaning-heading" className="text-base font-semibold">
        {t("heading")}
      </h3>
      <p className="mt-1 text-sm break-words text-stone-700" data-testid="meaning-status">
        {text}
      </p>
      {problems.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-sm text-stone-700 [overflow-wrap:anywhere]" aria-label={t("problemsLabel")} data-testid="meaning-problems">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
