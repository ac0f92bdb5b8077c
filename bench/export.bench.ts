/**
 * Export benchmark: npx tsx bench/export.bench.ts
 *
 * 100,000 claims with one mention each, bulk-inserted with INSERT … SELECT
 * generate_series into a throwaway database on DATABASE_URL's server (default:
 * the local server, postgresql://postgres@127.0.0.1:5432/postgres), dropped at
 * the end. Then, in the same run:
 *
 * 1. the JSON Lines export through the real generator (lib/export), counting
 *    bytes and lines, sampling the process's resident memory every 50 ms;
 * 2. PostgreSQL's own `COPY (SELECT …) TO STDOUT` of the same rows and
 *    columns (claim, its mention, the mention's article), via pg-copy-streams.
 *
 * Targets: our throughput (MB/s) at least 1/3 of COPY's; resident memory
 * growing by less than 100 MB during the export.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { authorize } from "../lib/auth/permissions";
import { db } from "../lib/db/client";
import { createTestDatabase } from "../lib/db/test-database";
import { exportChunks } from "../lib/export";
import { closeExportPool } from "../lib/export/rows";
import { makeWorkspace } from "../lib/testing/fixtures";

const SERVER = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const CLAIMS = 100_000;
const TARGET_RATIO = 1 / 3;
const TARGET_RSS_MB = 100;
const MB = 1024 * 1024;

const verdict = (ok: boolean) => (ok ? "met" : "NOT met");

async function seed(workspaceId: string, articleId: string): Promise<void> {
  // Claim dates spread over time so (createdAt, id) order is not just id order.
  await db.$executeRaw`
    INSERT INTO "Claim" ("id", "workspaceId", "statement", "claimant", "reviewState", "verdict", "explanationText", "tags", "createdAt", "updatedAt")
    SELECT 'bench-c-' || g, ${workspaceId},
      'Claim number ' || g || ': the council said traffic on the bridge rose by ' || (g % 97) || ' percent, "the highest" since records began',
      CASE WHEN g % 3 = 0 THEN NULL ELSE 'Speaker ' || (g % 50) END,
      (ARRAY['unreviewed', 'in-review', 'approved'])[1 + g % 3],
      (ARRAY[NULL, 'true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unverifiable', 'not-a-claim'])[1 + g % 8],
      CASE WHEN g % 2 = 0 THEN 'Traffic counts show otherwise.' ELSE '' END,
      ARRAY['transport'],
      timestamp '2024-01-01' + g * interval '1 second', now()
    FROM generate_series(1, ${CLAIMS}) AS g`;
  // The search-vector triggers don't matter for exports and would make the insert several times slower.
  await db.$executeRaw`ALTER TABLE "Annotation" DISABLE TRIGGER USER`;
  await db.$executeRaw`
    INSERT INTO "Annotation" ("id", "workspaceId", "articleId", "exact", "prefix", "suffix", "start", "end", "status", "anchoredRevision", "claimId", "createdAt", "updatedAt")
    SELECT 'bench-a-' || g, ${workspaceId}, ${articleId},
      'the bridge carries about 40,000 vehicles a day', 'The council leader said that ', ', up from last year.',
      30, 76, 'exact', 1, 'bench-c-' || g,
      timestamp '2024-01-01' + g * interval '1 second', now()
    FROM generate_series(1, ${CLAIMS}) AS g`;
  await db.$executeRaw`ALTER TABLE "Annotation" ENABLE TRIGGER USER`;
  await db.$executeRaw`ANALYZE`;
}

/** Peak resident memory above the starting point, sampled every 50 ms. */
function rssSampler() {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return (peak - base) / MB;
    },
  };
}

interface Run {
  bytes: number;
  rows: number;
  seconds: number;
}

async function ours(workspaceSlug: string, userId: string): Promise<Run & { rssGrowthMb: number }> {
  const access = await authorize(userId, workspaceSlug, "workspace.view");
  const sampler = rssSampler();
  const t0 = performance.now();
  let bytes = 0;
  let rows = 0;
  for await (const chunk of await exportChunks(access, "jsonl", {})) {
    bytes += Buffer.byteLength(chunk);
    for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) rows += 1;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { bytes, rows, seconds, rssGrowthMb: sampler.stop() };
}

