import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { searchClaims, suggestClaims, type ClaimSuggestion } from "./suggest-claims";

/**
 * An outside tester's failing cases (stranger-14, issue 14 §1–2): invisible
 * and look-alike characters, Ukrainian forms, dates and numbers written in
 * other ways. Real database: the normaliser, stemmers and signals are SQL.
 */

const E2 = "Deputy Foreign Minister Sergey Ryabkov said the proposals were not a menu";
const E4 = "Sergei Lavrov told Anthony Blinken in Geneva that NATO must not expand";
const E6 = "Volodymyr Zelenskyy said Kyiv would not accept the plan";
const E1 = "On December 17, 2021 the Russian foreign ministry published two draft treaties";
const N1 = "The fund paid 2.5 million euros to the contractor";
const RUSSIA = "Russia rejected the proposal";
const K1 = "Former president Petro Poroshenko met Taras Shevchenko University students and Vitali Klitschko";
const K3 = "MP Oleksiy Honcharenko asked Grushko about the talks";
const OTHER = "The city council approved a new budget for schools";

async function world() {
  const { workspace } = await makeWorkspace();
  const claims = await db.claim.createManyAndReturn({
    data: [E1, E2, E4, E6, N1, RUSSIA, K1, K3, OTHER].map((statement) => ({ workspaceId: workspace.id, statement })),
    select: { id: true, statement: true },
  });
  const id = (statement: string) => claims.find((c) => c.statement === statement)!.id;
  const suggest = (text: string) => suggestClaims({ workspaceId: workspace.id, text, limit: 5 });
  return { workspace, id, suggest };
}

const ids = (hits: ClaimSuggestion[]) => hits.map((h) => h.claimId);
const kindsOf = (hit: ClaimSuggestion | undefined) => (hit?.reasons ?? []).map((r) => r.kind);

describe("invisible and look-alike characters (one normaliser for documents and queries)", () => {
  it("a name with a zero-width space, soft hyphen, stress mark or mixed-script look-alike letters matches as the plain name", async () => {
    const { id, suggest } = await world();
    for (const [text, claim] of [
      ["Pябков", E2], // Latin P, Cyrillic rest
      ["Ryаbkоv", E2], // Cyrillic а, о in a Latin word
      ["Lаvrov", E4],
      ["Ряб\u200Bков", E2],
      ["Лав\u00ADров", E4],
      ["Зеле\u0301нский", E6],
      ["Zelen\u200Dskyy", E6],
      ["Зеленски\u0438\u0306", E6], // NFD й
      ["１７ декабря ２０２１", E1], // fullwidth digits
      ["١٧ декабря ٢٠٢١", E1], // Arabic-Indic digits
    ] as const) {
      const hits = await suggest(text);
      expect(ids(hits)[0], text).toBe(id(claim));
      expect(hits[0].matchedBy, text).toBe("text");
    }
  });

  it("a claim written with invisible characters is found by the plain words (the documents are normalised too)", async () => {
    const { workspace } = await makeWorkspace();
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: "Ряб\u200Bков и Лав\u00ADров обсуждали гарантии", language: "ru" } });
    const hits = await suggestClaims({ workspaceId: workspace.id, text: "Рябков и Лавров" });
    expect(ids(hits)).toEqual([claim.id]);
    expect(hits[0].reasons.find((r) => r.kind === "name")?.terms).toEqual(["Рябков", "Лавров"]);
    expect(ids(await searchClaims({ workspaceId: workspace.id, query: "Ряб\u200Bков" }))).toEqual([claim.id]);
  });
});

