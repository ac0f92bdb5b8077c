import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { suggestClaimsEndpoint } from "./endpoints/suggestions";
import { apiWorld, call } from "./testing";

type Reason = { kind: string; terms: string[] };
type J = { items: { claimId: string; matchedBy: string; reasons: Reason[] }[] };

describe("GET /workspaces/{ws}/claims/suggestions", () => {
  it("suggests claims for a passage in another language, each saying why it matched (checked against the OpenAPI document)", async () => {
    const w = await apiWorld();
    const claim = await db.claim.create({ data: { workspaceId: w.workspace.id, statement: "Sergey Lavrov and Antony Blinken met in Geneva on 21 January 2022" } });
    await db.claim.create({ data: { workspaceId: w.workspace.id, statement: "A different claim about the budget" } });
    const p = { ws: w.ws };

    const ru = await call<J>(suggestClaimsEndpoint, { token: w.tokens.viewer, params: p, query: { text: "21 января 2022 года Сергей Лавров встретился с Энтони Блинкеном", language: "ru" } });
    expect(ru.status).toBe(200);
    expect(ru.body.items[0]).toMatchObject({ claimId: claim.id, matchedBy: "text" });
    expect(ru.body.items[0].reasons.map((r) => r.kind)).toEqual(["name", "date", "number"]);
    expect(ru.body.items[0].reasons[1].terms).toContain("2022-01-21");

    const typed = await call<J>(suggestClaimsEndpoint, { token: w.tokens.viewer, params: p, query: { q: "blink", limit: "5" } });
    expect(typed.body.items.map((i) => i.claimId)).toEqual([claim.id]);
    expect(typed.body.items[0].reasons).toEqual([{ kind: "words", terms: ["blinken"] }]);
    expect((await call<J>(suggestClaimsEndpoint, { token: w.tokens.viewer, params: p, query: { text: "Лавров", exclude: claim.id } })).body.items).toEqual([]);
  });

  it("bad input is a 400 naming the parameter; no token is 401", async () => {
    const w = await apiWorld();
    const p = { ws: w.ws };
    for (const [query, field] of [
      [{}, "text"],
      [{ text: "x", limit: "0" }, "limit"],
      [{ text: "x", limit: "many" }, "limit"],
      [{ text: "x", language: "not a language" }, "language"],
      [{ q: "x".repeat(501) }, "q"],
    ] as const) {
      const res = await call<{ errors: Record<string, string> }>(suggestClaimsEndpoint, { token: w.tokens.viewer, params: p, query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(Object.keys(res.body.errors), JSON.stringify(query)).toContain(field);
    }
    expect((await call(suggestClaimsEndpoint, { params: p, query: { text: "x" } })).status).toBe(401);
  });
});
