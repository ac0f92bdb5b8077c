/**
 * The workspace glossary (issue 14 §2), in process against a fresh database
 * (DATABASE_URL's server): what it adds to matching, and what it costs.
 *
 * - hit@5 of the evaluation set's glossary cases (Russian and Ukrainian
 *   passages sharing no name, date or number with their English claim,
 *   lib/search/evaluation-set.ts GLOSSARY_CASES) without and with the desk's
 *   28 pairs, and of the other cross-language cases without and with them
 *   (nothing may get worse).
 * - Suggestion time (suggestClaims, the SQL, no HTTP) for the same passages
 *   with no glossary, the 28 pairs, and a full glossary (5,000 pairs, the
 *   limit), at GLOSSARY_BENCH_CLAIMS generated claims (default 10k). The
 *   suggestion latency target (p95 ≤ 100 ms) is stated at 100k claims and is
 *   judged by suggestions.bench.ts; these are informational figures of the
 *   glossary's added cost at this scale.
 */
import os from "node:os";
import { db } from "../lib/db/client";
import { createTestDatabase } from "../lib/db/test-database";
import { crossLanguageCases, evaluate, seedEvaluationSet, seedGlossaryCases, seedGlossaryPairs, type EvaluationCase } from "../lib/search/evaluation-set";
import { suggestClaims } from "../lib/search/suggest-claims";
import { createUser } from "../lib/users/create-user";
import { createWorkspace } from "../lib/workspaces/create-workspace";
import { percentile, recordInfo } from "./lib/report";

const CLAIMS = Number(process.env.GLOSSARY_BENCH_CLAIMS ?? 10_000);
const FULL_GLOSSARY = 5000;
const PASSES = 3;

async function hit5(workspaceId: string, cases: EvaluationCase[]): Promise<number> {
  return (await evaluate(cases, (text) => suggestClaims({ workspaceId, text, limit: 5 }))).recallAt5;
}

async function times(workspaceId: string, texts: string[]): Promise<number[]> {
  for (const text of texts) await suggestClaims({ workspaceId, text, limit: 8 });
  const out: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const text of texts) {
      const t0 = performance.now();
      await suggestClaims({ workspaceId, text, limit: 8 });
      out.push(performance.now() - t0);
    }
  }
  return out;
}

/** Generated English claims from a small vocabulary, so the postings are realistic in size (a few words common, most rare). */
async function generateClaims(workspaceId: string, n: number) {
  await db.$executeRaw`
    INSERT INTO "Claim" ("id", "workspaceId", "statement", "language", "createdAt", "updatedAt")
    SELECT 'glos-' || g, ${workspaceId},
      (ARRAY['Officials','Ministers','Analysts','Officers','Farmers','Traders'])[1 + g % 6] || ' said ' ||
      (ARRAY['exports','prices','wages','imports','rents','taxes','tariffs','loans'])[1 + (g / 6) % 8] || ' of ' ||
      (ARRAY['steel','timber','coal','cotton','sugar','copper','fish','wine','salt','wool'])[1 + (g / 48) % 10] || ' rose by ' || (g % 97) || ' percent in district ' || g,
      'en', now(), now()
    FROM generate_series(1, ${n}) AS g`;
  await db.$executeRawUnsafe(`ANALYZE "Claim"`);
}

async function main() {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const user = await createUser({ name: "Bench Glossary", email: `bench-glossary-${Date.now()}@example.test`, password: "bench-password-123" });
    const workspace = await createWorkspace({ name: "Glossary bench", ownerId: user.id });
    await seedEvaluationSet({ workspaceId: workspace.id, actorId: user.id, withMentions: true });
    const glossaryCases = await seedGlossaryCases(workspace.id, user.id);
    const t0 = performance.now();
    await generateClaims(workspace.id, CLAIMS);
    const scale = `${Math.round((CLAIMS + 100) / 1000)}k claims`;
    console.log(`  ${CLAIMS} claims generated in ${((performance.now() - t0) / 1000).toFixed(0)} s; load ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
    const cross = { ru: await crossLanguageCases(workspace.id, "ru"), uk: await crossLanguageCases(workspace.id, "uk") };
    const texts = [...glossaryCases.ru, ...glossaryCases.uk, ...cross.ru, ...cross.uk].map((c) => c.text);

    const before = { glossaryRu: await hit5(workspace.id, glossaryCases.ru), glossaryUk: await hit5(workspace.id, glossaryCases.uk), crossRu: await hit5(workspace.id, cross.ru), crossUk: await hit5(workspace.id, cross.uk) };
    const none = await times(workspace.id, texts);
    await seedGlossaryPairs(workspace.id, user.id);
    const after = { glossaryRu: await hit5(workspace.id, glossaryCases.ru), glossaryUk: await hit5(workspace.id, glossaryCases.uk), crossRu: await hit5(workspace.id, cross.ru), crossUk: await hit5(workspace.id, cross.uk) };
    const small = await times(workspace.id, texts);
    // A full glossary: 5,000 more pairs of made-up words (none in these passages), the most a workspace may have.
    await db.$executeRaw`
      INSERT INTO "GlossaryPair" ("id", "workspaceId", "language", "term", "english", "createdAt", "updatedAt")
      SELECT 'glp-' || g, ${workspace.id}, 'ru', 'термин' || g || 'ов', 'term' || g || 'x', now(), now() FROM generate_series(1, ${FULL_GLOSSARY - 28}) AS g`;
    const full = await times(workspace.id, texts);

    const note = `${glossaryCases.ru.length} passages each; load ${os.loadavg()[0].toFixed(1)}`;
    for (const [language, key] of [["ru", "glossaryRu"], ["uk", "glossaryUk"]] as const) {
      recordInfo({ area: "glossary", measure: `hit@5 ${language}→en, glossary cases, without pairs`, scale, value: before[key], unit: "", note });
      recordInfo({ area: "glossary", measure: `hit@5 ${language}→en, glossary cases, with the 28 pairs`, scale, value: after[key], unit: "", note });
    }
    for (const [language, key] of [["ru", "crossRu"], ["uk", "crossUk"]] as const) {
      recordInfo({ area: "glossary", measure: `hit@5 ${language}→en, other cross-language cases, without → with pairs (change)`, scale, value: after[key] - before[key], unit: "", note: `${before[key].toFixed(2)} → ${after[key].toFixed(2)}` });
    }
    const load = `${texts.length} passages × ${PASSES}; load ${os.loadavg()[0].toFixed(1)}; the 100k target is judged by suggestions.bench.ts`;
    for (const [label, sample] of [["no glossary", none], ["28 pairs", small], ["5,000 pairs", full]] as const) {
      recordInfo({ area: "glossary", measure: `suggestion p50, ${label}`, scale, value: percentile(sample, 50), unit: "ms", note: load });
      recordInfo({ area: "glossary", measure: `suggestion p95, ${label}`, scale, value: percentile(sample, 95), unit: "ms", note: load });
    }
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

if (process.argv[1]?.endsWith("glossary.bench.ts")) main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
