import { beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { listClaims } from "@/lib/claims/list-claims";
import { db } from "@/lib/db/client";
import { confirmAlias } from "@/lib/glossary/confirm-alias";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { isPlace } from "./places";
import { importArticle } from "@/lib/articles/import/import-article";
import { searchClaims, suggestClaims, type ClaimSuggestion } from "./suggest-claims";

/**
 * Issue 14, testers' findings on cross-language details (migration
 * search_lows): the claims list's search and claimant filter cross dates and
 * scripts as suggestions do, two-digit years, ё/е, Ukrainian apostrophes,
 * multi-word places, glossary reasons in the selection's language, reasons in
 * the texts' words, and joiners kept in alias names. Real PostgreSQL.
 */

let workspaceId: string;
let access: Awaited<ReturnType<typeof authorize>>;
let adminId: string;

const STATEMENTS = {
  date: "The ceasefire was agreed on 17 December 2021 in Minsk",
  otherDate: "The ceasefire was broken on 17 December 2020 near Donetsk",
  zakharova: "The ministry will answer the note within a week",
  lavrov: "Talks on the note will go on next month",
  us: "The United States imposed new sanctions on the oil sector",
  yo: "Соединённые Штаты расширили ограничения для нефтяных компаний",
  maryana1: "Мар'яна Коваль очолила комісію з виборів",
  maryana2: "Maryana Koval was elected head of the commission",
  harbour: "The harbour reopened after the storm",
  sanctions: "The sanctions hit the banking sector hardest",
};

const claimants: Partial<Record<keyof typeof STATEMENTS, string>> = { zakharova: "Maria Zakharova", lavrov: "Sergei Lavrov" };
const languages: Partial<Record<keyof typeof STATEMENTS, string>> = { yo: "ru", maryana1: "uk" };

beforeAll(async () => {
  const { workspace, admin } = await makeWorkspace();
  workspaceId = workspace.id;
  adminId = admin.id;
  await db.claim.createMany({
    data: (Object.keys(STATEMENTS) as (keyof typeof STATEMENTS)[]).map((k) => ({
      workspaceId,
      statement: STATEMENTS[k],
      claimant: claimants[k] ?? null,
      language: languages[k] ?? "en",
      createdById: admin.id,
    })),
  });
  access = await authorize(admin.id, workspace.slug, "workspace.view");
});

const listed = async (filters: Record<string, string>) => (await listClaims(access, filters as never)).items.map((c) => c.statement);
const reason = (hit: ClaimSuggestion | undefined, kind: string) => hit?.reasons.find((r) => r.kind === kind)?.terms;

describe("the claims list crosses dates and scripts as suggestions do (X49, N14b-5)", () => {
  it("a date written another way, in another language, finds the claim; another year does not", async () => {
    for (const q of ["17 декабря 2021", "17 грудня 2021 року", "December 17, 2021", "17.12.2021", "17.12.21", "2021-12-17"]) {
      expect(await listed({ q }), q).toEqual([STATEMENTS.date]);
    }
    // Word by word as before: every word still required.
    expect(await listed({ q: "17 декабря 2019" })).toEqual([]);
  });

  it("the claimant filter finds a name in the other script, in any case form, without an alias", async () => {
    for (const claimant of ["Захарова", "захарова", "Марии Захаровой", "Захарової"]) {
      expect(await listed({ claimant }), claimant).toEqual([STATEMENTS.zakharova]);
    }
    expect(await listed({ claimant: "Лавров" })).toEqual([STATEMENTS.lavrov]);
    // The statement's words are not the claimant's.
    expect(await listed({ claimant: "ministry" })).toEqual([]);
  });

  it("a confirmed alias still adds the names no spelling joins", async () => {
    const { workspace, admin } = await makeWorkspace();
    const statements = ["Prices will fall", "The note was handed over"];
    await db.claim.createMany({
      data: [
        { workspaceId: workspace.id, statement: statements[0], claimant: "Maria Zakharova", language: "en", createdById: admin.id },
        { workspaceId: workspace.id, statement: statements[1], claimant: "MFA spokeswoman", language: "en", createdById: admin.id },
      ],
    });
    const own = await authorize(admin.id, workspace.slug, "workspace.view");
    const list = async (claimant: string) => (await listClaims(own, { claimant } as never)).items.map((c) => c.statement).sort();
    expect(await list("Захарова")).toEqual([statements[0]]);
    await confirmAlias(own, { names: ["Maria Zakharova", "MFA spokeswoman"] } as never);
    expect(await list("Zakharova")).toEqual([...statements].sort());
  });

  it("ё and е are one letter in the list's search, and «Соединенные Штаты» is the United States (X35, X32)", async () => {
    expect((await listed({ q: "Соединенные Штаты" })).sort()).toEqual([STATEMENTS.yo, STATEMENTS.us].sort());
    expect(await listed({ q: "соединенные штаты расширили" })).toEqual([STATEMENTS.yo]);
  });
});

describe("suggestions", () => {
  it("a two-digit year is the year (X39), and one date is one reason", async () => {
    const [hit] = await suggestClaims({ workspaceId, text: "Перемирие подписали 17.12.21 в Минске", limit: 3 });
    expect(hit.statement).toBe(STATEMENTS.date);
    expect(reason(hit, "date")).toEqual(["17.12.21 ↔ 17 December 2021"]);
    expect(reason(hit, "number")).toBeUndefined();
    const [ru] = await suggestClaims({ workspaceId, text: "Перемирие согласовали 17 декабря 2021 года", limit: 3 });
    expect(ru.statement).toBe(STATEMENTS.date);
    expect(reason(ru, "date")).toEqual(["17 декабря 2021 ↔ 17 December 2021"]);
    expect(reason(ru, "number")).toBeUndefined();
  });

  it("«Соединённые Штаты», «Соединенных Штатов» and «Сполучені Штати» meet the United States, as a place (X32, X35)", async () => {
    for (const [text, written] of [
      ["Соединённые Штаты ввели новые санкции", "Соединённые Штаты"],
      ["Новые санкции Соединенных Штатов", "Соединенных Штатов"],
      ["Сполучені Штати запровадили нові санкції", "Сполучені Штати"],
    ]) {
      // Beside the Russian claim that says the same words («Соединённые Штаты расширили…»), which ranks first when included.
      const yo = (await listed({ q: "расширили ограничения" }))[0];
      const yoId = (await db.claim.findFirstOrThrow({ where: { workspaceId, statement: yo }, select: { id: true } })).id;
      const hits = await suggestClaims({ workspaceId, text, limit: 3, excludeClaimIds: [yoId] });
      expect(hits[0]?.statement, text).toBe(STATEMENTS.us);
      expect(reason(hits[0], "place"), text).toEqual([`${written} ↔ United States`]);
      expect(reason(hits[0], "name"), text).toBeUndefined();
    }
  });

  it("ё and е meet in documents and selections, and the reason shows each text's own spelling (X35, X34)", async () => {
    const hits = await suggestClaims({ workspaceId, text: "Соединенные Штаты расширили ограничения", language: "ru", limit: 3 });
    expect(hits[0]?.statement).toBe(STATEMENTS.yo);
    const shown = JSON.stringify(hits[0].reasons);
    expect(shown).toContain("Соединенные Штаты ↔ Соединённые Штаты");
    // No stem in place of a word: every term is words of the texts.
    for (const r of hits[0].reasons) for (const t of r.terms) expect(t, t).not.toMatch(/^(соединен|огранич|расшир|штат)$/);
  });

  it("Ukrainian names with ', ’ or ʼ are one name and meet their Latin spelling (N14b-6)", async () => {
    for (const text of ["Мар'яна Коваль очолила комісію", "Мар’яна Коваль очолила комісію", "Марʼяна Коваль очолила комісію", "Mariana Koval heads the commission"]) {
      const hits = await suggestClaims({ workspaceId, text, limit: 3 });
      expect(hits.slice(0, 2).map((h) => h.statement).sort(), text).toEqual([STATEMENTS.maryana1, STATEMENTS.maryana2].sort());
    }
    const terms = await db.$queryRaw<{ a: string[]; b: string[]; c: string[] }[]>`
      SELECT tsvector_to_array("search_piece"('Мар''яна', 'uk', 'A')) AS a, tsvector_to_array("search_piece"('Мар’яна', 'uk', 'A')) AS b,
             tsvector_to_array("search_piece"('Марʼяна', 'uk', 'A')) AS c`;
    expect(terms[0].a).toEqual(terms[0].c);
    expect(terms[0].b).toEqual(terms[0].c);
    expect(terms[0].a).toEqual(expect.arrayContaining(["0kmrn", "maryana", "mariana"]));
  });

  it("a Russian selection names the Russian glossary pair, a Ukrainian one the Ukrainian pair (X37)", async () => {
    await db.glossaryPair.createMany({
      data: [
        { workspaceId, language: "ru", term: "санкции", english: "sanctions", createdById: adminId },
        { workspaceId, language: "uk", term: "санкції", english: "sanctions", createdById: adminId },
      ],
    });
    const [ru] = await suggestClaims({ workspaceId, text: "Санкции сильнее всего ударили по банкам", limit: 3 });
    expect(ru.statement).toBe(STATEMENTS.sanctions);
    expect(reason(ru, "glossary")).toEqual(["санкции = sanctions"]);
    const [uk] = await suggestClaims({ workspaceId, text: "Санкції найсильніше вдарили по банках", limit: 3 });
    expect(uk.statement).toBe(STATEMENTS.sanctions);
    expect(reason(uk, "glossary")).toEqual(["санкції = sanctions"]);
  });
});

describe("a term only a mention's quote has is shown as the quote writes it (X34)", () => {
  it("the search «санкци» finds the claim through its Ukrainian article's quote and says «санкции», not the stem", async () => {
    const { workspace, admin } = await makeWorkspace();
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: "Ministers discussed the package on Monday", language: "en", createdById: admin.id } });
    const content = "Міністри обговорили санкции у понеділок.\n\nДалі буде.";
    const { article } = await importArticle({ workspaceId: workspace.id, actorId: admin.id, filename: "uk.txt", format: "text", content });
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true, revision: true, language: true } });
    expect(stored.language).toBe("uk");
    const exact = "Міністри обговорили санкции у понеділок.";
    const start = stored.text.indexOf(exact);
    await db.annotation.create({
      data: { workspaceId: workspace.id, articleId: article.id, createdById: admin.id, claimId: claim.id, exact, prefix: "", suffix: "", start, end: start + exact.length, anchoredRevision: stored.revision },
    });
    const [hit] = await searchClaims({ workspaceId: workspace.id, query: "санкци", limit: 3 });
    expect(hit?.claimId).toBe(claim.id);
    const terms = hit.reasons.flatMap((r) => r.terms);
    expect(terms).toContain("санкции");
    expect(terms).not.toContain("санкци");
  });
});

