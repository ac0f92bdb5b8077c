import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { suggestClaimsByBodyEndpoint, suggestClaimsEndpoint } from "./endpoints/suggestions";
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
    expect(ru.body.items[0].reasons.map((r) => r.kind)).toEqual(["name", "date"]);
    expect(ru.body.items[0].reasons[1].terms).toEqual(["21 января 2022 ↔ 21 January 2022"]);

    const typed = await call<J>(suggestClaimsEndpoint, { token: w.tokens.viewer, params: p, query: { q: "blink", limit: "5" } });
    expect(typed.body.items.map((i) => i.claimId)).toEqual([claim.id]);
    expect(typed.body.items[0].reasons).toEqual([{ kind: "words", terms: ["Blinken"] }]);
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
      [{ text: "x", language: "xx-YY-ZZ" }, "language"],
      [{ q: "x".repeat(501) }, "q"],
    ] as const) {
      const res = await call<{ errors: Record<string, string> }>(suggestClaimsEndpoint, { token: w.tokens.viewer, params: p, query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(Object.keys(res.body.errors), JSON.stringify(query)).toContain(field);
    }
    expect((await call(suggestClaimsEndpoint, { params: p, query: { text: "x" } })).status).toBe(401);
  });
});

describe("POST /workspaces/{ws}/claims/suggestions (the passage in a JSON body)", () => {
  it("takes the documented 20,000 characters of Cyrillic (no URL can: 120 KB percent-encoded) and answers as GET does (checked against the OpenAPI document)", async () => {
    const w = await apiWorld();
    const claim = await db.claim.create({ data: { workspaceId: w.workspace.id, statement: "Sergey Ryabkov said the talks would go on next year" } });
    const p = { ws: w.ws };
    const opening = "Сергей Рябков сказал, что переговоры продолжатся.";
    const text = (opening + " Погода в городе была тёплой, и дети весь день гуляли в парке у реки.".repeat(400)).slice(0, 20_000);
    expect(text).toHaveLength(20_000);

    const res = await call<J>(suggestClaimsByBodyEndpoint, { token: w.tokens.viewer, params: p, body: { text, language: "ru", limit: 3 } });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ claimId: claim.id, matchedBy: "text" });
    expect(res.body.items[0].reasons[0]).toEqual({ kind: "name", terms: ["Сергей Рябков ↔ Sergey Ryabkov"] });
    const short = await call<J>(suggestClaimsEndpoint, { token: w.tokens.viewer, params: p, query: { text: opening } });
    expect(short.body.items[0].claimId).toBe(claim.id);

    expect((await call<J>(suggestClaimsByBodyEndpoint, { token: w.tokens.viewer, params: p, body: { text: opening, exclude: [claim.id] } })).body.items).toEqual([]);
    expect((await call<J>(suggestClaimsByBodyEndpoint, { token: w.tokens.viewer, params: p, body: { q: "ryab" } })).body.items.map((i) => i.claimId)).toEqual([claim.id]);
  });

  it("bad input is a 400 naming the field", async () => {
    const w = await apiWorld();
    const p = { ws: w.ws };
    for (const [body, field] of [
      [{}, "text"],
      [{ text: "x".repeat(20_001) }, "text"],
      [{ text: "x", q: "y" }, "q"],
      [{ text: "x", limit: 0 }, "limit"],
      [{ text: "x", limit: "5" }, "limit"],
      [{ text: "x", language: "not a language" }, "language"],
      [{ text: "x", language: "xx-YY-ZZ" }, "language"],
      [{ text: "x", exclude: "a,b" }, "exclude"],
      [{ text: "a\u0000b" }, "text"],
    ] as const) {
      const res = await call<{ errors: Record<string, string> }>(suggestClaimsByBodyEndpoint, { token: w.tokens.viewer, params: p, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.errors), JSON.stringify(body)).toContain(field);
    }
    expect((await call(suggestClaimsByBodyEndpoint, { params: p, body: { text: "x" } })).status).toBe(401);
  });
});

