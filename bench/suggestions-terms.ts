/**
 * Where a suggestion's time goes (issue 14 perf): one 10k workspace, in-process.
 *   DATABASE_URL=… npx tsx bench/suggestions-terms.ts [seed]
 * "seed" creates the workspace (evaluation set + generated claims to 10k) and prints its id;
 * otherwise times the evaluation set's English selections, and their ru/uk renderings
 * separately: detection, the query-term extraction alone, and whole suggestions; and the first
 * call on a new connection.
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { detectLanguage } from "../lib/articles/import/language";
import { db } from "../lib/db/client";
import { crossLanguageCases, seedEvaluationSet } from "../lib/search/evaluation-set";
import { suggestClaims } from "../lib/search/suggest-claims";
import { createUser } from "../lib/users/create-user";
import { createWorkspace } from "../lib/workspaces/create-workspace";
import { corpusWords, generatorLists, insertDistractors } from "./suggestions.bench";

const CASES = process.env.SUGG_CASES ?? "/tmp/h14perf-cases.json";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)} ms (n=${xs.length})`;

async function seed() {
  const user = await createUser({ name: "Perf", email: `perf-${Date.now()}@example.test`, password: "bench-password-123" });
  const ws = await createWorkspace({ name: "Perf", ownerId: user.id });
  const { cases, claimIds } = await seedEvaluationSet({ workspaceId: ws.id, actorId: user.id, withMentions: true });
  await insertDistractors(ws.id, claimIds.length, 10_000 - claimIds.length, generatorLists(corpusWords()));
  writeFileSync(CASES, JSON.stringify({ workspaceId: ws.id, cases }));
  console.log(`workspace ${ws.id}; cases in ${CASES}`);
}

async function time(texts: readonly string[], passes: number, f: (t: string) => Promise<unknown>) {
  for (const t of texts) await f(t);
  const out: number[] = [];
  for (let p = 0; p < passes; p++)
    for (const t of texts) {
      const t0 = performance.now();
      await f(t);
      out.push(performance.now() - t0);
    }
  return out;
}

async function measure(workspaceId: string) {
  const english = (JSON.parse(readFileSync(CASES, "utf8")) as { cases: { text: string }[] }).cases.map((c) => c.text);
  const ru = (await crossLanguageCases(workspaceId, "ru")).map((c) => c.text);
  const uk = (await crossLanguageCases(workspaceId, "uk")).map((c) => c.text);
  console.log(`load ${os.loadavg()[0].toFixed(1)}; ${english.length} English, ${ru.length} ru, ${uk.length} uk selections`);
  for (const [name, texts] of [["English", english], ["ru+uk", [...ru, ...uk]]] as const) {
    console.log(`\n${name}`);
    console.log(`  detectLanguage          ${fmt(await time(texts, 3, (t) => detectLanguage(t)))}`);
    const langs = new Map<string, string | null>();
    for (const t of texts) langs.set(t, await detectLanguage(t));
    console.log(`  search_query_terms      ${fmt(await time(texts, 3, (t) => db.$queryRaw`SELECT * FROM "search_query_terms"(${t}, ${langs.get(t)}::text)`))}`);
    console.log(`  to_tsvector english     ${fmt(await time(texts, 3, (t) => db.$queryRaw`SELECT tsvector_to_array(to_tsvector('english', ${t}))`))}`);
    console.log(`  suggestClaims           ${fmt(await time(texts, 3, (t) => suggestClaims({ workspaceId, text: t, limit: 8 })))}`);
  }
  // First call per connection: a new pg connection each time.
  const firsts: number[] = [];
  const seconds: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    let t0 = performance.now();
    await c.query(`SELECT * FROM "search_query_terms"($1, 'en')`, [english[i]]);
    firsts.push(performance.now() - t0);
    t0 = performance.now();
    await c.query(`SELECT * FROM "search_query_terms"($1, 'en')`, [english[i + 1]]);
    seconds.push(performance.now() - t0);
    await c.end();
  }
  console.log(`\nnew connection: first search_query_terms ${fmt(firsts)}; second ${fmt(seconds)}`);
}

const arg = process.argv[2];
(arg === "seed" ? seed() : measure((JSON.parse(readFileSync(CASES, "utf8")) as { workspaceId: string }).workspaceId)).then(
  async () => {
    await db.$disconnect();
    process.exit(0);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
