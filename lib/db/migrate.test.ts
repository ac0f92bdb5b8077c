import { createHash, randomBytes } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "./migrate";

const SERVER = process.env.TEST_SERVER_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const MIGRATIONS = path.resolve("prisma", "migrations");

async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function migrationNames(dir = MIGRATIONS): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function tableExists(url: string, table: string): Promise<boolean> {
  return onServer(url, async (c) => (await c.query("SELECT to_regclass($1) AS t", [`"${table}"`])).rows[0].t !== null);
}

/** A scratch copy of the real migrations folder, plus any extra migrations. */
async function migrationsCopy(extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "claimtrail-migrations-"));
  await cp(MIGRATIONS, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrate() against PostgreSQL", () => {
  let dbName: string;
  let url: string;
  const scratch: string[] = [];

  beforeEach(async () => {
    dbName = `claimtrail_t_${randomBytes(6).toString("hex")}`;
    await onServer(SERVER, (c) => c.query(`CREATE DATABASE "${dbName}"`));
    const u = new URL(SERVER);
    u.pathname = `/${dbName}`;
    url = u.toString();
  });

  afterEach(async () => {
    await onServer(SERVER, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
    await Promise.all(scratch.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it("applies every migration once and records it exactly as Prisma does", async () => {
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate(url)).toEqual({ applied: names });
    expect(await migrate(url)).toEqual({ applied: [] });

    const columns = await onServer(url, async (c) =>
      (
        await c.query(
          "SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY column_name",
        )
      ).rows.map((r) => r.column_name),
    );
    expect(columns).toEqual([
      "applied_steps_count",
      "checksum",
      "finished_at",
      "id",
      "logs",
      "migration_name",
      "rolled_back_at",
      "started_at",
    ]);

    const rows = await onServer(url, async (c) =>
      (await c.query("SELECT * FROM _prisma_migrations ORDER BY started_at")).rows,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(await tableExists(url, "User")).toBe(true);
  });

  it("lets concurrent instances start together: one migrates, the others wait and find nothing to do", async () => {
    const names = await migrationNames();
    const logs: string[][] = [[], [], []];
    const results = await Promise.all(logs.map((lines) => migrate(url, { log: (l) => lines.push(l) })));

    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
    const counts = await onServer(url, async (c) =>
      (await c.query("SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1 ORDER BY 1")).rows,
    );
    expect(counts).toEqual(names.map((migration_name) => ({ migration_name, n: 1 })));
  });

  it("waits while another session holds Prisma's migration advisory lock", async () => {
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(72707369)");
      const lines: string[] = [];
      const running = migrate(url, { log: (l) => lines.push(l) });
      await new Promise((resolve) => setTimeout(resolve, 1500));

      expect(lines.some((l) => l.includes("waiting"))).toBe(true);
      expect(await tableExists(url, "_prisma_migrations")).toBe(false);

      await holder.query("SELECT pg_advisory_unlock(72707369)");
      expect((await running).applied).toEqual(await migrationNames());
    } finally {
      await holder.end();
    }
  });

  it("runs each migration in a transaction: a failing statement leaves nothing of the earlier ones", async () => {
    const broken = "29990101000000_broken";
    const dir = await migrationsCopy({
      [broken]: 'CREATE TABLE "Partial" (id INT);\nALTER TABLE "DoesNotExist" ADD COLUMN x INT;\n',
    });
    scratch.push(dir);

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${broken} failed and was rolled back (it runs in a transaction): No such table: DoesNotExist`,
    );

    expect(await tableExists(url, "Partial")).toBe(false);
    expect(await tableExists(url, "User")).toBe(true); // earlier migrations are committed on their own
    const row = await onServer(url, async (c) =>
      (await c.query("SELECT * FROM _prisma_migrations WHERE migration_name = $1", [broken])).rows[0],
    );
    // Prisma's record of a failed migration: started, never finished, error in logs.
    expect(row.finished_at).toBeNull();
    expect(row.applied_steps_count).toBe(0);
    expect(row.logs).toMatch(/DoesNotExist/);

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${broken} failed on an earlier run`,
    );
  });

  it("sends scripts whole, so semicolons inside literals are fine", async () => {
    const dir = await migrationsCopy({
      "29990101000000_comment": `COMMENT ON TABLE "User" IS 'people; with accounts';\n`,
    });
    scratch.push(dir);

    expect((await migrate(url, { migrationsDir: dir })).applied).toContain("29990101000000_comment");
    const comment = await onServer(url, async (c) =>
      (await c.query(`SELECT obj_description('"User"'::regclass) AS d`)).rows[0].d,
    );
    expect(comment).toBe("people; with accounts");
  });

  it("refuses to run when an applied migration file was edited", async () => {
    const dir = await migrationsCopy();
    scratch.push(dir);
    const [first] = await migrationNames(dir);
    await migrate(url, { migrationsDir: dir });

    await appendFile(path.join(dir, first, "migration.sql"), "\n-- edited\n");

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${first} was edited after it was applied to this database (checksum differs). ` +
        "Restore the file or create a new migration.",
    );
  });
});

describe("migrate() against PGlite over the wire protocol", () => {
  it("applies the migrations to an in-memory PGlite", async () => {
    const db = new PGlite({ extensions: { pg_trgm, btree_gin } });
    const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 10 });
    await server.start();
    try {
      const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
      const names = await migrationNames();

      expect(await migrate(url)).toEqual({ applied: names });
      expect(await migrate(url)).toEqual({ applied: [] });

      const { rows } = await db.query<{ migration_name: string; finished_at: Date | null }>(
        "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY started_at",
      );
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
      expect((await db.query(`SELECT to_regclass('"Article"') IS NOT NULL AS t`)).rows).toEqual([{ t: true }]);
    } finally {
      await server.stop();
      await db.close();
    }
  });
});
