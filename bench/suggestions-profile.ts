/**
 * Where a suggestion's time goes at scale (issue 11/14): in-process, on a
 * workspace the suggestions bench left behind (SUGGESTIONS_BENCH_KEEP_DB).
 *   DATABASE_URL=…/ct_…_bench npx tsx bench/suggestions-profile.ts [passes]
 * For each class of input (short/common, typical English, ru/uk, English
 * paraphrases, huge, typed): wall time per call and the median time of each
 * CTE of the ranking query from EXPLAIN ANALYZE (wall times: inflated by the
 * machine's load; bench/suggestions-db-cpu.ts measures CPU).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { db } from "../lib/db/client";
import { paraphraseCases } from "../lib/search/evaluation-paraphrases";
import { crossLanguageCases } from "../lib/search/evaluation-set";
import { explainSuggestion, searchClaims, suggestClaims } from "../lib/search/suggest-claims";
import { corpusWords, evaluationCasesIn, hugeSelections, shortSelections, TYPED } from "./suggestions.bench";

const PASSES = Number(process.argv[2] ?? 3);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

/** Median time of each CTE (its top node's actual total time) over the given plans. */
function cteTimes(plans: string[]): string {
  const per = new Map<string, number[]>();
  for (const plan of plans) {
    const lines = plan.split("\n");
    lines.forEach((l, i) => {
      const name = /^\s*CTE (\w+)/.exec(l)?.[1];
      const t = name && /actual time=[\d.]+\.\.([\d.]+) rows=\d+ loops=(\d+)/.exec(lines[i + 1] ?? "");
      if (name && t) per.set(name, [...(per.get(name) ?? []), Number(t[1]) * Number(t[2])]);
    });
    const exec = /Execution Time: ([\d.]+)/.exec(plan)?.[1];
    const planning = /Planning Time: ([\d.]+)/.exec(plan)?.[1];
    if (exec) per.set("EXECUTION", [...(per.get("EXECUTION") ?? []), Number(exec)]);
    if (planning) per.set("PLANNING", [...(per.get("PLANNING") ?? []), Number(planning)]);
  }
  return [...per.entries()].map(([k, v]) => `${k} ${pct(v, 50).toFixed(1)}`).join(", ");
}

async function main() {
  const [{ workspaceId }] = await db.$queryRaw<{ workspaceId: string }[]>`
    SELECT "workspaceId" FROM "Claim" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const claims = await db.claim.count({ where: { workspaceId } });
  const common = corpusWords();
  const typical = (await evaluationCasesIn(workspaceId)).map((c) => c.text);
  const classes: [string, string[], "text" | "q"][] = [
    ["short/common", shortSelections(common), "text"],
    ["typical English", typical, "text"],
    ["ru+uk", [...(await crossLanguageCases(workspaceId, "ru")), ...(await crossLanguageCases(workspaceId, "uk"))].map((c) => c.text), "text"],
    ["English paraphrases", (await paraphraseCases(workspaceId)).map((c) => c.text), "text"],
    ["huge", hugeSelections(common), "text"],
    ["typed q=", TYPED, "q"],
  ];
  console.log(`${claims.toLocaleString("en")} claims; load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; ${PASSES} passes`);
  for (const [name, texts, kind] of classes) {
    const call = (t: string) => (kind === "q" ? searchClaims({ workspaceId, query: t }) : suggestClaims({ workspaceId, text: t }));
    for (const t of texts) await call(t);
    const wall: number[] = [];
    for (let p = 0; p < PASSES; p++)
      for (const t of texts) {
        const t0 = performance.now();
        await call(t);
        wall.push(performance.now() - t0);
      }
    const plans: string[] = [];
    for (const t of texts) plans.push(await explainSuggestion(kind === "q" ? { search: { workspaceId, query: t } } : { selection: { workspaceId, text: t } }));
    console.log(`\n${name} (${texts.length} inputs, load ${os.loadavg()[0].toFixed(1)})`);
    console.log(`  wall p50 ${pct(wall, 50).toFixed(1)} ms, p95 ${pct(wall, 95).toFixed(1)} ms, max ${pct(wall, 100).toFixed(1)}`);
    console.log(`  EXPLAIN ANALYZE medians (ms): ${cteTimes(plans)}`);
  }
}

main().then(
  async () => {
    await db.$disconnect();
    process.exit(0);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
