/**
 * Matching by meaning: what the blend adds to a suggestion (lib/search/
 * embeddings/blend.ts) at 10k and 100k embedded claims in one workspace —
 * reading the lexical candidates' vectors, the bounded nearest-neighbour pass
 * (hash buckets, at most 1,500 vectors read) and the fusion — with 384-dimensional
 * vectors, the size of multilingual-e5-small's. The model's own inference is
 * NOT in these figures: no real model can be brought onto this network, so the
 * query is embedded by a tiny 384-dimensional test model (one Gather) and the
 * stored vectors are generated (1,000 clusters, each claim near one). The
 * lexical ranking is left out too (the suggestions bench measures it), so the
 * figure is the blend's own added time, judged against nothing.
 *
 * DATABASE_URL names the PostgreSQL server; a fresh database is made and dropped.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { seededRandom } from "../lib/anchoring/test-utils";
import { db } from "../lib/db/client";
import { createTestDatabase } from "../lib/db/test-database";
import { bucketsOf } from "../lib/search/embeddings/buckets";
import { blendWithMeaning } from "../lib/search/embeddings/blend";
import { loadEmbedder, vectorBytes } from "../lib/search/embeddings/model";
import { writeTinyModel } from "../lib/testing/tiny-embedding-model";
import { percentile, recordInfo } from "./lib/report";

const DIM = 384;
const CLUSTERS = 1000;
const SCALES = (process.env.EMBEDDINGS_BENCH_SCALES ?? "10000,100000").split(",").map(Number);
const QUERIES = 60;
const BATCH = 2000;

const random = seededRandom(14);
function gaussian(): number {
  return Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
}
function unit(v: Float32Array): Float32Array {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}
const centers = Array.from({ length: CLUSTERS }, () => unit(Float32Array.from({ length: DIM }, gaussian)));

async function seed(workspaceId: string, fingerprint: string, from: number, to: number) {
  // The claims only need to exist (the pass joins live claims): their search triggers are skipped.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`
        INSERT INTO "Claim" ("id", "workspaceId", "statement", "updatedAt")
        SELECT 'bench-' || g, ${workspaceId}, 'claim ' || g, now() FROM generate_series(${from}::int, ${to - 1}::int) g`;
    },
    { timeout: 600_000 },
  );
  for (let start = from; start < to; start += BATCH) {
    const ids: string[] = [];
    const hex: string[] = [];
    const buckets: string[] = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      const center = centers[i % CLUSTERS]!;
      const v = unit(center.map((x) => x + gaussian() * 0.04));
      ids.push(`bench-${i}`);
      hex.push(Buffer.from(vectorBytes(v)).toString("hex"));
      buckets.push(bucketsOf(v).join(","));
    }
    await db.$executeRaw`
      INSERT INTO "ClaimEmbedding" ("kind", "sourceId", "claimId", "workspaceId", "fingerprint", "textHash", "vector", "buckets")
      SELECT 'statement', d.id, d.id, ${workspaceId}, ${fingerprint}, '', decode(d.hex, 'hex'), string_to_array(d.buckets, ',')
      FROM unnest(${ids}::text[], ${hex}::text[], ${buckets}::text[]) AS d(id, hex, buckets)`;
  }
  await db.$executeRaw`ANALYZE "ClaimEmbedding"`;
}

async function main() {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const words = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`w${i}`, Array.from(centers[i]!)]));
    process.env.EMBEDDING_MODEL_DIR = writeTinyModel(path.join(mkdtempSync(path.join(os.tmpdir(), "ct-emb-bench-")), "tiny-384"), { words });
    const embedder = (await loadEmbedder())!;
    const workspace = await db.workspace.create({ data: { name: "Embeddings bench", slug: `emb-bench-${Date.now()}` } });
    let seeded = 0;
    for (const scale of SCALES) {
      const t0 = performance.now();
      await seed(workspace.id, embedder.fingerprint, seeded, scale);
      seeded = scale;
      console.log(`  seeded ${scale} embedded claims in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const times: number[] = [];
      const cpu: number[] = [];
      let found = 0;
      for (let q = 0; q < QUERIES + 5; q++) {
        const word = `w${q % 50}`;
        const t = performance.now();
        const c = process.cpuUsage();
        const hits = await blendWithMeaning({ workspaceId: workspace.id, text: word, excludeClaimIds: [], limit: 8 }, async () => []);
        if (q >= 5) {
          times.push(performance.now() - t);
          const used = process.cpuUsage(c);
          cpu.push((used.user + used.system) / 1000);
        }
        // Its cluster's claims are bench-<n> with n ≡ q (mod 1000).
        if (q >= 5 && hits.some((h) => Number(h.claimId.slice(6)) % CLUSTERS === q % 50)) found++;
      }
      const load = os.loadavg()[0]!.toFixed(1);
      const scaleText = `${scale / 1000}k claims`;
      const note = `384 dimensions; model inference and lexical ranking excluded; load ${load}`;
      recordInfo({ area: "meaning (blend)", measure: "p50 added per suggestion", scale: scaleText, value: percentile(times, 50), unit: "ms", note });
      recordInfo({ area: "meaning (blend)", measure: "p95 added per suggestion", scale: scaleText, value: percentile(times, 95), unit: "ms", note });
      recordInfo({ area: "meaning (blend)", measure: "p50 Node CPU per suggestion (this process, not the database)", scale: scaleText, value: percentile(cpu, 50), unit: "ms", note });
      recordInfo({ area: "meaning (blend)", measure: "queries whose own cluster is in the top 8", scale: scaleText, value: found / QUERIES, unit: "", note });
    }
  } finally {
    delete process.env.EMBEDDING_MODEL_DIR;
    await db.$disconnect();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
