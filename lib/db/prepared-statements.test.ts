import pg from "pg";
import { describe, expect, it } from "vitest";
import { db, PREPARED, statementName } from "./client";
import { startEmbedded } from "./embedded";
import { isEmbeddedUrl } from "./embedded-url";
import { Prisma } from "./generated/client";

describe("prepared statements (PREPARED)", () => {
  it("names only marked statements, by their text", () => {
    expect(statementName("SELECT 1")).toBe("");
    const name = statementName(`${PREPARED} SELECT 1`);
    expect(name).toMatch(/^ct_[0-9a-f]{24}$/);
    expect(statementName(`${PREPARED} SELECT 1`)).toBe(name);
    expect(statementName(`${PREPARED} SELECT 2`)).not.toBe(name);
  });

  it("runs a marked raw statement as a named prepared statement on the connection, and its results are the ordinary ones", async () => {
    const marked = Prisma.sql`${Prisma.raw(PREPARED)} SELECT ${41}::int + 1 AS x`;
    // One transaction: one connection, where the statement stays prepared.
    const [first, second, prepared, plain] = await db.$transaction([
      db.$queryRaw<{ x: number }[]>(marked),
      db.$queryRaw<{ x: number }[]>(Prisma.sql`${Prisma.raw(PREPARED)} SELECT ${41}::int + 1 AS x`),
      db.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`,
      db.$queryRaw<{ x: number }[]>`SELECT ${41}::int + 1 AS x`,
    ]);
    expect(first).toEqual([{ x: 42 }]);
    expect(second).toEqual([{ x: 42 }]);
    expect(plain).toEqual([{ x: 42 }]);
    const ours = prepared.filter((p) => p.name === statementName(marked.text));
    expect(ours).toHaveLength(1);
    expect(ours[0].statement).toBe(marked.text);
    // Unmarked statements stay unnamed: nothing else of ours is prepared.
    expect(prepared.filter((p) => p.name.startsWith("ct_") && p.name !== ours[0].name)).toEqual([]);
  });

  it("names nothing on the embedded database, whose one session every connection shares", async () => {
    const server = await startEmbedded(null);
    const clients = [new pg.Client({ connectionString: server.url }), new pg.Client({ connectionString: server.url })];
    try {
      expect(isEmbeddedUrl(server.url)).toBe(true);
      expect(isEmbeddedUrl(process.env.DATABASE_URL)).toBe(false);
      const text = `${PREPARED} SELECT $1::int + 1 AS x`;
      expect(statementName(text, server.url)).toBe("");
      for (const c of clients) await c.connect();
      // What a name would do there: the second connection's prepare clashes with the first's.
      const named = { name: statementName(text, "postgresql://elsewhere/db"), text, values: [1] };
      expect((await clients[0].query(named)).rows).toEqual([{ x: 2 }]);
      await expect(clients[1].query(named)).rejects.toThrow(/already exists/);
      // As the app sends it there (unnamed), both connections answer.
      for (const c of clients) expect((await c.query({ name: statementName(text, server.url) || undefined, text, values: [1] })).rows).toEqual([{ x: 2 }]);
    } finally {
      for (const c of clients) await c.end().catch(() => undefined);
      await server.stop();
    }
  });
});
