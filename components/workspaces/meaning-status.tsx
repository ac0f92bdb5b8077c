import { getTranslations } from "next-intl/server";
import type { EmbeddingStatus } from "@/lib/search/embeddings/status";

/** The settings page's line on matching by meaning (the optional model, README "Matching by meaning"). */
export async function MeaningStatus({ status }: { status: EmbeddingStatus }) {
  const t = await getTranslations("workspaces.meaning");
  let text: string;
  if (status.state === "off") {
    text = t("off");
  } else if (status.state === "error") {
    text = t("error", { error: status.error });
  } else if (status.state === "active") {
    const counts = { name: status.name, dimension: status.dimension, embedded: status.embeddedClaims, claims: status.claims };
    text = status.queued > 0 ? t("activeQueued", { ...counts, queued: status.queued }) : t("active", counts);
  } else {
    text = t("mismatch", { name: status.name });
  }
  return (
    <section aria-labelledby="meaning-heading" className="mt-8 max-w-2xl">
      <h3 id="meaning-heading" className="text-base font-semibold">
        {t("heading")}
      </h3>
      <p className="mt-1 text-sm break-words text-stone-700" data-testid="meaning-status">
        {text}
      </p>
    </section>
  );
}
