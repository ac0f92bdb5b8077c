import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbedded } from "./embedded";
import { migrate } from "./migrate";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test run, so runs never see each other's
 * data. On a server (DATABASE_URL): a new database, dropped afterwards. Without
 * one: a fresh in-memory PGlite, since PGlite serves one database whatever name
 * is asked for.
 */
export async function createTestDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    const server = await startEmbedded(null);
    await migrate(server.url);
    return { url: server.url, drop: () => server.stop() };
  }
  const name = `claimtrail_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
