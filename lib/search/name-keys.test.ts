import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { crossLanguageCases, DISTRACTORS, evaluate, seedEvaluationSet } from "./evaluation-set";
import { searchClaims, suggestClaims, type ClaimSuggestion } from "./suggest-claims";

/**
 * Issue 14 §2, a tester's findings on names (migration name_keys): Latin
 * spellings of one Slavic name meet (Sergei = Sergey), Cyrillic renderings of
 * Western names meet their Latin originals (Шольц = Scholz, declined too), and
 * a full name outranks a shared first name. Real PostgreSQL; each selection
 * must rank its claim first among claims sharing its other words.
 */

/** [target claim, selections that must find it first, claims sharing the selections' other words]. */
interface NameCase {
  claim: string;
  selections: string[];
  distractors: string[];
}

const SERGEI_LAVROV = [
  "Sergei Lavrov said talks with Washington on security guarantees have reached a dead end",
  "Sergei Lavrov: Moscow will not wait forever for answers on strategic stability",
  "Sergei Lavrov accused NATO of ignoring Russia's proposals on strategic stability",
  "Sergei Lavrov said Russia sees no point in new talks with the West",
  "Sergei Lavrov warned that Moscow is ready for any outcome of the talks",
  "Sergei Lavrov said the US answer on strategic stability was not satisfactory",
];

