import pg from "pg";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Exports read rows with node-postgres directly rather than through Prisma:
 * reading 100,000 claims, Prisma's per-row result mapping cost about five
 * times the query itself (bench/export.bench.ts). The SQL is still built with
 * Prisma.sql, so values are always parameters. A small pool of its own,
 * created on first use (DATABASE_URL is settled late, as for `db`). JIT and
 * parallel workers are off on its connections: compiling an export's query cost
 * more than running it, and each worker repeated the same aggregates.
 */
const TIMESTAMP = 1114;

// Prisma stores `timestamp(3)` columns as UTC; node-postgres would read them as local time.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const globalForPool = globalThis as unknown as { claimtrailExportPool?: pg.Pool };

function pool(): pg.Pool {
  if (!globalForPool.claimtrailExportPool) {
    globalForPool.claimtrailExportPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, types, options: "-c jit=off -c max_parallel_workers_per_gather=0" });
  }
  return globalForPool.claimtrailExportPool;
}

/** Dates go as UTC ISO strings, which a `::timestamp(3)` cast reads as the stored UTC value. */
const param = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** The rows of `sql`, from the export pool, or on `connection` (one reading a shared snapshot: copy-stream.ts snapshotConnections). */
export async function exportRows<T>(sql: Prisma.Sql, connection?: pg.Client): Promise<T[]> {
  const query = { text: sql.text, values: sql.values.map(param), types };
  const result = connection ? await connection.query(query) : await pool().query(query);
  return result.rows as T[];
}

/** For scripts and tests that end the process: closes the pool. */
export async function closeExportPool(): Promise<void> {
  await globalForPool.claimtrailExportPool?.end();
  globalForPool.claimtrailExportPool = undefined;
}
