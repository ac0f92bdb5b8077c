/**
 * Where an article edit with 10,000 highlights spends its time, in-process
 * (issue 11): wall and CPU time of each step of editArticle, and every SQL
 * statement it sends with its duration. Same article as bench/edit.bench.ts.
 *   DATABASE_URL=… npx tsx bench/edit-profile.ts
 */
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/db/generated/client";
import { SerialClient } from "../lib/db/serial-client";
import { createTestDatabase } from "../lib/db/test-database";

async function main() {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const queries: { sql: string; ms: number }[] = [];
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 10, Client: SerialClient }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => queries.push({ sql: e.query, ms: Number(e.duration) }));
  (globalThis as unknown as { claimtrailDb: PrismaClient }).claimtrailDb = client;
  const { setUpEditBench } = await import("./lib/edit-article-setup");
  const { editArticle } = await import("../lib/articles/edit-article");
  const { authorize } = await import("../lib/auth/permissions");
  try {
    const setup = await setUpEditBench();
    const access = await authorize(setup.adminId, setup.slug, "article.edit");
    let version = 1;
    for (let round = 0; round < 4; round++) {
      const paragraphs = setup.versions[round % setup.versions.length];
      queries.length = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await editArticle(access, setup.articleId, { version, content: paragraphs.join("\n\n"), format: "text" });
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      version = r.revision;
      console.log(`\nedit ${round}: ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (this process), ${r.reanchored} reanchored`);
      for (const q of queries.filter((x) => x.ms >= 5)) console.log(`  ${String(q.ms).padStart(6)} ms  ${q.sql.replace(/\s+/g, " ").slice(0, 140)}`);
      console.log(`  (${queries.length} statements, ${queries.reduce((s, q) => s + q.ms, 0)} ms in all)`);
    }
  } finally {
    await client.$disconnect();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
