/**
 * What each server instance starts in the Node.js runtime (instrumentation.ts): the idle collection
 * (lib/memory/idle-collect.ts: memory given back once a burst of work is over) and the background
 * workers (lib/workers); CLAIMTRAIL_WORKERS=off leaves the workers to other instances.
 *
 * A module of its own, imported only in the Node.js runtime: in instrumentation.ts itself, `process.once`
 * made the build report the file as an error for the Edge runtime (black-box s34, L7), which worries operators.
 */
export async function startInstance(): Promise<void> {
  const { startIdleCollection } = await import("./memory/idle-collect");
  startIdleCollection();
  // A configured model is loaded (and a missing or broken one reported) at start, not at the first suggestion.
  if (process.env.EMBEDDING_MODEL_DIR) {
    const { reportEmbeddingModel } = await import("./search/embeddings/startup");
    void reportEmbeddingModel();
  }
  if (process.env.CLAIMTRAIL_WORKERS === "off") return;
  const { startWorkers } = await import("./workers/index");
  const stop = startWorkers();
  // Next closes the server on these signals, then exits; the workers stop at once rather than keep polling a
  // database that may be closing meanwhile (the embedded one closes once the app is done, scripts/start.mjs).
  // With NEXT_MANUAL_SIG_HANDLE the app's owner handles signals, and a listener here would keep Node from exiting.
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
}
