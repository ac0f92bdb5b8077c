import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { REPEATED_PARAMETER_MESSAGE } from "@/lib/http/pipeline";
import { UNKNOWN_FIELD_MESSAGE } from "@/lib/http/problem";
import * as ep from "./endpoints/glossary";
import { suggestClaimsEndpoint } from "./endpoints/suggestions";
import { apiWorld, call } from "./testing";

type Pair = { id: string; term: string; english: string; language: string };

describe("/workspaces/{ws}/glossary, glossary-proposals and aliases (checked against the OpenAPI document)", () => {
  it("an admin's token adds, edits, lists and deletes pairs; suggestions then say which pair matched", async () => {
    const w = await apiWorld();
    const p = { ws: w.ws };
    const claim = await db.claim.create({ data: { workspaceId: w.workspace.id, statement: "The harvest failed across the region", language: "en" } });

    const made = await call<Pair>(ep.createGlossaryPairEndpoint, { token: w.tokens.admin, params: p, body: { language: "ru", term: "урожай", english: "harvest" } });
    expect(made.status).toBe(201);
    const edited = await call<Pair>(ep.updateGlossaryPairEndpoint, { token: w.tokens.admin, params: { ...p, pairId: made.body.id }, body: { english: "harvest yield" } });
    expect([edited.status, edited.body.english]).toEqual([200, "harvest yield"]);
    const list = await call<{ items: Pair[] }>(ep.listGlossaryEndpoint, { token: w.tokens.admin, params: p, query: { q: "harv" } });
    expect(list.body.items.map((i) => i.term)).toEqual(["урожай"]);

    const hits = await call<{ items: { claimId: string; reasons: { kind: string; terms: string[] }[] }[] }>(suggestClaimsEndpoint, {
      token: w.tokens.viewer,
      params: p,
      query: { text: "Урожай погиб", language: "ru" },
    });
    expect(hits.body.items[0].claimId).toBe(claim.id);
    expect(hits.body.items[0].reasons).toContainEqual({ kind: "glossary", terms: ["урожай = harvest yield"] });

    expect((await call(ep.deleteGlossaryPairEndpoint, { token: w.tokens.admin, params: { ...p, pairId: made.body.id } })).status).toBe(204);
    expect((await call(ep.deleteGlossaryPairEndpoint, { token: w.tokens.admin, params: { ...p, pairId: made.body.id } })).status).toBe(404);
  });

  it("bad input is a 400 naming the field; non-admins get 403", async () => {
    const w = await apiWorld();
    const p = { ws: w.ws };
    const bad = await call<{ errors: Record<string, string> }>(ep.createGlossaryPairEndpoint, { token: w.tokens.admin, params: p, body: { language: "ru", term: "harvest", english: "harvest" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(["term"]);
    const noLang = await call<{ errors: Record<string, string> }>(ep.createGlossaryPairEndpoint, { token: w.tokens.admin, params: p, body: { term: "урожай", english: "harvest" } });
    expect(Object.keys(noLang.body.errors)).toEqual(["language"]);
    const alias = await call<{ errors: Record<string, string> }>(ep.confirmAliasEndpoint, { token: w.tokens.admin, params: p, body: { names: ["Only One"] } });
    expect(alias.status).toBe(400);
    expect(Object.keys(alias.body.errors)).toEqual(["names"]);
    // The aliases and proposals lists, like the glossary list, name a query parameter they don't take (none is paged).
    for (const list of [ep.listAliasesEndpoint, ep.listGlossaryProposalsEndpoint]) {
      for (const query of [{ status: "confirmed" }, { limit: "10" }, { limit: "0" }, { cursor: "x" }, { suggested: "maybe" }] as Record<string, string>[]) {
        const unknown = await call<{ errors: Record<string, string> }>(list, { token: w.tokens.admin, params: p, query });
        expect(unknown.status, `${list.id} ${JSON.stringify(query)}`).toBe(400);
        expect(unknown.body.errors).toEqual({ [Object.keys(query)[0]]: UNKNOWN_FIELD_MESSAGE });
      }
    }
    // A parameter given twice is named too (X13), here on the glossary list.
    const twice = await ep.listGlossaryEndpoint(new Request(`http://localhost/api/v1/workspaces/${w.ws}/glossary?q=a&q=b`, { headers: { authorization: `Bearer ${w.tokens.admin}` } }), { params: Promise.resolve(p) });
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as { errors: Record<string, string> }).errors).toEqual({ q: REPEATED_PARAMETER_MESSAGE });
    for (const token of [w.tokens.annotator, w.tokens.reviewer, w.tokens.viewer]) {
      expect((await call(ep.listGlossaryEndpoint, { token, params: p })).status).toBe(403);
      expect((await call(ep.createGlossaryPairEndpoint, { token, params: p, body: { language: "ru", term: "урожай", english: "harvest" } })).status).toBe(403);
      expect((await call(ep.listAliasesEndpoint, { token, params: p })).status).toBe(403);
      expect((await call(ep.listGlossaryProposalsEndpoint, { token, params: p })).status).toBe(403);
    }
    expect(await db.glossaryPair.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });

  it("lists alias suggestions, confirms one and deletes it", async () => {
    const w = await apiWorld();
    const p = { ws: w.ws };
    for (const claimant of ["Sergei Lavrov", "Сергей Лавров"]) await db.claim.create({ data: { workspaceId: w.workspace.id, statement: `Statement by ${claimant}`, claimant } });
    const before = await call<{ items: unknown[]; suggested: { names: string[] }[] }>(ep.listAliasesEndpoint, { token: w.tokens.admin, params: p });
    expect(before.body.suggested.map((s) => [...s.names].sort())).toEqual([["Sergei Lavrov", "Сергей Лавров"]]);
    const made = await call<{ id: string; status: string }>(ep.confirmAliasEndpoint, { token: w.tokens.admin, params: p, body: { names: before.body.suggested[0].names } });
    expect(made.status).toBe(201);
    const after = await call<{ items: { id: string }[]; suggested: unknown[] }>(ep.listAliasesEndpoint, { token: w.tokens.admin, params: p });
    expect(after.body).toMatchObject({ items: [{ id: made.body.id }], suggested: [] });
    expect((await call(ep.deleteAliasEndpoint, { token: w.tokens.admin, params: { ...p, aliasId: made.body.id } })).status).toBe(204);
    const proposals = await call<{ items: unknown[] }>(ep.listGlossaryProposalsEndpoint, { token: w.tokens.admin, params: p });
    expect(proposals.body.items).toEqual([]);
    expect((await call(ep.acceptGlossaryProposalEndpoint, { token: w.tokens.admin, params: { ...p, proposalId: "nope" } })).status).toBe(404);
  });
});
