// @ts-check
// Stopping the embedded database process (scripts/lib/embedded-db.ts) from a launcher: scripts/start.mjs
// for `npm start`, scripts/lib/serve.ts for `npm run dev`. Plain JavaScript so start.mjs loads no TypeScript
// (it runs on plain Node 20, which can't strip types); TypeScript importers take its types from the JSDoc
// (allowJs in tsconfig.json), and @ts-check checks this file against them, so there is no .d.mts to keep in step.

/** How long the database may take to close (PGlite checkpoints its files) before it is killed. */
export const DATABASE_STOP_MS = 30_000;

/**
 * Asks the database process to stop and resolves once it has exited, waiting at most DATABASE_STOP_MS:
 * then it is killed, and the log says so (its data folder is then recovered at the next start, as after
 * a power cut). A launcher must never wait for it forever: the launcher's exit is what the terminal,
 * systemd or a test is waiting for.
 * @param {import("node:child_process").ChildProcess} database
 * @param {number} [timeoutMs]
 * @returns {Promise<void>}
 */
export function stopDatabase(database, timeoutMs = DATABASE_STOP_MS) {
  if (database.exitCode !== null || database.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`[claimtrail] The embedded database did not stop within ${timeoutMs / 1000} s; killing it. Its data folder is recovered at the next start, as after a power cut.`);
      database.kill("SIGKILL");
    }, timeoutMs);
    database.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // Without the IPC channel it is stopping already: it stops when the channel goes away.
    if (database.connected) database.send("stop");
  });
}
