import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { conflict } from "@/lib/errors";
import { isDatabaseUnavailable, isRetryableTransactionFailure } from "./connection-errors";
import { PrismaClient } from "./generated/client";

/** Real failures, not constructed error objects: each case makes the database (or its absence) fail. */
const url = () => process.env.DATABASE_URL!;

async function closedPortUrl(): Promise<string> {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
  const u = new URL(url());
  u.hostname = "127.0.0.1";
  u.port = String(port);
  return u.toString();
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );
}

describe("isDatabaseUnavailable", () => {
  // PGlite (the embedded database, when no DATABASE_URL is given) has one backend, which can't be terminated.
  const server = it.skipIf(!process.env.TEST_SERVER_URL);

  server("a node-postgres client whose backend is terminated (pg_terminate_backend): the 57P01 it is told and the failure of its next query", async () => {
    const victim = new pg.Client({ connectionString: url() });
    await victim.connect();
    const told = new Promise<unknown>((resolve) => victim.on("error", resolve));
    const { rows } = await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
    await admin.end();
    const notice = await told;
    expect((notice as { code?: string }).code).toBe("57P01");
    expect(isDatabaseUnavailable(notice)).toBe(true);
    expect(isDatabaseUnavailable(await failure(victim.query("SELECT 1")))).toBe(true);
  });

  it("a node-postgres client connecting to a closed port (ECONNREFUSED)", async () => {
    const c = new pg.Client({ connectionString: await closedPortUrl() });
    const err = await failure(c.connect());
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it("Prisma through its pg adapter connecting to a closed port", async () => {
    const nowhere = new PrismaClient({ adapter: new PrismaPg({ connectionString: await closedPortUrl() }) });
    const refused = await failure(nowhere.user.count());
    expect(isDatabaseUnavailable(refused), String(refused)).toBe(true);
    await nowhere.$disconnect();
  });

  server("Prisma through its pg adapter: a connection terminated inside a transaction", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url() }) });
    try {
      const terminated = await failure(
        prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("SELECT pg_terminate_backend(pg_backend_pid())");
          await tx.user.count();
        }),
      );
      expect(isDatabaseUnavailable(terminated), String(terminated)).toBe(true);
      // The pool recovers: the next query gets a fresh connection.
      expect(await prisma.user.count()).toBeGreaterThanOrEqual(0);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("is false for errors that are the request's or the code's fault", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url() }) });
    try {
      const email = `dup-${Date.now()}@example.org`;
      await prisma.user.create({ data: { email, name: "A", passwordHash: "x" } });
      const duplicate = await failure(prisma.user.create({ data: { email, name: "B", passwordHash: "x" } }));
      expect(isDatabaseUnavailable(duplicate)).toBe(false);
      expect(isRetryableTransactionFailure(duplicate)).toBe(false);
      const syntax = await failure(prisma.$queryRawUnsafe("SELEC 1"));
      expect(isDatabaseUnavailable(syntax)).toBe(false);
      expect(isRetryableTransactionFailure(syntax)).toBe(false);
    } finally {
      await prisma.$disconnect();
    }
    expect(isDatabaseUnavailable(conflict("stale"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("isRetryableTransactionFailure", () => {
  const server = it.skipIf(!process.env.TEST_SERVER_URL);

  it("a Prisma interactive transaction that outlives its timeout (P2028): rolled back, not a lost database", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url() }) });
    try {
      const expired = await failure(
        prisma.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT pg_sleep(0.4)`;
            return tx.user.count();
          },
          { timeout: 100 },
        ),
      );
      expect(isRetryableTransactionFailure(expired), String(expired)).toBe(true);
      expect(isDatabaseUnavailable(expired)).toBe(false);
    } finally {
      await prisma.$disconnect();
    }
  });

  server("a deadlock victim (40P01) through node-postgres", async () => {
    const table = `deadlock_${process.pid}_${Date.now()}`;
    const [a, b] = [new pg.Client({ connectionString: url() }), new pg.Client({ connectionString: url() })];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query(`CREATE TABLE "${table}" (id int PRIMARY KEY); INSERT INTO "${table}" VALUES (1), (2)`);
      await a.query("BEGIN");
      await b.query("BEGIN");
      await a.query(`UPDATE "${table}" SET id = id WHERE id = 1`);
      await b.query(`UPDATE "${table}" SET id = id WHERE id = 2`);
      // Each now waits for the other's row: PostgreSQL aborts one of them (deadlock_timeout, 1 s by default).
      const outcomes = await Promise.allSettled([a.query(`UPDATE "${table}" SET id = id WHERE id = 2`), b.query(`UPDATE "${table}" SET id = id WHERE id = 1`)]);
      const victims = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(victims).toHaveLength(1);
      expect(isRetryableTransactionFailure(victims[0].reason)).toBe(true);
      expect(isDatabaseUnavailable(victims[0].reason)).toBe(false);
    } finally {
      await Promise.allSettled([a.query("ROLLBACK"), b.query("ROLLBACK")]);
      await a.query(`DROP TABLE IF EXISTS "${table}"`);
      await Promise.all([a.end(), b.end()]);
    }
  });
});