const CASES: NameCase[] = [
  // en → en: Latin spellings of one name.
  {
    claim: "Sergey Ryabkov: Moscow sees no point in new talks on strategic stability",
    selections: ["Sergei Ryabkov said Moscow sees no point in new talks on strategic stability", "Сергей Рябков заявил, что Москва не видит смысла в новых переговорах"],
    // Ryabkov more common than Sergei here, as in a desk's workspace (the tester's case: Sergey Ryabkov ranked 7th).
    distractors: [...SERGEI_LAVROV, ...["sanctions", "New START", "Iran", "Geneva", "missiles", "inspections", "the OSCE", "Syria", "Kazakhstan"].map((topic) => `Ryabkov commented on ${topic}`)],
  },
  {
    claim: "Zelenskyy asked the West not to spread panic about an invasion",
    selections: ["Zelensky asked Western leaders not to spread panic", "Zelenskiy: the West should not spread panic"],
    distractors: ["Leaders were asked not to spread panic about gas prices", "The West should not spread panic, the mayor of Lviv said", "Kuleba asked the West not to panic about the invasion"],
  },
  {
    claim: "Dmitri Peskov said the Kremlin is watching the troop movements with concern",
    selections: ["Dmitry Peskov said the Kremlin watches the movements with concern", "Dmitriy Peskov: the Kremlin is concerned"],
    distractors: ["Dmitry Medvedev said the Kremlin is concerned about the movements", "The Kremlin is watching the movements with concern, a source said", "Dmitry Kuleba is concerned about troop movements"],
  },
  {
    claim: "Aleksei Navalny's team said the verdict was political",
    selections: ["Alexei Navalny's team called the verdict political", "Alexey Navalny: the verdict is political"],
    distractors: ["Alexei Ovchinnikov said the verdict was political", "The team said the verdict in Moscow was political", "Aleksei Kudrin's team criticised the verdict"],
  },
  // ru / uk → en: Cyrillic renderings of Western names, declined as well.
  {
    claim: "Scholz said Germany will not supply lethal weapons to Ukraine",
    selections: ["Шольц заявил, что Германия не будет поставлять летальное оружие", "Позиция Шольца: Германия не поставит оружие", "Шольц заявив, що Німеччина не постачатиме летальну зброю"],
    distractors: ["Germany will not supply lethal weapons, the defence ministry said", "Baerbock said Germany will supply helmets, not weapons", "Germany will keep its weapons at home, Lambrecht said"],
  },
  {
    // Feminine names in oblique cases (routed X46): «Марии Захаровой», «с Марией Захаровой», «Марії Захаровій».
    claim: "Maria Zakharova said Victoria Nuland's visit changes nothing",
    selections: ["Слова Марии Захаровой о визите", "Встреча с Марией Захаровой", "Заява Марії Захаровій про візит", "Визит Виктории Нуланд ничего не меняет"],
    distractors: ["The visit changes nothing, the embassy said", "Nothing changes after the visit, a diplomat said", "Lavrov said the visit was useful"],
  },
  {
    claim: "Macron said France will keep talking to Moscow",
    selections: ["Макрон сказал, что Франция продолжит диалог с Москвой", "Встреча с Макроном показала, что Франция готова к диалогу", "Макрон сказав, що Франція продовжить діалог"],
    distractors: ["France will keep talking to Moscow, Le Drian said", "Talking to Moscow is pointless, a French senator said", "France said talks with Moscow will go on"],
  },
  {
    claim: "Biden warned of severe sanctions if Russia invades",
    selections: ["Байден пригрозил жёсткими санкциями", "Байдену доложили о санкциях", "Байден пригрозив жорсткими санкціями"],
    distractors: ["The EU warned of severe sanctions", "Severe sanctions were discussed in Brussels, a diplomat said", "Sanctions would be severe, London warned"],
  },
  {
    claim: "Blinken and Lavrov met in Geneva for ninety minutes",
    selections: ["Блинкен провёл переговоры в Женеве", "Блінкен провів переговори в Женеві"],
    distractors: ["Talks in Geneva lasted ninety minutes, diplomats said", "Geneva talks on Iran resumed", "The Geneva meeting was short"],
  },
  {
    claim: "Stoltenberg said the alliance will not give up its open door policy",
    selections: ["Столтенберг заявил, что альянс не откажется от политики открытых дверей", "Столтенберг заявив, що альянс не відмовиться від політики"],
    distractors: ["The alliance will not give up its policy, a diplomat said", "An open door policy is the alliance's core, Geoana said", "The alliance's policy was discussed"],
  },
  {
    claim: "Merkel said the Minsk agreements were meant to give Ukraine time",
    selections: ["Меркель сказала, что Минские соглашения давали Украине время", "Меркель сказала, що Мінські угоди давали Україні час"],
    distractors: ["The Minsk agreements gave Ukraine time, Hollande said", "Minsk agreements are dead, a Kremlin source said", "Time is running out for the Minsk agreements"],
  },
  {
    claim: "Johnson said Britain would send defensive weapons to Kyiv",
    selections: ["Джонсон сказал, что Британия отправит оборонительное оружие в Киев", "Джонсон сказав, що Британія надішле оборонну зброю до Києва"],
    distractors: ["Britain would send defensive weapons, Wallace said", "Defensive weapons arrived in Kyiv from Britain", "Britain said it would send trainers to Kyiv"],
  },
  {
    claim: "Trump said he would have ended the war in a day",
    selections: ["Трамп сказал, что закончил бы войну за день", "Трамп сказав, що закінчив би війну за день"],
    distractors: ["The war will not end in a day, Kuleba said", "Ending the war was discussed for a day", "A day of war in Kharkiv, a reporter said"],
  },
];

/** English claims with Russian statements the other way round: an English selection naming the Western person. */
const REVERSE: NameCase[] = [
  {
    claim: "Шольц заявил, что Германия не будет поставлять летальное оружие",
    selections: ["Scholz said Germany will not supply lethal weapons"],
    distractors: ["Германия не будет поставлять летальное оружие, заявили в минобороны", "Бербок сказала, что Германия поставит каски", "Германия оставит оружие себе"],
  },
  {
    claim: "Эммануэль Макрон пообещал продолжать диалог с Москвой",
    selections: ["Emmanuel Macron promised to keep talking to Moscow"],
    distractors: ["Франция продолжит диалог с Москвой, сказал Ле Дриан", "Диалог с Москвой бессмысленен, заявил сенатор", "Франция пообещала диалог"],
  },
];

/** A workspace with the cases' claims, their distractors and the usual ones (DISTRACTORS: Ryabkov, Blinken, Peskov, Biden…). */
async function seedCases(cases: NameCase[]) {
  const { workspace, admin } = await makeWorkspace();
  const statements = [...new Set([...DISTRACTORS, ...cases.flatMap((c) => [c.claim, ...c.distractors])])];
  const claims = await db.claim.createManyAndReturn({ data: statements.map((statement) => ({ workspaceId: workspace.id, statement, createdById: admin.id })), select: { id: true, statement: true } });
  return { workspaceId: workspace.id, idOf: new Map(claims.map((c) => [c.statement, c.id])) };
}

