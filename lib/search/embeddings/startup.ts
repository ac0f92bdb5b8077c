import { loadEmbedder, reportModelProblem } from "./model";

/**
 * Loads the configured model at start and says in the log what came of it:
 * the model in use, or why it can't be used (suggestions then match by words
 * alone; the settings page shows the same message).
 */
export async function reportEmbeddingModel(): Promise<string | null> {
  try {
    const embedder = await loadEmbedder();
    if (!embedder) return null;
    const line = `Matching by meaning: model ${embedder.name} loaded (${embedder.dimension} dimensions, ${embedder.fingerprint}).`;
    console.info(line);
    return line;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    reportModelProblem(message);
    return `Matching by meaning is off: ${message} Suggestions match by words alone.`;
  }
}