describe("alias names keep their joiners (N14b-2)", () => {
  it("stores «Mohammad‌reza» with its ZWNJ, matches it without, and takes the two spellings as one name", async () => {
    const zwnj = "Mohammad\u200Creza Zarif";
    const alias = await confirmAlias(access, { names: [zwnj, "Мохаммадреза Зариф"] } as never);
    expect(alias.names).toContain(zwnj);
    const stored = await db.aliasName.findMany({ where: { workspaceId, aliasId: alias.id }, select: { name: true, lexemes: true } });
    const withJoiner = stored.find((n) => n.name === zwnj);
    expect(withJoiner?.lexemes).toEqual(expect.arrayContaining(["mohammadreza", "zarif"]));
    // Without the joiner it is the same name: already in the alias.
    await expect(confirmAlias(access, { names: ["Mohammadreza Zarif", "M. Zarif"] } as never)).rejects.toMatchObject({ status: 409 });
  });
});

describe("places of several words", () => {
  it("tells a place phrase from its words", () => {
    expect(isPlace("United States")).toBe(true);
    expect(isPlace("Соединённых Штатов Америки")).toBe(true);
    expect(isPlace("Сполучені Штати")).toBe(true);
    expect(isPlace("Штаты")).toBe(false);
    expect(isPlace("United Russia")).toBe(false);
    expect(isPlace("Брюсселе")).toBe(true);
  });
});