describe("Ukrainian forms", () => {
  it("«Росії» and «Росією» are Russia, like «Росія» and «России»", async () => {
    const { id, suggest } = await world();
    for (const text of ["Росії", "Росією", "Росія", "России"]) {
      const hits = await suggest(text);
      expect(ids(hits)[0], text).toBe(id(RUSSIA));
      // A country: labelled a place (finding S14), not a name.
      expect(hits[0].reasons[0], text).toEqual({ kind: "place", terms: [`${text} ↔ Russia`] });
    }
  });

  it("declined -ко surnames map to the name; Кличко is Klitschko; г is also h (Гончаренко → Honcharenko)", async () => {
    const { id, suggest } = await world();
    for (const [text, claim] of [
      ["з Порошенком", K1],
      ["Порошенка", K1],
      ["Шевченка", K1],
      ["Кличка", K1],
      ["Кличком", K1],
      ["Грушку", K3],
      ["Олексій Гончаренко", K3],
      ["Гончаренка", K3],
    ] as const) {
      const hits = await suggest(text);
      expect(ids(hits)[0], text).toBe(id(claim));
      expect(kindsOf(hits[0])[0], text).toBe("name");
    }
  });

  it("гарантіям meets гарантій and питань meets питання as words", async () => {
    const { workspace } = await makeWorkspace();
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: "Питання гарантій залишається ключовим", language: "uk" } });
    for (const text of ["гарантіям", "питань"]) {
      const hits = await suggestClaims({ workspaceId: workspace.id, text, language: "uk" });
      expect(ids(hits), text).toEqual([claim.id]);
      expect(kindsOf(hits[0]), text).toEqual(["words"]);
    }
  });

  it("a capitalised function word at a sentence's start is not a name (По словам, За словами)", async () => {
    const { workspace } = await makeWorkspace();
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: "По словам Грушко, вопрос гарантий остаётся ключевым", language: "ru" } });
    const hits = await suggestClaims({ workspaceId: workspace.id, text: "По словам Грушко" });
    expect(ids(hits)).toEqual([claim.id]);
    const names = hits[0].reasons.find((r) => r.kind === "name")?.terms ?? [];
    expect(names).toEqual(["Грушко"]);
  });
});

describe("dates and numbers written in other ways", () => {
  it("17 дек. 2021, 17 груд. 2021, 17/12/2021, 12/17/2021 and 17.12.2021 are the date of «December 17, 2021»", async () => {
    const { id, suggest } = await world();
    for (const text of ["17 дек. 2021", "17 дек 2021", "17 груд. 2021", "17/12/2021", "12/17/2021", "17.12.2021", "Dec. 17, 2021"]) {
      const hits = await suggest(text);
      expect(ids(hits)[0], text).toBe(id(E1));
      expect(hits[0].reasons[0], text).toMatchObject({ kind: "date" });
    }
  });

  it("2.5m, 2,5 млн, 2.5 million and a bare 2.5 meet «2.5 million euros»", async () => {
    const { id, suggest } = await world();
    for (const text of ["2.5m", "2,5 млн", "2.5 million", "2,5 мільйона", "2.5"]) {
      const hits = await suggest(text);
      expect(ids(hits)[0], text).toBe(id(N1));
      expect(hits[0].reasons[0], text).toMatchObject({ kind: "number" });
    }
  });

  it("the normaliser and signals, directly: what each form gives", async () => {
    const rows = await db.$queryRaw<{ clean: string; signals: string[]; names: string[] }[]>`
      SELECT "search_clean"(${"Pябков Ryаbkоv Ряб\u200Bков Лав\u00ADров Зеле\u0301нский"}) AS clean,
             "search_signals"(${"17 дек. 2021 и 2.5m и 5 m"}) AS signals,
             "search_names"(${"По словам Порошенка"}) AS names`;
    expect(rows[0].clean).toBe("Рябков Ryabkov Рябков Лавров Зеленский");
    // 5 m is five metres, not five million: a scale letter counts only written on the number.
    expect(rows[0].signals).toEqual(["0d20211217", "0dm1217", "0m202112", "0n17", "0n2021", "0n2500000", "0n2p5", "0n5"]);
    expect(rows[0].names).toEqual(expect.arrayContaining(["poroshenko"]));
    expect(rows[0].names).not.toContain("po");
  });
});
