/**
 * hit@5 / hit@1 of the suggestions at scale, in-process, on a workspace the suggestions
 * bench kept (SUGGESTIONS_BENCH_KEEP_DB): for trying ranking changes against the bench's
 * quality figures without re-generating the data.
 *   DATABASE_URL=…/ct_…_bench npx tsx bench/suggestions-quality.ts
 */
import { db } from "../lib/db/client";
import { paraphraseCases } from "../lib/search/evaluation-paraphrases";
import { crossLanguageCases, type EvaluationCase } from "../lib/search/evaluation-set";
import { suggestClaims } from "../lib/search/suggest-claims";
import { evaluationCasesIn } from "./suggestions.bench";

async function main() {
  const [{ workspaceId }] = await db.$queryRaw<{ workspaceId: string }[]>`
    SELECT "workspaceId" FROM "Claim" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const typical = await evaluationCasesIn(workspaceId);
  const sets: [string, EvaluationCase[]][] = [
    ["evaluation set", typical],
    ["ru→en", await crossLanguageCases(workspaceId, "ru")],
    ["uk→en", await crossLanguageCases(workspaceId, "uk")],
    ["English paraphrase", await paraphraseCases(workspaceId)],
  ];
  for (const [name, cases] of sets) {
    let at1 = 0;
    let at5 = 0;
    const misses: string[] = [];
    for (const c of cases) {
      const rank = (await suggestClaims({ workspaceId, text: c.text, limit: 5 })).findIndex((h) => h.claimId === c.expectedClaimId);
      if (rank === 0) at1++;
      if (rank >= 0) at5++;
      else misses.push(c.statement.slice(0, 60));
    }
    console.log(`${name.padEnd(20)} hit@5 ${(at5 / cases.length).toFixed(2)}  hit@1 ${(at1 / cases.length).toFixed(2)}  (${cases.length})${misses.length ? `  misses: ${misses.join(" | ")}` : ""}`);
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
