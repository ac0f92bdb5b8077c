import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { crossLanguageCases, evaluate, GLOSSARY_PAIRS, seedEvaluationSet, seedGlossaryCases, seedGlossaryPairs } from "./evaluation-set";
import { suggestClaims } from "./suggest-claims";

/** Real database: the evaluation set's glossary cases, without and with the desk's pairs. */
describe("evaluation set, glossary cases: Russian and Ukrainian passages sharing no name, date or number with the English claim", () => {
  it("miss without the glossary, hit@5 = 1 with it, and the other cross-language cases are no worse", async () => {
    const { workspace, admin } = await makeWorkspace();
    await seedEvaluationSet({ workspaceId: workspace.id, actorId: admin.id, withMentions: true });
    const cases = await seedGlossaryCases(workspace.id, admin.id);
    const suggest = (text: string) => suggestClaims({ workspaceId: workspace.id, text, limit: 5 });
    const crossBefore: Record<string, number> = {};
    for (const language of ["ru", "uk"] as const) {
      const without = await evaluate(cases[language], suggest);
      expect(without.recallAt5, `${language} without the glossary`).toBe(0);
      crossBefore[language] = (await evaluate(await crossLanguageCases(workspace.id, language), suggest)).recallAt5;
    }

    await seedGlossaryPairs(workspace.id, admin.id);
    const stored = await db.glossaryPair.findMany({ where: { workspaceId: workspace.id }, select: { term: true, termLexemes: true, englishLexemes: true } });
    expect(stored.filter((p) => p.termLexemes.length === 0 || p.englishLexemes.length === 0)).toEqual([]);
    expect(stored).toHaveLength(GLOSSARY_PAIRS.length);
    for (const language of ["ru", "uk"] as const) {
      const withGlossary = await evaluate(cases[language], suggest);
      const report = withGlossary.misses.map((m) => `rank ${m.rank ?? "-"}: ${m.case.text} → ${m.case.statement}; got ${m.top.join(" | ")}`).join("\n");
      expect(withGlossary.recallAt5, `${language} with the glossary; misses:\n${report}`).toBe(1);
      const top = await suggest(cases[language][0].text);
      expect(top[0].reasons.map((r) => r.kind)).toEqual(["glossary"]);
      const cross = (await evaluate(await crossLanguageCases(workspace.id, language), suggest)).recallAt5;
      expect(cross, `${language}→en cross-language cases with the glossary present`).toBeGreaterThanOrEqual(crossBefore[language]);
    }
  });
});
