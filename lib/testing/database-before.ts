import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";

const SERVER = process.env.TEST_SERVER_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const MIGRATIONS = path.resolve("prisma", "migrations");

/** Runs `fn` with a connection to the database at `url`, closed after. */
export async function onDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A scratch database migrated up to, not including, the migration whose folder ends in `_<name>`:
 * an installation as it was before that migration, to fill with data and then migrate (`migrate(url)`),
 * for testing what the migration does to data that exists. `drop` removes it.
 */
export async function databaseBefore(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const dbName = `claimtrail_t_${randomBytes(6).toString("hex")}`;
  const u = new URL(SERVER);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  await onDatabase(SERVER, (c) => c.query(`CREATE DATABASE "${dbName}"`));
  const before = await mkdtemp(path.join(tmpdir(), "claimtrail-migrations-"));
  try {
    await cp(MIGRATIONS, before, { recursive: true });
    const names = (await readdir(before, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const at = names.findIndex((n) => n.endsWith(`_${name}`));
    if (at <= 0) throw new Error(`no migration named ${name} after the first`);
    for (const later of names.slice(at)) await rm(path.join(before, later), { recursive: true });
    await migrate(url, { migrationsDir: before });
  } finally {
    await rm(before, { recursive: true, force: true });
  }
  return { url, drop: () => onDatabase(SERVER, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).then(() => undefined) };
}
