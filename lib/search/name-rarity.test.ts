import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { suggestClaims } from "./suggest-claims";

/** Real database: the ranking is SQL (lib/search/suggest-claims.ts, name_idf). */
describe("a name weighs by its rarity however it is spelled (finding X4b)", () => {
  it("a whole name in a claim's claimant outranks claims sharing only the first name, in either spelling or script", async () => {
    const { workspace, admin } = await makeWorkspace();
    const claims = [
      ["Sergey Lavrov said NATO must withdraw to its 1997 borders", "Sergey Lavrov"],
      ["Russia will not accept the deployment of US missiles in Europe", "Sergey Ryabkov"],
      ["Sergei Shoigu said the drills ended on schedule", "Sergei Shoigu"],
      ["Maria Zakharova called the report a provocation", "Maria Zakharova"],
      ["The Kremlin said talks with Washington were constructive", "Dmitry Peskov"],
      ["Ukraine received new air defence systems in December", null],
    ] as const;
    for (const [statement, claimant] of claims) await db.claim.create({ data: { workspaceId: workspace.id, statement, claimant, createdById: admin.id } });
    // Before: «Сергей Рябков» found "Sergei Shoigu" first (the rarer spelling of the first name weighed more than
    // the surname), and "Sergey Ryabkov" found "Sergey Lavrov" first.
    for (const text of ["Сергей Рябков", "Sergey Ryabkov", "Sergei Ryabkov", "Сергей Рябков заявил, что Россия не допустит размещения ракет"]) {
      const hits = await suggestClaims({ workspaceId: workspace.id, text, limit: 5 });
      expect(hits[0]?.statement, `${text}: ${hits.map((h) => h.statement).join(" | ")}`).toBe(claims[1][0]);
      expect(hits[0].reasons.find((r) => r.kind === "name")?.terms.join(" ")).toMatch(/Ryabkov/);
    }
    // The first name alone still finds each claim with it.
    const sergei = await suggestClaims({ workspaceId: workspace.id, text: "Сергей", limit: 5 });
    expect(sergei.map((h) => h.statement).sort()).toEqual([claims[0][0], claims[1][0], claims[2][0]].sort());
  });
});