describe("names across spellings and scripts (migration name_keys)", () => {
  let workspaceId: string;
  let idOf: Map<string, string>;
  let reverse: Awaited<ReturnType<typeof seedCases>>;

  beforeAll(async () => {
    ({ workspaceId, idOf } = await seedCases(CASES));
    reverse = await seedCases(REVERSE);
  });

  for (const [title, cases, world] of [
    ["ranks the claim first for Latin variants and Cyrillic renderings of the name (en→en, ru→en, uk→en)", CASES, () => ({ workspaceId, idOf })],
    ["and the other way round (en→ru)", REVERSE, () => reverse],
  ] as const) {
    it(title, async () => {
      const { workspaceId, idOf } = world();
      const rankOf = (hits: ClaimSuggestion[], claim: string) => hits.findIndex((h) => h.claimId === idOf.get(claim)) + 1 || null;
      const misses: string[] = [];
      for (const c of cases) {
        for (const text of c.selections) {
          const hits = await suggestClaims({ workspaceId, text, limit: 8 });
          const rank = rankOf(hits, c.claim);
          if (rank !== 1) misses.push(`rank ${rank ?? "-"}: «${text}» → ${c.claim}; got ${hits.slice(0, 3).map((h) => h.statement).join(" | ")}`);
        }
      }
      expect(misses, misses.join("\n")).toEqual([]);
    });
  }

  it("a full name outranks a shared first name: Sergei Ryabkov finds Sergey Ryabkov before six Sergei Lavrov claims", async () => {
    const hits = await suggestClaims({ workspaceId, text: "Sergei Ryabkov", limit: 8 });
    expect(hits[0].statement).toBe("Sergey Ryabkov: Moscow sees no point in new talks on strategic stability");
    expect(hits[0].score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it("says which name matched, as both texts write it", async () => {
    const [scholz] = await suggestClaims({ workspaceId, text: "Шольц заявил, что Германия не будет поставлять летальное оружие", limit: 3 });
    expect(scholz.statement).toBe("Scholz said Germany will not supply lethal weapons to Ukraine");
    expect(scholz.reasons.find((r) => r.kind === "name")?.terms).toContain("Шольц ↔ Scholz");
    expect(JSON.stringify(scholz.reasons)).not.toMatch(/\b0[kf][a-z0-9]+/);
    const [ryabkov] = await suggestClaims({ workspaceId, text: "Sergei Ryabkov said Moscow sees no point in new talks", limit: 3 });
    expect(ryabkov.reasons.find((r) => r.kind === "name")?.terms).toEqual(["Sergei Ryabkov ↔ Sergey Ryabkov"]);
  });

  it("a country next to a first name is not joined to it (routed X2): «Германии Олаф Шольц» is a place and a name", async () => {
    const w = await seedCases([{ claim: "Germany: Olaf Scholz rules out sending fighter jets", selections: [], distractors: [] }]);
    const [hit] = await suggestClaims({ workspaceId: w.workspaceId, text: "Канцлер Германии Олаф Шольц исключил поставки истребителей", limit: 3 });
    expect(hit.claimId).toBe(w.idOf.get("Germany: Olaf Scholz rules out sending fighter jets"));
    expect(hit.reasons.find((r) => r.kind === "name")?.terms).toEqual(["Олаф Шольц ↔ Olaf Scholz"]);
    expect(hit.reasons.find((r) => r.kind === "place")?.terms).toEqual(["Германии ↔ Germany"]);
  });

  it("Antony meets Anthony and «Емманюель» meets Emmanuel as names (routed X3/X4), not only by spelling", async () => {
    const w = await seedCases([
      { claim: "Anthony Blinken promised an answer in writing", selections: [], distractors: [] },
      { claim: "Emmanuel Macron called Putin twice in one week", selections: [], distractors: [] },
    ]);
    const [blinken] = await suggestClaims({ workspaceId: w.workspaceId, text: "Antony Blinken promised a written answer", limit: 3 });
    expect(blinken.statement).toBe("Anthony Blinken promised an answer in writing");
    expect(blinken.reasons.find((r) => r.kind === "name")?.terms).toEqual(["Antony Blinken ↔ Anthony Blinken"]);
    const [macron] = await suggestClaims({ workspaceId: w.workspaceId, text: "Емманюель Макрон двічі дзвонив Путіну", limit: 3 });
    expect(macron.statement).toBe("Emmanuel Macron called Putin twice in one week");
    expect(macron.reasons.find((r) => r.kind === "name")?.terms).toContain("Емманюель Макрон ↔ Emmanuel Macron");
  });

  it("labels places as places, not names", async () => {
    const [blinken] = await suggestClaims({ workspaceId, text: "Блинкен провёл переговоры в Женеве", limit: 3 });
    expect(blinken.statement).toBe("Blinken and Lavrov met in Geneva for ninety minutes");
    expect(blinken.reasons.find((r) => r.kind === "name")?.terms).toEqual(["Блинкен ↔ Blinken"]);
    expect(blinken.reasons.find((r) => r.kind === "place")?.terms).toEqual(["Женеве ↔ Geneva"]);
  });

  it("a lone short key is not a match: Joe and Liz alone find nobody by key", async () => {
    const terms = await db.$queryRaw<{ lexeme: string }[]>`SELECT lexeme FROM "search_query_terms"('Джо и Лиз', 'ru') WHERE lexeme ~ '^0[kf]'`;
    expect(terms).toEqual([]);
    const full = await db.$queryRaw<{ lexeme: string }[]>`SELECT lexeme FROM "search_query_terms"('Лиз Трасс', 'ru') WHERE lexeme ~ '^0[kf]' ORDER BY 1`;
    expect(full.map((t) => t.lexeme)).toEqual(["0fls0trs", "0ktrs"]);
  });
});

describe("the evaluation set does not lose with name keys", () => {
  it("hit@5 of the set (with each claim's first mention) en, ru→en and uk→en at least as before", async () => {
    const { workspace, admin } = await makeWorkspace();
    const seeded = await seedEvaluationSet({ workspaceId: workspace.id, actorId: admin.id, withMentions: true });
    const suggest = (text: string) => suggestClaims({ workspaceId: workspace.id, text, limit: 5 });
    const hit5 = {
      en: (await evaluate(seeded.cases, suggest)).recallAt5,
      ru: (await evaluate(await crossLanguageCases(workspace.id, "ru"), suggest)).recallAt5,
      uk: (await evaluate(await crossLanguageCases(workspace.id, "uk"), suggest)).recallAt5,
    };
    // 1.00, 1.00, 1.00 on main before this change, measured with this same test.
    expect(hit5, JSON.stringify(hit5)).toEqual({ en: 1, ru: 1, uk: 1 });
  });
});

describe("names typed in lower case", () => {
  it("the typed search and the claims list read «кулеба», «зеленский» as the names they are", async () => {
    const { workspace, admin } = await makeWorkspace();
    const statements = ["Dmytro Kuleba said Ukraine will not give up its territory", "Zelenskyy asked the West not to spread panic", "The harbour reopened after the storm"];
    await db.claim.createMany({ data: statements.map((statement) => ({ workspaceId: workspace.id, statement, language: "en", createdById: admin.id })) });
    for (const [q, expected] of [["кулеба", statements[0]], ["зеленский", statements[1]], ["kuleba", statements[0]]] as const) {
      const found = await searchClaims({ workspaceId: workspace.id, query: q, limit: 5 });
      expect(found[0]?.statement, q).toBe(expected);
    }
    const { authorize } = await import("@/lib/auth/permissions");
    const { listClaims } = await import("@/lib/claims/list-claims");
    const access = await authorize(admin.id, workspace.slug, "workspace.view");
    const listed = await listClaims(access, { q: "кулеба" } as never);
    expect(listed.items.map((c) => c.statement)).toEqual([statements[0]]);
  });
});
