import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDrift } from "./drift";
import { migrate } from "./migrate";

const SERVER = process.env.TEST_SERVER_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe("migrations vs schema.prisma", () => {
  let dbName: string;
  let url: string;

  beforeEach(async () => {
    dbName = `claimtrail_t_${randomBytes(6).toString("hex")}`;
    await sql(SERVER, `CREATE DATABASE "${dbName}"`);
    const u = new URL(SERVER);
    u.pathname = `/${dbName}`;
    url = u.toString();
  });

  afterEach(async () => {
    await sql(SERVER, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  });

  it("a freshly migrated database matches schema.prisma exactly", async () => {
    await migrate(url);
    const drift = await findDrift(url);
    if (drift) throw new Error(`${drift}\n\nRun \`npm run db:migration -- <name>\` to add a migration.`);
  });

  it("names a missing index that leads with the workspace, whose re-creation the engine always proposes (prisma/orm#17518)", async () => {
    await migrate(url);
    await sql(url, `DROP INDEX "Claim_workspaceId_statement_trgm_idx"`);
    const drift = await findDrift(url);
    expect(drift).toContain('CREATE INDEX "Claim_workspaceId_statement_trgm_idx" ON "Claim" USING GIN ("workspaceId" text_ops, "statement" gin_trgm_ops)');
    // The others, present, are not named.
    expect(drift).not.toContain('"Claim_workspaceId_searchVector_idx"');
  });

  it("names a dropped column and a changed on-delete rule, with the SQL to fix them", async () => {
    await migrate(url);
    await sql(
      url,
      `ALTER TABLE "User" DROP COLUMN "name";
       ALTER TABLE "Invite" DROP CONSTRAINT "Invite_usedById_fkey";
       ALTER TABLE "Invite" ADD CONSTRAINT "Invite_usedById_fkey" FOREIGN KEY ("usedById")
         REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;`,
    );

    const drift = await findDrift(url);

    expect(drift).not.toBeNull();
    expect(drift).toMatch(/Changed the `User` table[\s\S]*Added column `name`/);
    expect(drift).toMatch(/Changed the `Invite` table/);
    expect(drift).toContain('ALTER TABLE "User" ADD COLUMN     "name" TEXT NOT NULL');
    expect(drift).toContain('DROP CONSTRAINT "Invite_usedById_fkey"');
    expect(drift).toMatch(/ADD CONSTRAINT "Invite_usedById_fkey" .*ON DELETE SET NULL/);
  });

  it("ignores CHECK constraints, which Prisma does not model (and reads their pg_catalog \"char\" type)", async () => {
    await migrate(url);
    await sql(url, `ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_slug_lower" CHECK ("slug" = lower("slug"))`);
    expect(await findDrift(url)).toBeNull();
  });

  it("reads PGlite (over the wire protocol) too", async () => {
    const db = new PGlite({ extensions: { pg_trgm, btree_gin } });
    const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 10 });
    await server.start();
    try {
      const pgliteUrl = `postgresql://postgres@${server.getServerConn()}/postgres`;
      await migrate(pgliteUrl);
      expect(await findDrift(pgliteUrl)).toBeNull();
      await db.exec(`ALTER TABLE "Article" ALTER COLUMN "title" DROP NOT NULL`);
      expect(await findDrift(pgliteUrl)).toContain('ALTER COLUMN "title" SET NOT NULL');
    } finally {
      await server.stop();
      await db.close();
    }
  });
});
