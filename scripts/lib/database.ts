import { dataDir } from "@/lib/db/data-dir";
import type { EmbeddedServer } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

export interface Database {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it. */
  release(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in .data/: the one
 * already served by a running app when there is one (never two servers on one
 * folder), else one this process starts and must release.
 */
export async function openDatabase(opts: { reuseRunning: boolean; log?: (line: string) => void }): Promise<Database> {
  const log = opts.log ?? (() => undefined);
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, release: async () => undefined };
  }
  // Loaded only without DATABASE_URL: PGlite's modules alone hold ~50 MB, which a CLI command on a
  // real server (a bundle import, whose peak memory matters) would carry for nothing.
  const { findRunningEmbedded, startEmbedded } = await import("@/lib/db/embedded");
  const dir = dataDir();
  const running = await findRunningEmbedded(dir);
  if (running) {
    if (!opts.reuseRunning) {
      throw new Error(`Another Claimtrail process is already serving the embedded database in ${dir}. Stop it first (Ctrl-C), or set DATABASE_URL.`);
    }
    log(`Using the embedded PostgreSQL served by the running app (${dir}).`);
    return { url: running, embedded: true, release: async () => undefined };
  }
  const server: EmbeddedServer = await startEmbedded(dir);
  log(`Embedded PostgreSQL (PGlite) started on 127.0.0.1:${server.port}, data in ${dir}`);
  return { url: server.url, embedded: true, release: () => server.stop() };
}

/** Opens the database, applies pending migrations, runs `fn`, and always releases. */
export async function withMigratedDatabase<T>(fn: (db: Database) => Promise<T>, log?: (line: string) => void): Promise<T> {
  const database = await openDatabase({ reuseRunning: true, log });
  try {
    await migrate(database.url, { log });
    process.env.DATABASE_URL = database.url;
    return await fn(database);
  } finally {
    await database.release();
  }
}
