import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { suggestClaims } from "./suggest-claims";

/**
 * Finding T10: a selection's date is one unit (day, month and year), so a claim with another date that shares
 * its day and year ("12 May 2024" for "12 March 2024") gets no shared numbers from it. Real database.
 */

async function queryTerms(text: string, language: string) {
  return db.$queryRaw<{ lexeme: string; kind: string }[]>`SELECT lexeme, kind FROM "search_query_terms"("search_clean"(${text}), ${language}::text)`;
}

describe("a date is one unit in the suggestion score (T10)", () => {
  it("a selection's dates, in en, ru and uk, in words or digits, give no day or year numbers; its other numbers stay", async () => {
    for (const [text, language] of [
      ["On 12 March 2024 prices rose by 7 percent", "en"],
      ["March 12, 2024: prices rose by 7 percent", "en"],
      ["12 марта 2024 года цены выросли на 7 процентов", "ru"],
      ["12 березня 2024 року ціни зросли на 7 відсотків", "uk"],
      ["12.03.2024 prices rose by 7 percent", "en"],
      ["2024-03-12 prices rose by 7 percent", "en"],
    ] as const) {
      const terms = await queryTerms(text, language);
      const numbers = terms.filter((t) => t.kind === "number").map((t) => t.lexeme);
      expect(numbers, text).toEqual(["0n7"]);
      expect(terms.filter((t) => t.kind === "date").map((t) => t.lexeme), text).toContain("0d20240312");
    }
    // A year alone is still a number: it finds claims dated in that year.
    expect((await queryTerms("Prices rose in 2024", "en")).map((t) => t.lexeme)).toContain("0n2024");
  });

  it("a claim with another month shares no number with the selection, and the same date ranks first", async () => {
    const { workspace, admin } = await makeWorkspace();
    const statements = ["Fuel prices rose on 12 May 2024", "Fuel prices rose on 12 March 2024", "Bread prices fell sharply"];
    const claims = await db.claim.createManyAndReturn({
      data: statements.map((statement) => ({ workspaceId: workspace.id, statement, createdById: admin.id })),
      select: { id: true, statement: true },
    });
    for (const text of ["Fuel prices rose on 12 March 2024", "12 марта 2024 года цены на топливо выросли"]) {
      const hits = await suggestClaims({ workspaceId: workspace.id, text, limit: 5 });
      const other = hits.find((h) => h.statement === statements[0]);
      if (other) expect(other.reasons.filter((r) => r.kind === "number"), `${text}: ${JSON.stringify(other.reasons)}`).toEqual([]);
      if (other) expect(other.reasons.filter((r) => r.kind === "date"), text).toEqual([]);
      if (text.startsWith("Fuel")) expect(hits[0]?.claimId).toBe(claims.find((c) => c.statement === statements[1])!.id);
      const same = hits.find((h) => h.statement === statements[1]);
      expect(same?.reasons.find((r) => r.kind === "date")?.terms.length, text).toBeGreaterThan(0);
    }
  });
});
