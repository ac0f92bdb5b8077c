import pg from "pg";
import { expect } from "vitest";

/** The gate's advisory lock; a constant no use case's lock key (hashtextextended of a name) is expected to hit. */
const GATE_KEY = 7_340_021;

/**
 * Makes concurrent use cases really interleave in a test. Started from one process, two transactions
 * rarely overlap: the first often reads, writes and commits before the second has read, so a race test
 * passes whether or not the code guards the race. The gate is a trigger on the given tables that holds
 * every row write until the gate opens: `race` starts the operations with the gate shut, waits until
 * each of them is blocked (at the gate, after its reads, or behind another's lock, as a correct guard
 * makes it), and then opens it. Only for a test database of one's own: the triggers are on real tables
 * until `close`.
 */
export async function writeGate(tables: string[]) {
  const gate = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await gate.connect();
  await gate.query(`CREATE OR REPLACE FUNCTION "test_write_gate"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(${GATE_KEY});
      RETURN COALESCE(NEW, OLD);
    END $$`);
  for (const table of tables) {
    await gate.query(`CREATE TRIGGER "test_write_gate" BEFORE INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "test_write_gate"()`);
  }
  // Backends of this test's database waiting for a lock someone holds (the gate's or one another's).
  const blocked = async () =>
    (await gate.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0`)).rows[0].n;

  return {
    async race<T>(ops: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
      await gate.query("SELECT pg_advisory_lock($1)", [GATE_KEY]);
      let settled: Promise<PromiseSettledResult<T>[]>;
      try {
        settled = Promise.allSettled(ops.map((op) => op()));
        await expect.poll(blocked, { timeout: 30_000 }).toBe(ops.length);
      } finally {
        await gate.query("SELECT pg_advisory_unlock($1)", [GATE_KEY]);
      }
      return settled;
    },
    async close() {
      for (const table of tables) await gate.query(`DROP TRIGGER "test_write_gate" ON "${table}"`);
      await gate.query(`DROP FUNCTION "test_write_gate"()`);
      await gate.end();
    },
  };
}
