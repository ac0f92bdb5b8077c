import type { EmbeddingStatus } from "@/lib/search/embeddings/status";

/** The settings page's line on matching by meaning (the optional model, README "Matching by meaning"). */
export function MeaningStatus({ status }: { status: EmbeddingStatus }) {
  let text: string;
  if (status.state === "off") {
    text = "Off: suggestions match by words, names, dates and numbers. An administrator of the server can supply a model (EMBEDDING_MODEL_DIR).";
  } else if (status.state === "error") {
    text = `The model can't be used, so suggestions match by words alone: ${status.error}`;
  } else {
    const counts = `${status.embeddedClaims.toLocaleString("en")} of ${status.claims.toLocaleString("en")} claims embedded`;
    const queued = status.queued > 0 ? `; ${status.queued.toLocaleString("en")} texts queued` : "";
    text =
      status.state === "active"
        ? `Active: model ${status.name} (${status.dimension} dimensions), ${counts}${queued}.`
        : `Model ${status.name} is loaded here, but another instance made a different model the active one: give every instance the same model.`;
  }
  return (
    <section aria-labelledby="meaning-heading" className="mt-8 max-w-2xl">
      <h3 id="meaning-heading" className="text-base font-semibold">
        Matching by meaning
      </h3>
      <p className="mt-1 text-sm break-words text-stone-700" data-testid="meaning-status">
        {text}
      </p>
    </section>
  );
}
