/** Quick quality on a kept bench workspace: DATABASE_URL=…/<kept db> npx tsx bench/suggestions-quality-probe.ts */
import { db } from "../lib/db/client";
import { paraphraseCases } from "../lib/search/evaluation-paraphrases";
import { crossLanguageCases, evaluate, seedRareNameCases, RARE_NAME_CASES, type EvaluationCase } from "../lib/search/evaluation-set";
import { suggestClaims } from "../lib/search/suggest-claims";
import { evaluationCasesIn } from "./suggestions.bench";
async function main() {
  const [{ workspaceId }] = await db.$queryRaw<{ workspaceId: string }[]>`SELECT "workspaceId" FROM "Claim" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const have = await db.claim.count({ where: { workspaceId, statement: RARE_NAME_CASES[0].statement } });
  let rare: Record<string, EvaluationCase[]>;
  if (!have) {
    const [{ createdById }] = await db.$queryRaw<{ createdById: string }[]>`SELECT "createdById" FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND "createdById" IS NOT NULL LIMIT 1`;
    rare = await seedRareNameCases(workspaceId, createdById, 60);
  } else {
    const claims = await db.claim.findMany({ where: { workspaceId, statement: { in: RARE_NAME_CASES.map((c) => c.statement) } }, select: { id: true, statement: true } });
    const id = new Map(claims.map((c) => [c.statement, c.id]));
    rare = Object.fromEntries((["en", "ru", "uk"] as const).map((l) => [l, RARE_NAME_CASES.map((c) => ({ text: c[l], expectedClaimId: id.get(c.statement)!, statement: c.statement, source: l }))]));
  }
  const sets: [string, EvaluationCase[]][] = [
    ["typical", await evaluationCasesIn(workspaceId)],
    ["ru", await crossLanguageCases(workspaceId, "ru")],
    ["uk", await crossLanguageCases(workspaceId, "uk")],
    ["paraphrase", await paraphraseCases(workspaceId)],
    ["rare en", rare.en], ["rare ru", rare.ru], ["rare uk", rare.uk],
  ];
  for (const [name, cases] of sets) {
    const r = await evaluate(cases, (text) => suggestClaims({ workspaceId, text, limit: 5 }));
    console.log(`${name.padEnd(12)} hit@1 ${r.recallAt1.toFixed(2)} hit@5 ${r.recallAt5.toFixed(2)}  ${r.misses.map((m) => `[${m.rank ?? "-"}] ${m.case.statement.slice(0, 50)}`).join("; ")}`);
  }
  await db.$disconnect();
}
void main();
