import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { attachMention } from "@/lib/claims/attach-mention";
import { listClaims } from "@/lib/claims/list-claims";
import { rejection } from "@/lib/claims/test-world";
import { db } from "@/lib/db/client";
import { suggestClaims } from "@/lib/search/suggest-claims";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { writeGate } from "@/lib/testing/write-gate";
import {
  acceptProposal,
  confirmAlias,
  confirmAliasSchema,
  createPair,
  deleteAlias,
  deletePair,
  glossaryQuerySchema,
  listAliases,
  listGlossary,
  listProposals,
  newPairSchema,
  rejectProposal,
  suggestAliases,
  updatePair,
} from "./index";

/** Real database: the glossary's lexemes come from triggers and its matching is SQL. */

async function world(statements: string[] = []) {
  const { workspace, admin } = await makeWorkspace();
  const annotator = (await makeMember(workspace.id, "annotator")).user;
  const viewer = (await makeMember(workspace.id, "viewer")).user;
  const as = (u: { id: string }) => authorize(u.id, workspace.slug, "workspace.view");
  const claims = await db.claim.createManyAndReturn({
    data: statements.map((statement) => ({ workspaceId: workspace.id, statement, language: "en", createdById: admin.id })),
    select: { id: true, statement: true },
  });
  const id = (statement: string) => claims.find((c) => c.statement === statement)!.id;
  return { workspace, admin, annotator, viewer, as, id };
}

const fieldOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join("."));

