import { dataDir } from "@/lib/db/data-dir";
import { findRunningEmbedded, startEmbedded } from "@/lib/db/embedded";

/**
 * The embedded PostgreSQL (PGlite) as a process of its own, started by the
 * launcher when DATABASE_URL is not set (scripts/start.mjs). This process
 * is the database server: it holds PGlite and nothing else. It tells the
 * launcher its URL over IPC and closes PGlite cleanly when the launcher says
 * "stop" (after the app has exited, so no connection is cut mid-write) or
 * goes away. The launcher starts it in a process group of its own, so the
 * terminal's Ctrl-C doesn't reach it; a signal sent to it anyway is ignored:
 * the launcher decides when the database stops, and kills it if it hasn't
 * within 30 s.
 */
async function main() {
  const dir = dataDir();
  const running = await findRunningEmbedded(dir);
  if (running) throw new Error(`Another Claimtrail process is already serving the embedded database in ${dir}. Stop it first (Ctrl-C), or set DATABASE_URL.`);
  const server = await startEmbedded(dir);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch((err) => console.error(err));
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => undefined);
  process.on("message", (m) => {
    if (m === "stop") void stop();
  });
  process.on("disconnect", () => void stop());
  process.send!({ url: server.url, port: server.port, dir });
}

main().catch((err) => {
  console.error(`[claimtrail] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
