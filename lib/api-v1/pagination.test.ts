import { describe, expect, it } from "vitest";
import { listArticles } from "./endpoints/articles";
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