describe("glossary pairs: who may edit, what is refused", () => {
  it("admins add, edit, search and delete pairs, each recorded in the change feed; others get 403", async () => {
    const w = await world();
    const admin = await w.as(w.admin);
    const pair = await createPair(admin, { language: "ru", term: "санкции", english: "sanctions" });
    expect(pair).toMatchObject({ language: "ru", term: "санкции", english: "sanctions" });
    const stored = await db.glossaryPair.findUniqueOrThrow({ where: { id: pair.id } });
    expect(stored.termLexemes).toEqual(["санкц"]);
    expect(stored.englishLexemes).toEqual(["sanction"]);

    const edited = await updatePair(admin, pair.id, { english: "sanction measures" });
    expect(edited.english).toBe("sanction measures");
    await createPair(admin, { language: "uk", term: "домогосподарства", english: "households" });
    expect((await listGlossary(admin, "HOUSE")).items.map((p) => p.term)).toEqual(["домогосподарства"]);
    expect((await listGlossary(admin)).items).toHaveLength(2);
    await deletePair(admin, pair.id);
    expect((await listGlossary(admin)).items.map((p) => p.term)).toEqual(["домогосподарства"]);

    const feed = await db.change.findMany({ where: { workspaceId: w.workspace.id, kind: "glossary.changed" }, orderBy: { seq: "asc" } });
    expect(feed.map((c) => (c.data as { action: string }).action)).toEqual(["created", "edited", "created", "deleted"]);
    expect(feed[1].data).toMatchObject({ from: { english: "sanctions" }, english: "sanction measures" });
    expect(feed.every((c) => c.actorId === w.admin.id)).toBe(true);

    for (const who of [w.annotator, w.viewer]) {
      const access = await w.as(who);
      await rejection(createPair(access, { language: "ru", term: "рост", english: "growth" }), 403);
      await rejection(listGlossary(access), 403);
      await rejection(listProposals(access), 403);
      await rejection(suggestAliases(access), 403);
      await rejection(confirmAlias(access, { names: ["A B", "C D"] }), 403);
    }
    expect(await db.glossaryPair.count({ where: { workspaceId: w.workspace.id, term: "рост" } })).toBe(0);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    expect(fieldOf(newPairSchema.safeParse({ language: "de", term: "санкции", english: "sanctions" }))).toEqual(["language"]);
    expect(fieldOf(newPairSchema.safeParse({ language: "ru", term: "sanctions", english: "sanctions" }))).toEqual(["term"]);
    expect(fieldOf(newPairSchema.safeParse({ language: "ru", term: "санкции", english: "санкции" }))).toEqual(["english"]);
    expect(fieldOf(newPairSchema.safeParse({ language: "ru", term: "  ", english: "x" }))).toContain("term");
    expect(fieldOf(newPairSchema.safeParse({ language: "ru", term: "санкции", english: "sanctions", extra: 1 }))).toEqual([""]);
    expect(fieldOf(confirmAliasSchema.safeParse({ names: ["Sergei Lavrov", "sergei lavrov"] }))).toEqual(["names"]);
    // One-line labels: a line break, a control character or a direction override is named (the tester's S6).
    for (const bad of ["слово\u0007звонок", "строка\nперенос", "\u202Eсанкции", "санкции\u200B"]) {
      expect(fieldOf(newPairSchema.safeParse({ language: "ru", term: bad, english: "sanctions" })), JSON.stringify(bad)).toEqual(["term"]);
      expect(fieldOf(newPairSchema.safeParse({ language: "ru", term: "санкции", english: `bell${bad.replace(/[а-я]+/g, "")}x` })), JSON.stringify(bad)).toEqual(["english"]);
    }
    expect(fieldOf(confirmAliasSchema.safeParse({ names: ["Bad\nName", "Other"] }))).toEqual(["names.0"]);
    expect(fieldOf(glossaryQuerySchema.safeParse({ limit: "0" }))).toEqual([""]);

    const w = await world();
    const admin = await w.as(w.admin);
    const stop = await rejection(createPair(admin, { language: "ru", term: "и на", english: "sanctions" }), 400);
    expect(Object.keys(stop.fields)).toEqual(["term"]);
    const stopEn = await rejection(createPair(admin, { language: "ru", term: "санкции", english: "the of" }), 400);
    expect(Object.keys(stopEn.fields)).toEqual(["english"]);
    await createPair(admin, { language: "ru", term: "санкции", english: "sanctions" });
    const twin = await rejection(createPair(admin, { language: "ru", term: "Санкции", english: "penalties" }), 409);
    expect(Object.keys(twin.fields)).toEqual(["term"]);
    // The exact same pair again (a double click, two admins): the unique index refuses it, a 409 too (S5).
    const again = await rejection(createPair(admin, { language: "ru", term: "санкции", english: "sanctions" }), 409);
    expect(Object.keys(again.fields)).toEqual(["term"]);
    // Another form of the same word is the same rule for search.
    const form = await rejection(createPair(admin, { language: "ru", term: "санкциям", english: "penalties" }), 409);
    expect(form.fields.term).toContain("санкции");
    // Renaming another pair onto a taken term: 409 as well, and the pair is unchanged.
    const other = await createPair(admin, { language: "ru", term: "наёмники", english: "mercenaries" });
    const renamed = await rejection(updatePair(admin, other.id, { term: "санкции" }), 409);
    expect(Object.keys(renamed.fields)).toEqual(["term"]);
    expect((await db.glossaryPair.findUniqueOrThrow({ where: { id: other.id } })).term).toBe("наёмники");
    await deletePair(admin, other.id);
    expect((await listGlossary(admin)).items.map((p) => p.english)).toEqual(["sanctions"]);
    expect(await db.change.count({ where: { workspaceId: w.workspace.id, kind: "glossary.changed" } })).toBe(3); // sanctions; наёмники created and deleted
    await rejection(updatePair(admin, "nope", { english: "x" }), 404);
  });

  it("two admins adding two forms of one word at the same moment: one pair is stored, the other is a 409", async () => {
    const w = await world();
    const [first, second] = [await w.as(w.admin), await w.as((await makeMember(w.workspace.id, "admin")).user)];
    // Both inserts are held until both admins are in (or one waits behind the other's lock), so they really overlap.
    const gate = await writeGate(["GlossaryPair"]);
    try {
      for (const [a, b] of [["блокада", "блокаду"], ["граница", "границу"], ["танк", "танков"]]) {
        const results = await gate.race([() => createPair(first, { language: "ru", term: a, english: "x one" }), () => createPair(second, { language: "ru", term: b, english: "x two" })]);
        expect(results.map((r) => r.status).sort(), `${a} / ${b}`).toEqual(["fulfilled", "rejected"]);
        const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
        expect(refused.reason).toMatchObject({ status: 409 });
      }
    } finally {
      await gate.close();
    }
    expect(await db.glossaryPair.count({ where: { workspaceId: w.workspace.id } })).toBe(3);
  });

  it("two admins at once on one pair or alias: edit and delete, delete and delete, two aliases sharing a name — a 404 or 409, never a raw database error", async () => {
    const w = await world();
    const [first, second] = [await w.as(w.admin), await w.as((await makeMember(w.workspace.id, "admin")).user)];
    // Each pair of writes is held until both admins have read (or one waits behind the other's lock): started from
    // one process without the gate, the first usually commits before the second reads, and the test would pass
    // with the lock removed.
    const gate = await writeGate(["GlossaryPair", "NameAlias"]);
    const settled = async (ops: (() => Promise<unknown>)[]) => {
      const results = await gate.race(ops);
      for (const r of results) if (r.status === "rejected") expect(r.reason, String(r.reason)).toMatchObject({ status: expect.any(Number) });
      return results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { status: number }).status));
    };
    try {
      for (let round = 0; round < 4; round++) {
        const pair = await createPair(first, { language: "ru", term: `осада${"а".repeat(round)}`, english: `siege ${round}` });
        // The edit first (both succeed) or the delete first (the edit finds no pair): either way an answer, not a 500.
        expect([["ok", "ok"], [404, "ok"]]).toContainEqual((await settled([() => updatePair(first, pair.id, { english: `blockade ${round}` }), () => deletePair(second, pair.id)])).sort());
        expect(await db.glossaryPair.count({ where: { id: pair.id } })).toBe(0);
        const other = await createPair(first, { language: "ru", term: `штурм${"а".repeat(round)}`, english: `assault ${round}` });
        expect((await settled([() => deletePair(first, other.id), () => deletePair(second, other.id)])).sort()).toEqual([404, "ok"]);
        const names = [`Подоляк${round}`, `Podolyak${round}`];
        const aliases = await settled([() => confirmAlias(first, { names }), () => confirmAlias(second, { names: [names[0], `Podoliak${round}`] })]);
        expect(aliases.sort()).toEqual([409, "ok"]);
        const alias = (await listAliases(first)).find((a) => a.names.includes(names[0]))!;
        expect((await settled([() => deleteAlias(first, alias.id), () => deleteAlias(second, alias.id)])).sort()).toEqual([404, "ok"]);
      }
    } finally {
      await gate.close();
    }
  });
});