async function copy(url: string, workspaceId: string): Promise<Run> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    const sql = `COPY (
      SELECT c.id, c.statement, c.claimant, c."claimDate", c."reviewState", c.verdict, c."explanationText", c.tags,
        c."createdAt", c."updatedAt", c."approvedAt",
        a.id, ar.id, ar.title, ar.url, ar."publishedAt", a.exact, a.prefix, a.suffix, a.start, a."end", a.status
      FROM "Claim" c
      LEFT JOIN "Annotation" a ON a."claimId" = c.id AND a."deletedAt" IS NULL
      LEFT JOIN "Article" ar ON ar.id = a."articleId"
      WHERE c."workspaceId" = '${workspaceId}' AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
      ORDER BY c."createdAt", c.id
    ) TO STDOUT`;
    const stream = client.query(copyTo(sql));
    let bytes = 0;
    let rows = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
    }
    return { bytes, rows, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await client.end();
  }
}

function print(label: string, r: Run) {
  console.log(
    `  ${label.padEnd(24)} ${r.rows.toLocaleString("en")} rows, ${(r.bytes / MB).toFixed(1)} MB in ${r.seconds.toFixed(2)} s: ` +
      `${(r.bytes / MB / r.seconds).toFixed(1)} MB/s, ${Math.round(r.rows / r.seconds).toLocaleString("en")} rows/s`,
  );
}

async function compare(url: string, workspaceId: string, slug: string, userId: string, label: string) {
  const ourRun = await ours(slug, userId);
  const copyRun = await copy(url, workspaceId);
  console.log(`\nJSON Lines export vs COPY of the same rows and columns, ${label}:`);
  print("ours (JSON Lines)", ourRun);
  print("COPY … TO STDOUT", copyRun);
  const ratioMb = ourRun.bytes / ourRun.seconds / (copyRun.bytes / copyRun.seconds);
  const ratioRows = ourRun.rows / ourRun.seconds / (copyRun.rows / copyRun.seconds);
  console.log(`  ratio ours/COPY: ${ratioMb.toFixed(2)} by MB/s, ${ratioRows.toFixed(2)} by rows/s`);
  console.log(`  resident memory growth during the export: ${ourRun.rssGrowthMb.toFixed(1)} MB (peak over start, sampled every 50 ms)`);
  if (ourRun.rows !== CLAIMS || copyRun.rows !== CLAIMS) throw new Error(`Expected ${CLAIMS} rows each, got ${ourRun.rows} and ${copyRun.rows}`);
  return { ratioMb, rssGrowthMb: ourRun.rssGrowthMb };
}

async function main() {
  const database = await createTestDatabase(SERVER);
  process.env.DATABASE_URL = database.url;
  try {
    const { workspace, admin } = await makeWorkspace();
    const article = await db.article.create({
      data: { workspaceId: workspace.id, title: "Bench article", url: "https://news.example/bench", publishedAt: new Date("2024-01-01"), doc: { type: "doc", content: [] }, text: "x".repeat(200), contentHash: "bench" },
    });
    const t0 = performance.now();
    await seed(workspace.id, article.id);
    console.log(`\n${CLAIMS.toLocaleString("en")} claims with a mention each inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    await db.$executeRaw`ANALYZE "Claim"`;
    await copy(database.url, workspace.id); // warm-up: the same pages in PostgreSQL's cache for both runs
    const r = await compare(database.url, workspace.id, workspace.slug, admin.id, "JSON Lines export against COPY");
    console.log(`  throughput ≥ 1/3 of COPY's (MB/s): ${verdict(r.ratioMb >= TARGET_RATIO)} (${r.ratioMb.toFixed(2)})`);
    console.log(`  memory growth < ${TARGET_RSS_MB} MB: ${verdict(r.rssGrowthMb < TARGET_RSS_MB)} (${r.rssGrowthMb.toFixed(1)} MB)`);
  } finally {
    await closeExportPool();
    await db.$disconnect();
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
