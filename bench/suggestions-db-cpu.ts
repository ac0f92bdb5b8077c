/**
 * Database CPU per suggestion at scale, in-process (issue 11): the CPU time of
 * every backend of the database (from /proc; PostgreSQL runs on this machine)
 * over N passes of each class of input, divided by the calls. Unlike wall time
 * it hardly depends on the machine's load, so it compares changes fairly on a
 * shared machine. On a workspace the suggestions bench kept (SUGGESTIONS_BENCH_KEEP_DB):
 *   DATABASE_URL=…/ct_…_bench npx tsx bench/suggestions-db-cpu.ts [passes]
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { db } from "../lib/db/client";
import { paraphraseCases } from "../lib/search/evaluation-paraphrases";
import { crossLanguageCases } from "../lib/search/evaluation-set";
import { searchClaims, suggestClaims } from "../lib/search/suggest-claims";
import { corpusWords, evaluationCasesIn, hugeSelections, shortSelections, TYPED } from "./suggestions.bench";
import { CLIENT_BACKENDS_SQL } from "./lib/process-usage";
function cpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0; // the backend ended
  }
}
async function main() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  const cpu = async () => {
    const rows = (await c.query(CLIENT_BACKENDS_SQL)).rows as { pid: number }[];
    return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
  };
  const [{ workspaceId }] = await db.$queryRaw<{ workspaceId: string }[]>`SELECT "workspaceId" FROM "Claim" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const common = corpusWords();
  const sets: [string, string[], boolean][] = [
    ["short", shortSelections(common), false],
    ["typical", (await evaluationCasesIn(workspaceId)).map((x) => x.text), false],
    ["ru+uk", [...(await crossLanguageCases(workspaceId, "ru")), ...(await crossLanguageCases(workspaceId, "uk"))].map((x) => x.text), false],
    ["paraphrase", (await paraphraseCases(workspaceId)).map((x) => x.text), false],
    ["huge", hugeSelections(common), false],
    ["typed", TYPED, true],
  ];
  const n = Number(process.argv[2] ?? 3);
  for (const [name, texts, typed] of sets) {
    const f = (t: string) => (typed ? searchClaims({ workspaceId, query: t }) : suggestClaims({ workspaceId, text: t }));
    for (const t of texts) await f(t);
    const before = await cpu();
    for (let i = 0; i < n; i++) for (const t of texts) await f(t);
    let ms = 0;
    for (const [pid, v] of await cpu()) ms += v - (before.get(pid) ?? 0);
    console.log(`${name.padEnd(12)} ${(ms / (n * texts.length)).toFixed(1)} ms DB CPU/call (${n * texts.length} calls)`);
  }
  await c.end();
  await db.$disconnect();
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
