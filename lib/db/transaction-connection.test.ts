import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "./client";
import { isEmbeddedUrl } from "./embedded-url";
import { transactionConnection } from "./transaction-connection";

const txid = async (run: () => Promise<{ xid: string }[]>) => (await run())[0].xid;

describe("transactionConnection", () => {
  it("is the transaction's own connection: what it writes is in the transaction and rolled back with it", async () => {
    const slug = `tc-${randomUUID()}`;
    const rolledBack = new Error("roll back");
    await expect(
      db.$transaction(async (tx) => {
        const conn = await transactionConnection(tx);
        expect(conn).not.toBeNull();
        expect(await transactionConnection(tx)).toBe(conn); // found once per transaction
        const viaPrisma = await txid(() => tx.$queryRaw<{ xid: string }[]>`SELECT txid_current()::text AS xid`);
        expect(await txid(async () => (await conn!.query("SELECT txid_current()::text AS xid")).rows)).toBe(viaPrisma);
        await conn!.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ($1, $1, $1)`, [slug]);
        expect(await tx.workspace.findUnique({ where: { slug } })).toMatchObject({ name: slug });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await db.workspace.findUnique({ where: { slug } })).toBeNull();
  });

  it("a statement that fails on it fails the transaction, which rolls back whole; the connection serves the next one", async () => {
    const slug = `tc-${randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.workspace.create({ data: { id: slug, slug, name: slug } });
        const conn = (await transactionConnection(tx))!;
        await conn.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ($1, $1, $1)`, [slug]); // the same key again
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(await db.workspace.findUnique({ where: { slug } })).toBeNull();
    expect(await db.$transaction(async (tx) => (await (await transactionConnection(tx))!.query("SELECT 1 AS one")).rows)).toEqual([{ one: 1 }]);
  });

  it("is null for the client itself, outside a transaction", async () => {
    expect(await transactionConnection(db as unknown as Parameters<typeof transactionConnection>[0])).toBeNull();
  });

  // The embedded database runs one transaction at a time.
  it.skipIf(isEmbeddedUrl(process.env.DATABASE_URL))("gives transactions running at once their own connections", async () => {
    // Each stays open until both have their connection, so the pool can't hand them the same one in turn.
    let arrived = 0;
    let release!: () => void;
    const bothIn = new Promise<void>((r) => (release = r));
    const both = await Promise.all(
      [0, 1].map(() =>
        db.$transaction(async (tx) => {
          const conn = (await transactionConnection(tx))!;
          const mine = await txid(() => tx.$queryRaw<{ xid: string }[]>`SELECT txid_current()::text AS xid`);
          expect(await txid(async () => (await conn.query("SELECT txid_current()::text AS xid")).rows)).toBe(mine);
          if (++arrived === 2) release();
          await bothIn;
          return { conn, mine };
        }),
      ),
    );
    expect(both[0].conn).not.toBe(both[1].conn);
    expect(both[0].mine).not.toBe(both[1].mine);
  });
});
