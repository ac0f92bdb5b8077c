import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { suggestClaims } from "@/lib/search/suggest-claims";
import { getDashboard } from "./dashboard";
import { getClaim } from "./get-claim";
import { listClaims } from "./list-claims";
import { mergeClaims } from "./merge-claims";
import { addRelation } from "./relations";
import { updateClaim } from "./update-claim";
import type { ClaimDetail } from "./claim-dto";
import { claimWorld } from "./test-world";

// The browser marks a statement's language from the claim's stored `language` (issue 14): the script alone
// can't tell Russian from Ukrainian. Every claim DTO the UI shows has to carry it.
describe("claim DTOs carry the statement's stored language", () => {
  it("the list, the claim (its relations, mentions and merged claims), the dashboard and the suggestions", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const enBase = await w.claim("about 40,000 vehicles a day");
    const en = await updateClaim(a, enBase.id, { statement: "The bridge carries about 40,000 vehicles a day, the council leader said on Monday.", version: enBase.version });
    // Statements rewritten in Ukrainian and Russian: detected when written, as a desk's would be.
    const ukBase = await w.claim("a third of their customers");
    const uk = await updateClaim(a, ukBase.id, { statement: "Україна не поступиться своїми інтересами щодо мосту, заявив міністр інфраструктури.", version: ukBase.version });
    const ruBase = await w.claim("Unemployment fell to 4.1 percent");
    const ru = await updateClaim(a, ruBase.id, { statement: "Россия ждёт письменных ответов о мосте, заявил министр иностранных дел.", version: ruBase.version });
    expect([en.language, uk.language, ru.language]).toEqual(["en", "uk", "ru"]);
    const stored = await db.claim.findMany({ where: { id: { in: [en.id, uk.id, ru.id] } }, select: { id: true, language: true } });
    expect(Object.fromEntries(stored.map((c) => [c.id, c.language]))).toEqual({ [en.id]: "en", [uk.id]: "uk", [ru.id]: "ru" });

    const listed = await listClaims(a, {});
    expect(Object.fromEntries(listed.items.map((i) => [i.id, i.language]))).toEqual({ [en.id]: "en", [uk.id]: "uk", [ru.id]: "ru" });

    // A claim too short to tell stays null: the UI then guesses from the script.
    const shortBase = await w.claim("€12 million");
    const short = await updateClaim(a, shortBase.id, { statement: "12", version: shortBase.version });
    expect(short.language).toBeNull();

    const related = await addRelation(a, en.id, { toId: uk.id, type: "contradicts", version: en.version });
    expect(related.relations.map((r) => [r.other.id, r.other.language])).toEqual([[uk.id, "uk"]]);
    const merged = await mergeClaims(await w.as(w.reviewer), en.id, { from: ru.id, version: related.version });
    expect(merged.mergedFrom).toEqual([expect.objectContaining({ id: ru.id, language: "ru" })]);
    // A mention carries its article's language (its quote and title are in it).
    await db.article.update({ where: { id: w.first.id }, data: { language: "en-GB" } });
    const withMentions = (await getClaim(a, en.id)) as ClaimDetail;
    expect(withMentions.mentions.length).toBe(2);
    expect(withMentions.mentions.map((m) => m.article.language)).toEqual(["en-GB", "en-GB"]);
    const read = (await getClaim(a, uk.id)) as ClaimDetail;
    expect(read.language).toBe("uk");
    expect(read.relations.map((r) => [r.other.id, r.other.language])).toEqual([[en.id, "en"]]);

    const dashboard = await getDashboard(a);
    const linked = dashboard.mostLinked.find((c) => c.id === uk.id);
    expect(linked?.language).toBe("uk");
    // Each entry's language is that of the statement it shows (a merged claim's entries show its own statement).
    const byStatement = new Map([en, uk, ru, short].map((c) => [c.statement, c.language]));
    expect(new Set(dashboard.activity.map((e) => e.language))).toEqual(new Set(["en", "uk", "ru", null]));
    for (const e of dashboard.activity) expect(e.language).toBe(byStatement.get(e.statement));

    const suggested = await suggestClaims({ workspaceId: w.workspace.id, text: "Україна не поступиться своїми інтересами щодо мосту", limit: 5 });
    expect(suggested.find((s) => s.claimId === uk.id)?.language).toBe("uk");
  });
});
