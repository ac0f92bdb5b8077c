/**
 * Next.js calls register() once per server instance at start, however the
 * server was started (`npm start` becomes `next start` in its own process). It
 * starts the idle collection (lib/memory/idle-collect.ts: memory given back
 * once a burst of work is over) and the background workers (lib/workers) in
 * the Node.js runtime; CLAIMTRAIL_WORKERS=off leaves the workers to other instances.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startIdleCollection } = await import("./lib/memory/idle-collect");
  startIdleCollection();
  // A configured model is loaded (and a missing or broken one reported) at start, not at the first suggestion.
  if (process.env.EMBEDDING_MODEL_DIR) {
    const { reportEmbeddingModel } = await import("./lib/search/embeddings/startup");
    void reportEmbeddingModel();
  }
  if (process.env.CLAIMTRAIL_WORKERS === "off") return;
  const { startWorkers } = await import("./lib/workers/index");
  const stop = startWorkers();
  // Next closes the server on these signals, then exits; the workers stop at once rather than keep polling a
  // database that may be closing meanwhile (the embedded one closes once the app is done, scripts/start.mjs).
  // With NEXT_MANUAL_SIG_HANDLE the app's owner handles signals, and a listener here would keep Node from exiting.
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
}
