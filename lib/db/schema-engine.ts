import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  ApplyMigrationsOutput,
  DiagnoseMigrationHistoryOutput,
  DiffResult,
  DiffTarget,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export type { DiffTarget, MigrationList };

type Glue = typeof glue;

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

let gluePromise: Promise<Glue> | undefined;

/**
 * A Rust panic traps the WASM instance mid-call: the trap surfaces as an
 * uncaught "RuntimeError: unreachable" (fatal unless the host catches those),
 * the engine's promise never settles and the instance is unusable afterwards.
 * The glue reports the panic message to this global registry just before, so
 * we print it (otherwise the crash says nothing useful), fail pending calls
 * with it (so a host that survives the trap does not hang) and refuse reuse.
 */
let panicMessage: string | undefined;
const pendingCalls = new Set<(error: Error) => void>();

function installPanicRegistry(): void {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  const previous = g.PRISMA_WASM_PANIC_REGISTRY;
  g.PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message) {
      previous?.set_message(message);
      panicMessage = message;
      console.error(`Prisma schema engine panicked: ${message}`);
      for (const reject of pendingCalls) reject(new Error(`Prisma schema engine panicked: ${message}`));
    },
  };
}

function guarded<T>(call: () => Promise<T>): Promise<T> {
  if (panicMessage) return Promise.reject(new Error(`Prisma schema engine panicked earlier in this process: ${panicMessage}`));
  return new Promise<T>((resolve, reject) => {
    pendingCalls.add(reject);
    call()
      .then(resolve, reject)
      .finally(() => pendingCalls.delete(reject));
  });
}

/**
 * Node 20 cannot `import` a .wasm file, so the package's own entry point
 * (schema_engine.js) is unusable; we do its wiring by hand. The glue module
 * keeps the instance in a module-level variable, so this must happen exactly
 * once per process.
 */
function loadGlue(): Promise<Glue> {
  gluePromise ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    installPanicRegistry();
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })().catch((error: unknown) => {
    gluePromise = undefined;
    throw error;
  });
  return gluePromise;
}

/**
 * Introspection selects pg_catalog `"char"` columns (OID 18: pg_constraint's
 * contype, confdeltype, …). adapter-pg rejects OID 18 as unsupported, and
 * reporting it as text is not enough: the engine reads contype with a strict
 * char getter and panics on a text value (it gets such rows for any CHECK
 * constraint, and on PostgreSQL 18 / PGlite for every NOT NULL column). So the
 * client lets the adapter see text and remembers the column positions on the
 * rows array (which the adapter passes through untouched); patchAdapter then
 * reports those columns as the driver-adapter Character type.
 */
const CHAR_COLUMNS = Symbol("charColumns");
type RowsWithCharColumns = unknown[][] & { [CHAR_COLUMNS]?: number[] };

function relabelCharFields<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    const res = r as pg.QueryResult | undefined;
    const indexes: number[] = [];
    res?.fields?.forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      indexes.push(i);
    });
    if (indexes.length > 0) Object.defineProperty(res!.rows, CHAR_COLUMNS, { value: indexes });
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors pg's untyped overloads
  override query(config: any, values?: any, callback?: any): any {
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (typeof config?.submit === "function") return super.query(config, values, callback);
    if (typeof callback === "function") {
      return super.query(config, values, (err: Error, res: pg.QueryResult) =>
        callback(err, err ? res : relabelCharFields(res)),
      );
    }
    return (super.query(config, values) as Promise<pg.QueryResult>).then(relabelCharFields);
  }
}

/**
 * Besides the Character columns above: a migration script must run on one
 * connection as one implicit transaction. adapter-pg's executeScript splits on
 * ";" (breaking literals that contain one) and sends each piece through the
 * pool as its own autocommitted query, so a failure half-way leaves the first
 * half applied. Sending the script as one parameterless simple query instead
 * gives what Prisma's native engine does on PostgreSQL: all or nothing.
 */
function patchAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of (result.rows as RowsWithCharColumns)[CHAR_COLUMNS] ?? []) {
      result.columnTypes[i] = ColumnTypeEnum.Character;
    }
    return result;
  };
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

function newPool(connectionString: string): pg.Pool {
  // Exactly one long-lived session: the advisory lock is session-scoped, so the
  // session holding it must be the one the engine migrates on, and it must not
  // be recycled by the idle timeout mid-run. The engine issues its queries one
  // at a time, so nothing is lost by not having more.
  return new pg.Pool({ connectionString, Client: CatalogFriendlyClient, max: 1, idleTimeoutMillis: 0 });
}

/**
 * The key Prisma Migrate itself uses (the engine runs
 * `SELECT pg_advisory_lock(72707369)` inside applyMigrations). Taking the same
 * key on the same session first is re-entrant for us, and still excludes other
 * instances of this runner as well as a native `prisma migrate deploy`.
 */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/**
 * adapter-pg's own connectToShadowDb ignores the database in the URL and drops
 * the shadow database while its pool still holds connections. We create a
 * uniquely named database on `shadowServerUrl`, point a separate pool at it and
 * drop it (FORCE) only after that pool has ended.
 */
class EngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  readonly pool: pg.Pool;
  private readonly inner: PrismaPg;
  private readonly cleanups = new Set<() => Promise<void>>();

  constructor(
    url: string,
    private readonly shadowServerUrl: string | undefined,
  ) {
    this.pool = newPool(url);
    this.inner = new PrismaPg(this.pool);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return patchAdapter(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (!this.shadowServerUrl) {
      throw new Error("This operation needs a shadow database, but no PostgreSQL server was given to create one on.");
    }
    const name = `claimtrail_shadow_${Date.now()}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: this.shadowServerUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(this.shadowServerUrl);
    url.pathname = `/${name}`;
    const pool = newPool(url.toString());
    let dropped: Promise<void> | undefined;
    const cleanup = () => {
      dropped ??= (async () => {
        this.cleanups.delete(cleanup);
        await pool.end();
        const dropper = new pg.Client({ connectionString: this.shadowServerUrl });
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      })();
      return dropped;
    };
    this.cleanups.add(cleanup);
    // PGlite answers every database name with its one database; replaying
    // migrations there would run them against real data.
    const { rows } = await pool.query<{ db: string }>("SELECT current_database() AS db");
    if (rows[0]?.db !== name) {
      await cleanup();
      throw new Error(`The server at ${url.host} cannot host a separate shadow database (is it PGlite?).`);
    }
    const adapter = patchAdapter(await new PrismaPg(pool).connect());
    adapter.dispose = cleanup;
    return adapter;
  }

  async close(): Promise<void> {
    await Promise.all([...this.cleanups].map((c) => c()));
    await this.pool.end();
  }
}

export interface EngineOptions {
  /** Server to create throwaway shadow databases on (only `diff` from migrations needs one). */
  shadowServerUrl?: string;
  log?: (line: string) => void;
}

export interface Engine {
  /**
   * Holds Prisma's migration advisory lock until close(), so reading the
   * history and applying migrations happen as one critical section.
   * `onWait` is called once if another session holds it.
   */
  lockMigrations(onWait?: () => void): Promise<void>;
  /** exitCode is 2 when there is a difference. `script: false` gives a readable summary instead of SQL. */
  diff(from: DiffTarget, to: DiffTarget, opts?: { script?: boolean }): Promise<DiffResult>;
  applyMigrations(migrations: MigrationList): Promise<ApplyMigrationsOutput>;
  diagnoseMigrationHistory(migrations: MigrationList): Promise<DiagnoseMigrationHistoryOutput>;
  close(): Promise<void>;
}

/** Starts a schema engine connected to `url`. Always `close()` it. */
export async function openEngine(url: string, opts: EngineOptions = {}): Promise<Engine> {
  const glue = await loadGlue();
  const factory = new EngineAdapterFactory(url, opts.shadowServerUrl);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  // Errors thrown on the JS side reach us from the engine as "External error
  // id#N"; put the original message back so failures are readable.
  const explain = (error: unknown): never => {
    if (error instanceof Error) {
      error.message = error.message.replace(/External error id#(\d+)/g, (text, id: string) => {
        const original = bound.errorRegistry.consumeError(Number(id))?.error;
        return original instanceof Error ? original.message : original ? String(original) : text;
      });
    }
    throw error;
  };
  let engine: SchemaEngine;
  try {
    engine = await guarded(() =>
      glue.SchemaEngine.new({ datamodels: undefined }, (line: string) => opts.log?.(line), bound),
    );
  } catch (error) {
    await factory.close();
    return explain(error);
  }
  return {
    async lockMigrations(onWait) {
      const sql = (fn: string) => `SELECT ${fn}(${PRISMA_MIGRATE_LOCK_KEY}) AS ok`;
      const attempt = await factory.pool.query<{ ok: boolean }>(sql("pg_try_advisory_lock"));
      if (attempt.rows[0]?.ok) return;
      onWait?.();
      await factory.pool.query(sql("pg_advisory_lock"));
    },
    diff: (from, to, { script = true } = {}) =>
      guarded(() => engine.diff({ from, to, script, exitCode: true, filters: NO_FILTERS })).catch(explain),
    applyMigrations: (migrationsList) =>
      guarded(() => engine.applyMigrations({ migrationsList, filters: NO_FILTERS })).catch(explain),
    diagnoseMigrationHistory: (migrationsList) =>
      guarded(() =>
        engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS }),
      ).catch(explain),
    async close() {
      if (!panicMessage) engine.free();
      await factory.close();
    },
  };
}

export const MIGRATION_LOCK_FILE = "migration_lock.toml";

/** Reads a Prisma Migrate folder into the shape the engine expects. */
export async function readMigrations(dir: string): Promise<MigrationList> {
  const baseDir = path.resolve(dir);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const content = await readFile(path.join(baseDir, name, "migration.sql"), "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockContent = await readFile(path.join(baseDir, MIGRATION_LOCK_FILE), "utf8").catch(() => null);
  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** The Prisma schema as an engine diff target. */
export async function schemaTarget(schemaPath: string): Promise<DiffTarget> {
  return { tag: "schemaDatamodel", files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

/**
 * The live database the engine is connected to. ("url" targets are rejected by
 * the WASM engine; a datasource schema means "whatever the adapter reaches".)
 */
export async function liveDatabaseTarget(schemaPath: string): Promise<DiffTarget> {
  const files = [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
  return { tag: "schemaDatasource", files, configDir: path.dirname(path.resolve(schemaPath)) };
}
