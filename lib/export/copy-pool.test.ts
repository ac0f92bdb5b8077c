import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isEmbeddedUrl } from "@/lib/db/embedded-url";
import { Prisma } from "@/lib/db/generated/client";
import { closeAll, copyValues, snapshotConnections } from "./copy-stream";

/**
 * The export streams' connections are kept between exports (a fresh backend ran an export's first big query about
 * a quarter slower): what one use set must not carry over into the next, and a connection stopped mid-stream must not
 * come back. Backend pids tell connections apart, which the embedded database (one backend for all) can't.
 */
async function one(sql: Prisma.Sql, opts: Parameters<typeof copyValues>[1] = {}): Promise<string> {
  const out: Buffer[] = [];
  for await (const chunk of copyValues(sql, opts)) out.push(chunk);
  return Buffer.concat(out).toString("utf8");
}

const pid = Prisma.sql`SELECT pg_backend_pid()::text`;

describe.skipIf(isEmbeddedUrl(process.env.DATABASE_URL))("the export streams' kept connections", () => {
  it("are used again, each use with its own settings", async () => {
    const first = await one(pid);
    expect(await one(pid)).toBe(first);
    expect(await one(Prisma.sql`SELECT current_setting('enable_sort') || ' ' || current_setting('work_mem')`, { inIndexOrder: true, workMemMb: 16 })).toBe("off 16MB");
    // The same connection, back to the defaults: nothing of the last use's settings stays.
    const [{ workMem }] = await db.$queryRaw<{ workMem: string }[]>`SELECT current_setting('work_mem') AS "workMem"`;
    expect(await one(Prisma.sql`SELECT current_setting('enable_sort') || ' ' || current_setting('work_mem') || ' ' || current_setting('TimeZone') || ' ' || pg_backend_pid()`)).toBe(
      `on ${workMem} UTC ${first}`,
    );
  });

  it("come back from a snapshot out of its transaction", async () => {
    const connections = await snapshotConnections(2);
    const pids = await Promise.all(connections.map(async (c) => (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid));
    await closeAll(connections);
    // Both given back: two streams at once get those two connections, neither in a transaction any more.
    const again = await Promise.all([0, 1].map(() => one(Prisma.sql`SELECT pg_backend_pid() || ' ' || current_setting('transaction_isolation') || ' ' || (txid_current_if_assigned() IS NULL)`)));
    expect(again.map((r) => Number(r.split(" ")[0])).sort()).toEqual([...pids].sort());
    for (const r of again) expect(r.split(" ").slice(1).join(" ")).toBe("read committed true");
  });

  it("a stream stopped mid-way closes its connection, which is not used again", async () => {
    const stream = copyValues(Prisma.sql`SELECT pg_backend_pid()::text || repeat('x', 1000) FROM generate_series(1, 100000)`);
    const first = await stream.next();
    const stopped = first.value!.toString("utf8").slice(0, first.value!.indexOf("x"));
    await stream.return(undefined);
    expect(await one(pid)).not.toBe(stopped);
  });
});
