import { describe, expect, it } from "vitest";
import { parseClaimFilters } from "@/lib/claims/list-claims";
import type { DomainError } from "@/lib/errors";
import { listArticles } from "./endpoints/articles";
import { listClaimsEndpoint as listClaims } from "./endpoints/claims";
import { listEvents, listSources } from "./endpoints/claim-parts";
import { encodeCursor } from "./pagination";
import { apiWorld, call } from "./testing";

/**
 * Page cursors are client input (issue 9 §2, "malformed cursors"): one that
 * decodes to a NUL, broken Unicode or a time PostgreSQL can't compare with is
 * a 400 on `cursor`, never a failed query.
 */
describe("malformed cursors on /api/v1 lists", () => {
  it("are 400 naming cursor, whatever they decode to", async () => {
    const w = await apiWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const bad = [
      encodeCursor("2024-05-01T00:00:00.000Z", "a\u0000b"),
      encodeCursor("-271821-04-20T00:00:00.000Z", "abc"),
      encodeCursor("+275760-09-13T00:00:00.000Z", "abc"),
      encodeCursor("x\u0000", "abc"),
      raw(["2024-05-01T00:00:00.000Z", "\uD800"]),
      "%%%",
    ];
    for (const cursor of bad) {
      for (const [ep, params] of [
        [listArticles, { ws: w.ws }],
        [listEvents, { ws: w.ws }],
        [listSources, { ws: w.ws, claimId: c.id }],
      ] as const) {
        const res = await call<{ errors?: Record<string, string> }>(ep, { token: w.tokens.viewer, params, query: { cursor } });
        expect(res.status, `${ep.id} ${cursor}`).toBe(400);
        expect(res.body.errors, `${ep.id} ${cursor}`).toHaveProperty("cursor");
      }
    }
  });

  it("a cursor from the list itself still pages", async () => {
    const w = await apiWorld();
    await w.article();
    const first = await call<{ items: { id: string }[]; nextCursor: string }>(listArticles, { token: w.tokens.viewer, params: { ws: w.ws }, query: { limit: "1" } });
    const second = await call<{ items: { id: string }[] }>(listArticles, { token: w.tokens.viewer, params: { ws: w.ws }, query: { limit: "1", cursor: first.body.nextCursor } });
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});

/**
 * `limit` is digits only, on /api/v1 and the cookie routes alike (black-box s33, 8): "abc" had been
 * reported as “null” (NaN's JSON), "1e2" and "0x10" had been read as 100 and 16, and the two routes gave
 * "abc" different codes.
 */
describe("limit", () => {
  it("takes digits only, with one message and code on both kinds of route", async () => {
    const w = await apiWorld();
    await w.claim("about 40,000 vehicles a day");
    for (const limit of ["abc", "1e2", "0x10", " 5", "5 ", "1.5", "-1", "", "+5", "٥"]) {
      const v1 = await call<{ errors?: Record<string, string>; fieldCodes?: Record<string, { code: string }> }>(listClaims, { token: w.tokens.viewer, params: { ws: w.ws }, query: { limit } });
      expect(v1.status, JSON.stringify(limit)).toBe(400);
      expect(v1.body.errors, JSON.stringify(limit)).toEqual({ limit: "Limit: give a whole number from 1 to 100." });
      let cookie: DomainError | undefined;
      try {
        parseClaimFilters(new URLSearchParams({ limit }));
      } catch (err) {
        cookie = err as DomainError;
      }
      expect(cookie?.status, JSON.stringify(limit)).toBe(400);
      expect(cookie?.fields, JSON.stringify(limit)).toEqual({ limit: "Limit: give a whole number from 1 to 100." });
      expect(cookie?.extra?.fieldCodes, JSON.stringify(limit)).toEqual(v1.body.fieldCodes);
    }
    const ok = await call<{ items: unknown[] }>(listClaims, { token: w.tokens.viewer, params: { ws: w.ws }, query: { limit: "007" } });
    expect(ok.status).toBe(200);
    expect(ok.body.items).toHaveLength(1);
    expect(parseClaimFilters(new URLSearchParams({ limit: "100" })).limit).toBe(100);
  });
});