describe("matching through the glossary", () => {
  const target = "New sanctions will hurt ordinary households";
  const others = ["The ministry published the harvest figures", "Ordinary voters backed the reform", "Talks on the new treaty stalled"];

  it("a Russian selection sharing no name, date or number finds the English claim only through a pair, and says so", async () => {
    const w = await world([target, ...others]);
    const admin = await w.as(w.admin);
    const text = "Новые санкции ударят по домохозяйствам";
    const before = await suggestClaims({ workspaceId: w.workspace.id, text, limit: 5 });
    expect(before.map((s) => s.claimId)).not.toContain(w.id(target));

    await createPair(admin, { language: "ru", term: "санкции", english: "sanctions" });
    await createPair(admin, { language: "ru", term: "домохозяйства", english: "households" });
    const after = await suggestClaims({ workspaceId: w.workspace.id, text, limit: 5 });
    expect(after[0].claimId).toBe(w.id(target));
    expect(after[0].reasons).toEqual([{ kind: "glossary", terms: expect.arrayContaining(["санкции = sanctions", "домохозяйства = households"]) }]);

    // And the other way: an English selection finds a Russian claim through the same pairs.
    const ru = await db.claim.create({ data: { workspaceId: w.workspace.id, statement: "Санкции ударят по домохозяйствам", language: "ru", createdById: w.admin.id } });
    const back = await suggestClaims({ workspaceId: w.workspace.id, text: "Households fear the sanctions", limit: 5, excludeClaimIds: [w.id(target)] });
    expect(back[0].claimId).toBe(ru.id);
    expect(back[0].reasons.find((r) => r.kind === "glossary")?.terms).toEqual(expect.arrayContaining(["households = домохозяйства", "sanctions = санкции"]));

    // A deleted pair no longer matches.
    const pairs = await listGlossary(admin);
    for (const p of pairs.items) await deletePair(admin, p.id);
    expect((await suggestClaims({ workspaceId: w.workspace.id, text, limit: 5 })).map((s) => s.claimId)).not.toContain(w.id(target));
  });
});

