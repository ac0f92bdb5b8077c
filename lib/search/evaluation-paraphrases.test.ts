import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { ENGLISH_PARAPHRASES, paraphraseCases } from "./evaluation-paraphrases";
import { CORPUS_DIR, EVALUATION_CLAIMS, evaluate, seedEvaluationSet } from "./evaluation-set";
import { suggestClaims } from "./suggest-claims";

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe("English paraphrases of the evaluation set (issue 14: paraphrase → claim hit@5 ≥ 0.9)", () => {
  it("covers every claim of the set once, each our own wording: not the statement, and no run of 8 words from the corpus", () => {
    expect(ENGLISH_PARAPHRASES.map((p) => p.statement).sort()).toEqual(EVALUATION_CLAIMS.map((c) => c.statement).sort());
    const corpus = readdirSync(CORPUS_DIR)
      .filter((f) => /^\d{3}_.*\.txt$/.test(f))
      .map((f) => words(readFileSync(path.join(CORPUS_DIR, f), "utf8")).join(" "))
      .join("\n");
    for (const { statement, paraphrase } of ENGLISH_PARAPHRASES) {
      expect(words(paraphrase).join(" ")).not.toBe(words(statement).join(" "));
      const w = words(paraphrase);
      for (let i = 0; i + 8 <= w.length; i++) expect(corpus.includes(w.slice(i, i + 8).join(" ")), `${paraphrase}: "${w.slice(i, i + 8).join(" ")}" is corpus text`).toBe(false);
    }
  });

  it("each finds its claim in the top 5 for at least 0.9 of them, among the set's claims and distractors", async () => {
    const { workspace, admin } = await makeWorkspace();
    await seedEvaluationSet({ workspaceId: workspace.id, actorId: admin.id, withMentions: true });
    const cases = await paraphraseCases(workspace.id);
    expect(cases).toHaveLength(ENGLISH_PARAPHRASES.length);
    const result = await evaluate(cases, (text) => suggestClaims({ workspaceId: workspace.id, text, limit: 5 }));
    const report = result.misses.map((m) => `rank ${m.rank ?? "-"}: ${m.case.text} → ${m.case.statement}`).join("\n");
    expect(result.recallAt5, `hit@5 ${result.recallAt5.toFixed(2)}; misses:\n${report}`).toBeGreaterThanOrEqual(0.9);
  });
});
