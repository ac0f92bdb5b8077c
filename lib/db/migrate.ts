import path from "node:path";
import { openEngine, readMigrations } from "./schema-engine";

export interface MigrateOptions {
  log?: (line: string) => void;
  /** Defaults to `prisma/migrations` under the working directory. */
  migrationsDir?: string;
}

/**
 * Brings the database at `databaseUrl` up to date with the migrations folder,
 * like `prisma migrate deploy`. Safe to call from several instances at once:
 * all but one wait on Prisma's advisory lock and then find nothing to do.
 */
export async function migrate(databaseUrl: string, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const dir = path.resolve(opts.migrationsDir ?? path.join("prisma", "migrations"));
  const migrations = await readMigrations(dir);
  if (migrations.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${dir}.`);
  }

  const engine = await openEngine(databaseUrl);
  try {
    await engine.lockMigrations(() => log("Another instance is migrating this database; waiting for it to finish…"));

    // applyMigrations only compares names, so an edited file would be skipped
    // silently; the diagnosis compares checksums.
    const diagnosis = await engine.diagnoseMigrationHistory(migrations);
    const [edited] = diagnosis.editedMigrationNames;
    if (edited) {
      throw new Error(
        `Migration ${edited} was edited after it was applied to this database (checksum differs). ` +
          "Restore the file or create a new migration.",
      );
    }
    const [failed] = diagnosis.failedMigrationNames;
    if (failed) {
      throw new Error(
        `Migration ${failed} failed on an earlier run and is marked as failed in _prisma_migrations. ` +
          "Its changes were rolled back; fix the migration, then delete that row (or mark it rolled back) and retry.",
      );
    }
    const history = diagnosis.history;
    if (history && history.diagnostic !== "databaseIsBehind") {
      log(`Warning: the database has migrations this folder lacks: ${history.unpersistedMigrationNames.join(", ")}.`);
    }

    const { appliedMigrationNames: applied } = await engine.applyMigrations(migrations).catch(explainFailure);
    for (const name of applied) log(`Applied migration ${name}`);
    if (applied.length === 0) log("Database is up to date.");
    return { applied };
  } finally {
    await engine.close();
  }
}

/**
 * The engine's error ends in a Rust span trace; keep the database's message and
 * lead with the migration's name, which the trace carries.
 */
function explainFailure(error: unknown): never {
  if (!(error instanceof Error)) throw error;
  const name = /migration_name="([^"]+)"/.exec(error.message)?.[1];
  if (!name) throw error;
  const reason = error.message
    .split(/\n\s*0: /)[0]
    .replace(/^external connector error\n/, "")
    .trim();
  throw new Error(`Migration ${name} failed and was rolled back (it runs in a transaction): ${reason}`, {
    cause: error,
  });
}
