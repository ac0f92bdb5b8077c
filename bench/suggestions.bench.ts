/**
 * Claim-suggestion benchmark: npx tsx bench/suggestions.bench.ts
 *
 * 1. Quality: recall@1 and @5 on the hand-made evaluation set
 *    (lib/search/evaluation-set.ts: paraphrased claims, selections from other
 *    articles of the reference corpus, ~40 distractors), once with statements
 *    only and once with each claim's first mention as it would be in use.
 * 2. Speed: median suggestion latency over 50 selections in a workspace with
 *    100,000 generated claims (word salad over the corpus vocabulary, so every
 *    claim shares words with every selection: the hard case for an OR-query),
 *    plus recall@5 of the evaluation set among them.
 *
 * Runs on a throwaway database on DATABASE_URL's server (default: the local
 * server, postgresql://postgres@127.0.0.1:5432/postgres), dropped at the end.
 * Targets: recall@5 ≥ 0.8, median latency < 50 ms.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { db } from "../lib/db/client";
import { createTestDatabase } from "../lib/db/test-database";
import { CORPUS_DIR, evaluate, seedEvaluationSet, type EvaluationResult } from "../lib/search/evaluation-set";
import { suggestClaims } from "../lib/search/suggest-claims";
import { makeWorkspace } from "../lib/testing/fixtures";

const SERVER = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const CLAIMS = 100_000;
const QUERIES = 50;
const TARGET_RECALL = 0.8;
const TARGET_MS = 50;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (x: number) => x.toFixed(2);
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");

function corpusText(): string {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(path.join(CORPUS_DIR, f), "utf8"))
    .join("\n");
}

/** Corpus words, most frequent first, so the generator's skew favours common words. */
function vocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const w of corpusText().match(/[\p{L}\p{N}’'-]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

/** 100k claims in one INSERT … SELECT: 8–20 words each, word rank skewed by random()². */
async function bulkInsertClaims(workspaceId: string, words: string[]): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "Claim" ("id", "workspaceId", "statement", "updatedAt")
    SELECT 'bench-' || g, ${workspaceId},
      (SELECT string_agg((${words}::text[])[1 + floor(power(random(), 2) * ${words.length})::int], ' ')
       FROM generate_series(1, 8 + (g % 13))),
      now()
    FROM generate_series(1, ${CLAIMS}) AS g`;
  await db.$executeRaw`ANALYZE "Claim"`;
}

function printRecall(label: string, r: EvaluationResult, n: number): void {
  console.log(`  ${label.padEnd(34)} recall@1 ${pct(r.recallAt1)}   recall@5 ${pct(r.recallAt5)}   (${n} selections)`);
}

async function quality(): Promise<number> {
  console.log("\nEvaluation set (hand-made pairs from the reference corpus):");
  let worst = 1;
  for (const withMentions of [false, true]) {
    const { workspace, admin } = await makeWorkspace();
    const { cases } = await seedEvaluationSet({ workspaceId: workspace.id, actorId: admin.id, withMentions });
    const result = await evaluate(cases, (text) => suggestClaims({ workspaceId: workspace.id, text }));
    printRecall(withMentions ? "statements + first mention" : "statements only", result, cases.length);
    for (const m of result.misses) console.log(`    miss (rank ${m.rank ?? "-"}): ${m.case.statement}`);
    worst = Math.min(worst, result.recallAt5);
  }
  return worst;
}

async function speed(): Promise<number> {
  const { workspace, admin } = await makeWorkspace();
  const started = performance.now();
  await bulkInsertClaims(workspace.id, vocabulary());
  console.log(`\n${CLAIMS.toLocaleString("en")} generated claims inserted and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const { cases } = await seedEvaluationSet({ workspaceId: workspace.id, actorId: admin.id, withMentions: true });
  const suggest = (text: string) => suggestClaims({ workspaceId: workspace.id, text });
  printRecall(`evaluation set among ${CLAIMS / 1000}k claims`, await evaluate(cases, suggest), cases.length);
  const texts = Array.from({ length: QUERIES }, (_, i) => cases[i % cases.length].text);
  await suggest(texts[0]); // warm-up: connection pool and plan caches
  const times: number[] = [];
  for (const text of texts) {
    const t0 = performance.now();
    await suggest(text);
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`  latency over ${QUERIES} selections: median ${median(times).toFixed(1)} ms, p90 ${sorted[Math.floor(QUERIES * 0.9)].toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
  return median(times);
}

async function main() {
  const database = await createTestDatabase(SERVER);
  process.env.DATABASE_URL = database.url;
  try {
    const recall = await quality();
    const latency = await speed();
    console.log(`\nrecall@5 ≥ ${TARGET_RECALL}: ${verdict(recall >= TARGET_RECALL)} (worst ${pct(recall)})`);
    console.log(`median latency < ${TARGET_MS} ms with ${CLAIMS.toLocaleString("en")} claims: ${verdict(latency < TARGET_MS)} (${latency.toFixed(1)} ms)`);
  } finally {
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