describe("GET /workspaces/{ws}/claims/suggestions: bytes that are no text", () => {
  it("an encoded lone surrogate or invalid UTF-8 in text is a 400 naming text, as documented; text with q a 400 naming q", async () => {
    const w = await apiWorld();
    const params = Promise.resolve({ ws: w.ws });
    const headers = { authorization: `Bearer ${w.tokens.viewer}` };
    for (const raw of ["%ED%A0%80", "%FF%FE", "%E0%A4%A"]) {
      const res = await suggestClaimsEndpoint(new Request(`http://localhost/api/v1/workspaces/${w.ws}/claims/suggestions?text=${raw}`, { headers }), { params });
      expect(res.status, raw).toBe(400);
      expect(Object.keys(((await res.json()) as { errors: Record<string, string> }).errors), raw).toEqual(["text"]);
    }
    const both = await call<{ errors: Record<string, string> }>(suggestClaimsEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { text: "x", q: "y" } });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual({ q: "Give text or q, not both." });
  });
});

describe("both forms of /workspaces/{ws}/claims/suggestions check the same things (finding S4)", () => {
  const get = (ws: string, token: string, query: string) =>
    suggestClaimsEndpoint(new Request(`http://localhost/api/v1/workspaces/${ws}/claims/suggestions?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ ws }) });
  const errorsOf = async (res: Response) => ({ status: res.status, fields: Object.keys(((await res.json()) as { errors?: Record<string, string> }).errors ?? {}) });

  it("GET: bytes that are no text, a parameter given twice, a malformed articleId or exclude are each a 400 naming it", async () => {
    const w = await apiWorld();
    for (const [query, field] of [
      ["text=%FF", "text"],
      ["q=%FF", "q"],
      ["q=%C3", "q"],
      ["text=%ED%A0%80", "text"],
      ["text=abc&text=def", "text"],
      ["q=abc&q=def", "q"],
      ["text=abc&articleId=bad%20id", "articleId"],
      [`text=abc&articleId=${"x".repeat(65)}`, "articleId"],
      ["text=abc&articleId=nosucharticle", "articleId"],
      ["text=abc&exclude=bad%20id!", "exclude.0"],
      ["text=abc&exclude=%25%25%25", "exclude.0"],
      [`text=abc&exclude=${Array.from({ length: 201 }, (_, i) => `c${i}`).join(",")}`, "exclude"],
    ] as const) {
      const res = await errorsOf(await get(w.ws, w.tokens.viewer, query));
      expect(res, query).toEqual({ status: 400, fields: [field] });
    }
  });

  it("POST: a malformed or unknown articleId and malformed exclude ids are a 400 naming them; a real article's id is taken", async () => {
    const w = await apiWorld();
    const p = { ws: w.ws };
    for (const [body, field] of [
      [{ text: "abc", articleId: 5 }, "articleId"],
      [{ text: "abc", articleId: "x".repeat(65) }, "articleId"],
      [{ text: "abc", articleId: "bad id" }, "articleId"],
      [{ text: "abc", articleId: "doesnotexist" }, "articleId"],
      [{ text: "abc", exclude: ["bad id!"] }, "exclude.0"],
    ] as const) {
      const res = await call<{ errors: Record<string, string> }>(suggestClaimsByBodyEndpoint, { token: w.tokens.viewer, params: p, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.errors), JSON.stringify(body)).toEqual([field]);
    }
    const article = await db.article.create({ data: { workspaceId: w.workspace.id, title: "A", doc: {}, text: "Сергей Рябков", contentHash: "s4", language: "ru" } });
    const claim = await db.claim.create({ data: { workspaceId: w.workspace.id, statement: "Sergey Ryabkov spoke" } });
    const ok = await call<J>(suggestClaimsByBodyEndpoint, { token: w.tokens.viewer, params: p, body: { text: "Рябков", articleId: article.id } });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((i) => i.claimId)).toEqual([claim.id]);
    const viaGet = await get(w.ws, w.tokens.viewer, `text=${encodeURIComponent("Рябков")}&articleId=${article.id}&exclude=${claim.id}`);
    expect(viaGet.status).toBe(200);
    expect(((await viaGet.json()) as J).items).toEqual([]);
  });
});