describe("aliases", () => {
  it("are suggested from claimants that transliterate to each other, confirmed by an admin, and used by the claimant filter and suggestions", async () => {
    const w = await world();
    const admin = await w.as(w.admin);
    const make = (statement: string, claimant: string) =>
      db.claim.create({ data: { workspaceId: w.workspace.id, statement, claimant, language: /[а-я]/i.test(statement) ? "ru" : "en", createdById: w.admin.id } });
    const ru = await make("Переговоры в Женеве зашли в тупик", "Сергей Лавров");
    const en1 = await make("The talks stalled", "Sergei Lavrov");
    await make("The meeting was useful", "Sergey Lavrov");
    await make("Kyiv must not join NATO", "Anthony Blinken");
    await make("NATO's door stays open", "Antony Blinken");
    await make("Prices will fall", "Maria Zakharova");

    const suggested = await suggestAliases(admin);
    expect(suggested.map((s) => [...s.names].sort())).toEqual([
      ["Sergei Lavrov", "Sergey Lavrov", "Сергей Лавров"],
      ["Anthony Blinken", "Antony Blinken"],
    ]);
    expect(suggested[0].claims).toBe(3);

    // Before confirmation the filter already reads names as the suggestions do (N14b-5): Sergei = Sergey = Сергей
    // by their sound and transliteration. An alias adds names no spelling joins (lib/search/search-lows.test.ts).
    expect((await listClaims(admin, { claimant: "Sergei" })).items.map((c) => c.id)).toHaveLength(3);

    const alias = await confirmAlias(admin, { names: suggested[0].names });
    await confirmAlias(admin, { names: suggested[1].names, status: "dismissed" });
    expect(await suggestAliases(admin)).toEqual([]);
    expect((await listAliases(admin)).map((a) => a.status)).toEqual(["confirmed", "dismissed"]);
    const again = await rejection(confirmAlias(admin, { names: ["Sergei Lavrov", "S. Lavrov"] }), 409);
    expect(Object.keys(again.fields)).toEqual(["names"]);

    const found = (await listClaims(admin, { claimant: "Sergei" })).items.map((c) => c.id);
    expect(found).toHaveLength(3);
    expect(found).toContain(ru.id);

    // Suggestions: "Sergey" meets "Sergei" through the alias, and the reason names it.
    const hits = await suggestClaims({ workspaceId: w.workspace.id, text: "Sergey Lavrov", limit: 5 });
    const reason = hits.find((h) => h.claimId === en1.id)?.reasons.find((r) => r.kind === "name");
    expect(reason?.terms).toContain("Sergey Lavrov = Sergei Lavrov");

    await deleteAlias(admin, alias.id);
    expect((await listClaims(admin, { claimant: "Sergei" })).items.map((c) => c.id)).toHaveLength(3);
    expect((await listClaims(admin, { claimant: "Sergei Lavrov" })).items.map((c) => c.id)).toContain(ru.id);
    const feed = await db.change.findMany({ where: { workspaceId: w.workspace.id, kind: "alias.changed" }, orderBy: { seq: "asc" } });
    expect(feed.map((c) => (c.data as { action: string }).action)).toEqual(["confirmed", "dismissed", "deleted"]);
  });
});

describe("proposals from attached mentions", () => {
  it("pairs words of Russian quotes attached to English claims, in the attaching transaction; an admin accepts or rejects", async () => {
    const w = await world(["New sanctions will hurt ordinary households", "Sanctions against the bank were extended"]);
    const annotator = await w.as(w.annotator);
    const admin = await w.as(w.admin);
    const article = await db.article.create({ data: { workspaceId: w.workspace.id, title: "Статья", doc: {}, text: "…", contentHash: `${Math.random()}`, language: "ru" } });
    const quote = (exact: string) => db.annotation.create({ data: { workspaceId: w.workspace.id, articleId: article.id, exact, prefix: "", suffix: "", start: 0, end: exact.length, anchoredRevision: 1 } });

    const first = await quote("Новые санкции ударят по простым домохозяйствам");
    await attachMention(annotator, w.id("New sanctions will hurt ordinary households"), { annotationId: first.id, version: 1 });
    const proposed = await db.glossaryProposal.findMany({ where: { workspaceId: w.workspace.id } });
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.length).toBeLessThanOrEqual(64);
    // Written in the same transaction as the mention: the same transaction id as its change-feed row.
    const [{ same }] = await db.$queryRaw<{ same: boolean }[]>`
      SELECT (SELECT DISTINCT p.xmin::text FROM "GlossaryProposal" p WHERE p."workspaceId" = ${w.workspace.id}) =
             (SELECT c.xmin::text FROM "Change" c WHERE c."workspaceId" = ${w.workspace.id} AND c.kind = 'claim.mention-added') AS same`;
    expect(same).toBe(true);
    // Seen once: nothing proposed to the admin yet.
    expect(await listProposals(admin)).toEqual([]);

    const second = await quote("Санкции против банка продлили");
    await attachMention(annotator, w.id("Sanctions against the bank were extended"), { annotationId: second.id, version: 1 });
    const list = await listProposals(admin);
    expect(list.map((p) => [p.term, p.english, p.support])).toEqual([["санкции", "sanctions", 2]]);

    // Reject: gone, recorded; accept the next time round: a pair.
    await rejectProposal(admin, list[0].id);
    expect(await listProposals(admin)).toEqual([]);
    await rejection(rejectProposal(admin, list[0].id), 409);
    await db.glossaryProposal.update({ where: { id: list[0].id }, data: { status: "pending" } });
    const pair = await acceptProposal(admin, list[0].id);
    expect(pair).toMatchObject({ language: "ru", term: "санкции", english: "sanctions" });
    expect(await listProposals(admin)).toEqual([]);
    const feed = await db.change.findMany({ where: { workspaceId: w.workspace.id, kind: "glossary.changed" }, orderBy: { seq: "asc" } });
    expect(feed.map((c) => c.data)).toEqual([
      expect.objectContaining({ action: "proposal-rejected", term: "санкции" }),
      expect.objectContaining({ action: "created", term: "санкции", proposalId: list[0].id }),
    ]);
    await rejection(acceptProposal(await w.as(w.annotator), list[0].id), 403);
  });

  it("proposes nothing for an English quote of an English claim", async () => {
    const w = await world(["New sanctions will hurt ordinary households"]);
    const article = await db.article.create({ data: { workspaceId: w.workspace.id, title: "A", doc: {}, text: "…", contentHash: `${Math.random()}`, language: "en" } });
    const a = await db.annotation.create({ data: { workspaceId: w.workspace.id, articleId: article.id, exact: "sanctions hurt households", prefix: "", suffix: "", start: 0, end: 5, anchoredRevision: 1 } });
    await attachMention(await w.as(w.annotator), w.id("New sanctions will hurt ordinary households"), { annotationId: a.id, version: 1 });
    expect(await db.glossaryProposal.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });
});

