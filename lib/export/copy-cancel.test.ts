import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isEmbeddedUrl } from "@/lib/db/embedded-url";
import { Prisma } from "@/lib/db/generated/client";
import { concatStarted, copyValues } from "./copy-stream";

/**
 * A download whose client has gone stops its queries at once (black-box review: a disconnected download's query
 * ran on until its next row). Here the stand-in for a long aggregation is a query that sleeps before its only row.
 * On the embedded database there is one backend for every connection, so nothing is cancelled there (copy-stream.ts).
 */
const SLEEPER = "claimtrail-cancel-test";
const sleeping = (tag: string) => Prisma.sql`SELECT ${`${SLEEPER} ${tag}`}::text FROM pg_sleep(60)`;

async function running(tag: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE ${`%${SLEEPER} ${tag}%`} AND query NOT LIKE '%pg_stat_activity%'`;
  return Number(rows[0].n);
}

/** Waits (polling the database, at most `ms`) until `ok` holds. */
async function until(ok: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(isEmbeddedUrl(process.env.DATABASE_URL))("an export's query when its reader goes away", () => {
  it("is cancelled on the server as soon as the signal aborts, mid-query, and the stream ends with the abort", async () => {
    const reader = new AbortController();
    const stream = copyValues(sleeping("one"), { signal: reader.signal });
    const pending = stream.next();
    pending.catch(() => undefined);
    await until(async () => (await running("one")) === 1);
    const started = Date.now();
    reader.abort();
    await expect(pending).rejects.toThrow(/cancel/i);
    expect(Date.now() - started).toBeLessThan(5_000);
    await until(async () => (await running("one")) === 0);
  });

  it("in parts started at once: stopping while a later part is still before its first row cancels that part too", async () => {
    const reader = new AbortController();
    const parts = concatStarted([copyValues(Prisma.sql`SELECT 'first part'::text`, { signal: reader.signal }), copyValues(sleeping("two"), { signal: reader.signal })]);
    expect((await parts.next()).value?.toString()).toBe("first part");
    await until(async () => (await running("two")) === 1);
    const started = Date.now();
    // What exportResponse's cancel() does: abort, then stop the generators.
    reader.abort();
    await parts.return(undefined);
    expect(Date.now() - started).toBeLessThan(5_000);
    await until(async () => (await running("two")) === 0);
  });

  it("an already aborted signal starts no query", async () => {
    const reader = new AbortController();
    reader.abort();
    await expect(copyValues(sleeping("three"), { signal: reader.signal }).next()).rejects.toThrow(/abort/i);
    expect(await running("three")).toBe(0);
  });
});
