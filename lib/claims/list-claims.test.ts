import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { approveClaim } from "./change-review-state";
import { listClaims, numberEdges } from "./list-claims";
import { attachMention } from "./attach-mention";
import { updateClaim } from "./update-claim";
import { bulkAssign, bulkSubmitForReview } from "./bulk";
import { claimWorld, rejection } from "./test-world";

describe("listing claims", () => {
  it("Search statements reads the words as the suggestions do: stemmed in their language, names across scripts (a tester's finding, issue 14)", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const claim = (statement: string, language: string) => db.claim.create({ data: { workspaceId: w.workspace.id, statement, language } });
    const ru = await claim("Гарантии безопасности для США больше не действуют", "ru");
    const en = await claim("Sergey Lavrov met Antony Blinken in Geneva", "en");
    const uk = await claim("За словами Грушка, питання гарантій залишиться ключовим", "uk");
    const ids = async (q: string) => (await listClaims(a, { q })).items.map((i) => i.id).sort();
    // Russian and Ukrainian stems of one word meet (гарант).
    expect(await ids("гарантиям")).toEqual([ru.id, uk.id].sort());
    expect(await ids("безопасности")).toEqual([ru.id]);
    expect(await ids("Лавров")).toEqual([en.id]);
    expect(await ids("Грушко")).toEqual([uk.id]);
    expect(await ids("гарантіям питань")).toEqual([uk.id]);
    // Every word is required, as in the plain text search; and text as written still matches inside words.
    expect(await ids("Лавров гарантиям")).toEqual([]);
    expect(await ids("Blink")).toEqual([en.id]);
  });

  it("Search statements finds a number at the text's ends only whole: 9 tonnes is not in 8209 tonnes, in either word order (black-box s34, M2)", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const claim = (statement: string) => db.claim.create({ data: { workspaceId: w.workspace.id, statement, language: "en" } });
    const nine = await claim("The ship carried 9 tonnes of grain");
    const other = await claim("Exports reached 8209 tonnes last year");
    const decimal = await claim("Only 1.9 tonnes arrived, or 1,9 in French");
    const nineteen = await claim("A record 19 tonnes, then 9.5 tonnes");
    const comma = await claim("At 820, prices fell; 820.5 later");
    const bracketed = await claim("Imports fell (-12 percent) as «12 percent» more went to “12 percent” of ports, A12 percent");
    const ids = async (q: string) => (await listClaims(a, { q })).items.map((i) => i.id).sort();
    expect(await ids("9 tonnes")).toEqual([nine.id]);
    expect(await ids("tonnes 9")).toEqual([nine.id]);
    expect(await ids("9 TONNES of")).toEqual([nine.id]);
    // A number at the end: not a part of a longer number or a decimal.
    expect(await ids("reached 820")).toEqual([]);
    expect(await ids("At 820")).toEqual([comma.id]);
    expect(await ids("820")).toEqual([comma.id]);
    expect(await ids("820.5")).toEqual([comma.id]);
    expect(await ids("20.5")).toEqual([]);
    // Words alone are still found in part, as typed.
    expect(await ids("tonne")).toEqual([nine.id, other.id, decimal.id, nineteen.id].sort());
    expect(await ids("8209")).toEqual([other.id]);
    // After ASCII punctuation (a bracket, a sign) the number is found as written; after a letter it is not a number of its own.
    expect(await ids("12 percent)")).toEqual([bracketed.id]);
    // After «, “ or a dash (past ASCII) the words half finds it (the same words in any order).
    expect(await ids("12 percent")).toEqual([bracketed.id]);
    expect(await ids("percent» 12")).toEqual([bracketed.id]);
  });

  it("the number edges are literal text between two digit-only guards", () => {
    expect(numberEdges("tonnes")).toBeNull();
    const opener = "(^|[\\t\\n\\r !\"#$%&'(*+/:;<=>?@\\[^_`{|}~-])";
    expect(numberEdges("9 tonnes")).toBe(`${opener}9\\ tonnes`);
    expect(numberEdges("a.b 5")).toBe("a\\.b\\ 5($|[^0-9.,]|[.,]($|[^0-9]))");
    expect(numberEdges("1 (*) 2")).toBe(`${opener}1\\ \\(\\*\\)\\ 2($|[^0-9.,]|[.,]($|[^0-9]))`);
  });

  it("a text or claimant filter pages the same whether few claims match (read as a list of ids) or many (the sort's index walked)", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    // 2,050 claims by one claimant, every one saying "inflation" (more than the listed matches' 2,000), and three
    // saying a rare word; updatedAt spread so the order is known.
    const base = Date.UTC(2026, 0, 1);
    await db.claim.createMany({
      data: Array.from({ length: 2050 }, (_, i) => ({
        workspaceId: w.workspace.id, statement: `Inflation reached ${i} percent`, claimant: "Ana Castillo", language: "en",
        updatedAt: new Date(base + i * 60_000),
      })),
    });
    const rare = await db.claim.createManyAndReturn({
      data: [0, 1, 2].map((i) => ({ workspaceId: w.workspace.id, statement: `Quokka numbers rose ${i}`, claimant: "Zed Quill", language: "en", updatedAt: new Date(base + i * 3_600_000) })),
      select: { id: true },
    });
    const pages = async (filters: { q?: string; claimant?: string }) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let n = 0; n < 3; n++) {
        const page = await listClaims(a, { ...filters, limit: 20, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((i) => i.statement));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return seen;
    };
    const newest = Array.from({ length: 60 }, (_, i) => `Inflation reached ${2049 - i} percent`);
    expect(await pages({ q: "inflation" })).toEqual(newest);
    expect(await pages({ claimant: "Castillo" })).toEqual(newest);
    expect(await pages({ q: "quokka" })).toEqual(["Quokka numbers rose 2", "Quokka numbers rose 1", "Quokka numbers rose 0"]);
    expect(await pages({ claimant: "quill" })).toEqual(["Quokka numbers rose 2", "Quokka numbers rose 1", "Quokka numbers rose 0"]);
    expect(await pages({ q: "Zzyzx" })).toEqual([]);
    // A deleted one leaves the list and shows among the deleted, either way.
    await db.claim.update({ where: { id: rare[2]!.id }, data: { deletedAt: new Date() } });
    expect(await pages({ q: "quokka" })).toEqual(["Quokka numbers rose 1", "Quokka numbers rose 0"]);
    const admin = await w.as(w.admin);
    expect((await listClaims(admin, { q: "quokka", deleted: true })).items.map((i) => i.id)).toEqual([rare[2]!.id]);
  });

  it("a claimant filter too short for the trigram index (black-box F9) finds the names containing it through the workspace's names, few or many", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const admin = await w.as(w.admin);
    const base = Date.UTC(2026, 0, 1);
    // 2,100 claims by names holding "an" (more than are read as a list: the page walks its index), a few by others.
    await db.claim.createMany({
      data: Array.from({ length: 2100 }, (_, i) => ({
        workspaceId: w.workspace.id, statement: `Inflation reached ${i} percent`, claimant: `Ana Castillo ${i % 7}`, language: "en", updatedAt: new Date(base + i * 60_000),
      })),
    });
    const made = async (statement: string, claimant: string) => (await db.claim.create({ data: { workspaceId: w.workspace.id, statement, claimant, language: "en" } })).id;
    const xi = await made("Growth will hold at five percent", "Xi Jinping");
    const strasse = await made("The street will close in May", "Anja Großmann");
    const pct = await made("Prices rose 5% in a month", "100% Fact Desk");
    const under = await made("A new bridge opens", "desk_bot");
    const ids = async (claimant: string, deleted = false) => (await listClaims(deleted ? admin : a, { claimant, limit: 100, ...(deleted ? { deleted } : {}) })).items.map((i) => i.id).sort();

    expect(await ids("Xi")).toEqual([xi]);
    expect(await ids("xI")).toEqual([xi]);
    expect(await ids("ß")).toEqual([strasse]);
    // LIKE's wildcards are letters here too.
    expect(await ids("%")).toEqual([pct]);
    expect(await ids("_")).toEqual([under]);
    expect(await ids("zq")).toEqual([]);
    // Dense: "an" is in 2,101 claims' names; the page is the newest 100 of them, as the substring rule orders them.
    const page = await listClaims(a, { claimant: "an", limit: 100 });
    expect(page.items).toHaveLength(100);
    expect(page.items.every((i) => /an/i.test(i.claimant ?? ""))).toBe(true);
    expect(page.nextCursor).not.toBeNull();

    // The names follow edits, deletion (listed among the deleted), restoring and hard deletion.
    await db.claim.update({ where: { id: xi }, data: { claimant: "President Xi" } });
    expect(await ids("Xi")).toEqual([xi]);
    await db.claim.update({ where: { id: xi }, data: { claimant: "Li Qiang" } });
    expect(await ids("Xi")).toEqual([]);
    expect(await ids("Li")).toEqual([xi]);
    await db.claim.update({ where: { id: xi }, data: { deletedAt: new Date() } });
    expect(await ids("Li")).toEqual([]);
    expect(await ids("Li", true)).toEqual([xi]);
    await db.claim.delete({ where: { id: xi } });
    expect(await ids("Li", true)).toEqual([]);
    const counts = await db.workspaceClaimant.findMany({ where: { workspaceId: w.workspace.id, claimCount: { gt: 0 } }, orderBy: { claimant: "asc" } });
    expect(counts.map((c) => [c.claimant, c.claimCount])).toEqual([
      ["100% Fact Desk", 1],
      ...Array.from({ length: 7 }, (_, i) => [`Ana Castillo ${i}`, 300]),
      ["Anja Großmann", 1],
      ["desk_bot", 1],
    ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)));
  });

  it("text too short for the trigram index is matched as words (black-box F9): EU finds the EU, not every word holding eu", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const made = async (statement: string) => (await db.claim.create({ data: { workspaceId: w.workspace.id, statement, language: "en" } })).id;
    const eu = await made("The EU will fine the company");
    await made("Neutral observers were present");
    const ids = async (q: string) => (await listClaims(a, { q })).items.map((i) => i.id);
    expect(await ids("EU")).toEqual([eu]);
    expect(await ids("eu")).toEqual([eu]);
    expect(await ids("!")).toEqual([]);
    expect(await ids("\\")).toEqual([]);
    expect(await ids("%")).toEqual([]);
  });

  it("filters on the server: review state, verdict, tag, article, claimant, assignee (me), sources, text", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const second = await w.article();
    let bridge = await w.readyForApproval(await w.claim("about 40,000 vehicles a day", { tags: ["traffic"], claimant: "Council Leader" }));
    bridge = await approveClaim(await w.as(w.reviewer), bridge.id, { version: bridge.version });
    bridge = await attachMention(a, bridge.id, { annotationId: (await w.highlight("about 40,000 vehicles a day", second)).id, version: bridge.version });
    const traders = await w.claim("a third of their customers", { tags: ["economy"] });
    await updateClaim(a, traders.id, { assigneeId: w.annotator.id, version: traders.version });
    const jobs = await w.claim("Unemployment fell to 4.1 percent", { on: second, claimant: "The minister" });

    const ids = async (f: Parameters<typeof listClaims>[1]) => (await listClaims(a, f)).items.map((i) => i.id).sort();
    expect(await ids({})).toEqual([bridge.id, traders.id, jobs.id].sort());
    expect(await ids({ reviewState: "approved" })).toEqual([bridge.id]);
    expect(await ids({ reviewState: ["unreviewed", "in-review"] })).toEqual([traders.id, jobs.id].sort());
    expect(await ids({ verdict: "none" })).toEqual([traders.id, jobs.id].sort());
    expect(await ids({ verdict: "mostly-false,none" })).toEqual([bridge.id, traders.id, jobs.id].sort());
    expect(await ids({ tag: "economy" })).toEqual([traders.id]);
    expect(await ids({ articleId: second.id })).toEqual([bridge.id, jobs.id].sort());
    expect(await ids({ claimant: "council" })).toEqual([bridge.id]);
    // LIKE's wildcards in the filter are letters, not patterns: "%" and "_" match nothing here.
    expect(await ids({ claimant: "%" })).toEqual([]);
    expect(await ids({ claimant: "c_uncil" })).toEqual([]);
    expect(await ids({ claimant: "Zzyzx" })).toEqual([]);
    expect(await ids({ assignee: "me" })).toEqual([traders.id]);
    expect(await ids({ assignee: "none" })).toEqual([bridge.id, jobs.id].sort());
    expect(await ids({ hasSources: "true" })).toEqual([bridge.id]);
    expect(await ids({ hasSources: false })).toEqual([traders.id, jobs.id].sort());
    expect(await ids({ q: "UNEMPLOYMENT" })).toEqual([jobs.id]);
    // Words too common for the search vector are found as whole words of the statement (black-box s33, 7).
    expect(await ids({ q: "of" })).toEqual([traders.id]);
    expect(await ids({ q: "OF" })).toEqual([traders.id]);
    expect(await ids({ q: "to" })).toEqual([jobs.id]);
    expect(await ids({ q: "a" })).toEqual([bridge.id, traders.id].sort());
    expect(await ids({ q: " a  third" })).toEqual([traders.id]);
    expect(await ids({ q: "in" })).toEqual([]);
    expect(await ids({ q: "f." })).toEqual([]);

    const item = (await listClaims(a, { reviewState: "approved" })).items[0];
    expect(item).toMatchObject({ verdict: "mostly-false", reviewState: "approved", mentionCount: 2, articleCount: 2, sourceCount: 1, assignee: null });
    await rejection(listClaims(a, { verdict: "bogus" }), 400);
    await rejection(listClaims(a, { deleted: true }), 403);
  });

  it("pages with an opaque cursor in every sort order, without gaps or repeats", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const created = [];
    for (let i = 0; i < 3; i++) {
      const art = await w.article();
      for (const words of ["about 40,000 vehicles a day", "a third of their customers", "€12 million"]) created.push((await w.claim(words, { on: art })).id);
    }
    for (const sort of ["updated", "created", "statement"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listClaims(a, { sort, limit: 4, cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen.slice().sort()).toEqual(created.slice().sort());
      const all = (await listClaims(a, { sort, limit: 100 })).items.map((i) => i.id);
      expect(seen).toEqual(all);
    }
    await rejection(listClaims(a, { cursor: "not-a-cursor" }), 400);
  });

  it("Previous page walks back the same pages in every sort order, and the first page has none (black-box B8)", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    for (let i = 0; i < 3; i++) {
      const art = await w.article();
      for (const words of ["about 40,000 vehicles a day", "a third of their customers", "€12 million"]) await w.claim(words, { on: art });
    }
    for (const sort of ["updated", "created", "statement"] as const) {
      const forward: { ids: string[]; prevCursor: string | null; nextCursor: string | null }[] = [];
      let cursor: string | undefined;
      do {
        const page = await listClaims(a, { sort, limit: 4, cursor });
        forward.push({ ids: page.items.map((i) => i.id), prevCursor: page.prevCursor, nextCursor: page.nextCursor });
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(forward.map((p) => p.ids.length)).toEqual([4, 4, 1]);
      expect(forward[0].prevCursor).toBeNull();
      // From the last page back to the first, by Previous page alone: each page as it was going forward.
      let back = forward.at(-1)!.prevCursor;
      for (let i = forward.length - 2; i >= 0; i--) {
        const page = await listClaims(a, { sort, limit: 4, cursor: back! });
        expect(page.items.map((x) => x.id), `${sort}, page ${i + 1}`).toEqual(forward[i].ids);
        // A page reached backwards leads on to the one it came from.
        expect((await listClaims(a, { sort, limit: 4, cursor: page.nextCursor! })).items.map((x) => x.id)).toEqual(forward[i + 1].ids);
        back = page.prevCursor;
      }
      // Back on the first page: nothing before it.
      expect(back).toBeNull();
    }
    // A cursor with a direction that isn't ours is refused like any other bad cursor.
    const odd = Buffer.from(JSON.stringify(["updated", new Date().toISOString(), "c1", "sideways"])).toString("base64url");
    await rejection(listClaims(a, { cursor: odd }), 400);
  });

  it("bulk assign and submit report what they skipped and why", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const one = await w.claim("about 40,000 vehicles a day");
    const two = await w.readyForApproval(await w.claim("a third of their customers"));
    const assigned = await bulkAssign(a, { claimIds: [one.id, two.id, "nope"], assigneeId: w.reviewer.id });
    expect(assigned.updated.sort()).toEqual([one.id, two.id].sort());
    expect(assigned.skipped).toEqual([{ id: "nope", reason: "Not found." }]);
    expect((await bulkAssign(a, { claimIds: [one.id], assigneeId: w.reviewer.id })).skipped).toEqual([{ id: one.id, reason: "Already assigned to them." }]);
    await rejection(bulkAssign(a, { claimIds: [one.id], assigneeId: (await w.as(w.admin)).userId + "-x" }), 400);
    const submitted = await bulkSubmitForReview(a, { claimIds: [one.id, two.id] });
    expect(submitted).toEqual({ updated: [one.id], skipped: [{ id: two.id, reason: "Already in review." }] });
    await rejection(bulkSubmitForReview(await w.as(w.viewer), { claimIds: [one.id] }), 403);
  });
});