describe("look-alike letters of the other script (finding N3)", () => {
  it("a term with a Latin letter inside Cyrillic is the term it looks like: stored folded, and a 409 naming term beside it", async () => {
    const w = await world();
    const admin = await w.as(w.admin);
    // «сaнкции» with a Latin "a" (U+0061) among Cyrillic letters.
    const mixed = await createPair(admin, { language: "ru", term: "с\u0061нкции", english: "s\u0430nctions" });
    expect(mixed.term).toBe("санкции");
    expect(mixed.english).toBe("sanctions");
    const stored = await db.glossaryPair.findUniqueOrThrow({ where: { id: mixed.id } });
    expect([stored.term, stored.termLexemes, stored.englishLexemes]).toEqual(["санкции", ["санкц"], ["sanction"]]);
    const twin = await rejection(createPair(admin, { language: "ru", term: "санкции", english: "penalties" }), 409);
    expect(Object.keys(twin.fields)).toEqual(["term"]);
    const again = await rejection(createPair(admin, { language: "ru", term: "сaнкции", english: "penalties" }), 409);
    expect(Object.keys(again.fields)).toEqual(["term"]);
    const other = await createPair(admin, { language: "ru", term: "наёмники", english: "mercenaries" });
    await rejection(updatePair(admin, other.id, { term: "сaнкции" }), 409);
    expect((await listGlossary(admin)).items.map((p) => p.term).sort()).toEqual(["наёмники", "санкции"]);
  });

  it("alias names are stored folded, a look-alike of a name in an alias is a 409, and the claimant filter reads a look-alike as the name", async () => {
    const w = await world();
    const admin = await w.as(w.admin);
    const ru = await db.claim.create({ data: { workspaceId: w.workspace.id, statement: "Переговоры зашли в тупик", claimant: "Сергей Лавров", language: "ru", createdById: w.admin.id } });
    const en = await db.claim.create({ data: { workspaceId: w.workspace.id, statement: "The talks stalled", claimant: "Sergei Lavrov", language: "en", createdById: w.admin.id } });
    // Latin "a" inside the Cyrillic surname.
    const alias = await confirmAlias(admin, { names: ["Сергей Лaвров", "Sergei Lavrov"] });
    expect(alias.names).toEqual(["Sergei Lavrov", "Сергей Лавров"]);
    expect((await db.aliasName.findMany({ where: { aliasId: alias.id }, orderBy: { name: "asc" } })).map((n) => n.name)).toEqual(["Sergei Lavrov", "Сергей Лавров"]);
    const taken = await rejection(confirmAlias(admin, { names: ["Сергей Лавров", "S. Lavrov"] }), 409);
    expect(Object.keys(taken.fields)).toEqual(["names"]);
    const one = await rejection(confirmAlias(admin, { names: ["Лавров", "Лaвров"] }), 400);
    expect(Object.keys(one.fields)).toEqual(["names"]);

    const found = (await listClaims(admin, { claimant: "Лaвров" })).items.map((c) => c.id).sort();
    expect(found).toEqual([ru.id, en.id].sort());
  });
});
