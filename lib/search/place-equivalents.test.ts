import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { suggestClaims } from "./suggest-claims";

/**
 * Finding T1: «США», "U.S.", "USA" and "the US" are "the United States" (and so for the UK, the EU and the UN),
 * through the built-in equivalents of migration place_equivalents, read at query time. Real database.
 */

const ENGLISH = [
  "The United States imposed sanctions on Iranian oil exports",
  "The United Kingdom will send more tanks next year",
  "The European Union approved a new package of measures against Moscow",
  "The United Nations called for an immediate ceasefire in the region",
  // Distractors sharing a word of a name ("state", "union", "kingdom", "nations") but not the name.
  "State media said the harvest was the largest in a decade",
  "The trade union called a strike at the port",
  "The kingdom of Saudi Arabia raised oil output",
  "Many nations rely on imported grain",
  "Germany imposed new rules on gas imports",
  "France will send more doctors to the region",
];

const RUSSIAN = [
  "США ввели санкции против иранской нефти",
  "Великобритания отправит больше танков в следующем году",
  "ЕС одобрил новый пакет мер против Москвы",
  "ООН призвала к немедленному прекращению огня в регионе",
  "Государственные СМИ сообщили о рекордном урожае",
  "Германия ввела новые правила импорта газа",
  "Франция отправит больше врачей в регион",
];

async function workspaceWith(statements: string[]) {
  const { workspace, admin } = await makeWorkspace();
  const claims = await db.claim.createManyAndReturn({
    data: statements.map((statement) => ({ workspaceId: workspace.id, statement, createdById: admin.id })),
    select: { id: true, statement: true },
  });
  return { workspaceId: workspace.id, id: (s: string) => claims.find((c) => c.statement === s)!.id };
}

async function top5(workspaceId: string, text: string) {
  return suggestClaims({ workspaceId, text, limit: 5 });
}

describe("country and union names match across their spellings and languages (T1)", () => {
  it("a Russian or Ukrainian selection finds the English claim naming the country in full, in the top 5", async () => {
    const { workspaceId, id } = await workspaceWith(ENGLISH);
    const cases: [string, string][] = [
      ["США ввели санкции против иранской нефти", ENGLISH[0]!],
      ["Сполучені Штати запровадили санкції", ENGLISH[0]!],
      ["Великобритания отправит танки", ENGLISH[1]!],
      ["Британія надішле танки", ENGLISH[1]!],
      ["ЕС одобрил пакет мер", ENGLISH[2]!],
      ["ЄС схвалив пакет заходів", ENGLISH[2]!],
      ["ООН призвала к прекращению огня", ENGLISH[3]!],
    ];
    for (const [text, statement] of cases) {
      const hits = await top5(workspaceId, text);
      expect(hits.map((h) => h.claimId), `${text} → ${statement}; got ${hits.map((h) => h.statement).join(" | ")}`).toContain(id(statement));
      const hit = hits.find((h) => h.claimId === id(statement))!;
      // Shown as a place: by the equivalents' labels («США = United States») or, where the names' own spellings
      // already meet, as both texts write them («Сполучені Штати ↔ United States»).
      expect(hit.reasons.find((r) => r.kind === "place")?.terms.join(" ") ?? "", `${text}: ${JSON.stringify(hit.reasons)}`).toMatch(/ = | ↔ /);
    }
  });

  it("an English selection writing U.S., USA, the US, UK, EU or UN finds the Russian claim and the English one in full", async () => {
    const { workspaceId, id } = await workspaceWith([...ENGLISH, ...RUSSIAN]);
    const cases: [string, string[]][] = [
      ["The U.S. imposed sanctions", [RUSSIAN[0]!, ENGLISH[0]!]],
      ["USA sanctions", [RUSSIAN[0]!, ENGLISH[0]!]],
      ["Sanctions imposed by the US", [RUSSIAN[0]!, ENGLISH[0]!]],
      ["The United States imposed sanctions", [RUSSIAN[0]!]],
      ["The UK will send tanks", [RUSSIAN[1]!, ENGLISH[1]!]],
      ["Britain will send tanks", [RUSSIAN[1]!, ENGLISH[1]!]],
      ["The EU approved measures", [RUSSIAN[2]!, ENGLISH[2]!]],
      ["The UN called for a ceasefire", [RUSSIAN[3]!, ENGLISH[3]!]],
    ];
    for (const [text, statements] of cases) {
      const hits = await top5(workspaceId, text);
      for (const statement of statements)
        expect(hits.map((h) => h.claimId), `${text} → ${statement}; got ${hits.map((h) => h.statement).join(" | ")}`).toContain(id(statement));
    }
  });

  it("the pronoun «us» and a word like «state» alone add no country", async () => {
    const { workspaceId, id } = await workspaceWith([...ENGLISH, ...RUSSIAN]);
    // («США» itself is transliterated as "us" in its claim's document, as before: only the equivalents are tested here.)
    const hits = await top5(workspaceId, "they told us about the harvest");
    expect(hits.map((h) => h.claimId)).not.toContain(id(ENGLISH[0]!));
    const state = await top5(workspaceId, "State media reported");
    expect(state.map((h) => h.claimId)).not.toContain(id(RUSSIAN[0]!));
  });
});
