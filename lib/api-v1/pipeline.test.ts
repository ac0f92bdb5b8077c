import { NUL_MESSAGE } from "@/lib/validation/text";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { UNKNOWN_FIELD_MESSAGE } from "@/lib/http/problem";
import { ENDPOINTS } from "./endpoints";
import * as articlesRoute from "@/app/api/v1/workspaces/[ws]/articles/route";
import * as claimRoute from "@/app/api/v1/workspaces/[ws]/claims/[claimId]/route";
import * as unknownRoute from "@/app/api/v1/[...rest]/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import { getArticleEndpoint, listArticles } from "./endpoints/articles";
import { createClaimEndpoint, getClaimEndpoint, updateClaimEndpoint } from "./endpoints/claims";
import { listEvents } from "./endpoints/claim-parts";
import { encodeCursor } from "./pagination";
import { apiWorld, call } from "./testing";

/**
 * The shared pipeline (lib/http/pipeline.ts) as /api/v1 uses it: bad input
 * anywhere in a request is a 4xx naming where, never a 500, and nothing is written.
 * Every answer is also checked against the OpenAPI document by `call`.
 */
describe("v1: no 5xx on bad input", () => {
  it("a NUL in a body field is 400 naming it; nothing is written", async () => {
    const w = await apiWorld();
    const claim = await w.claim("about 40,000 vehicles a day");
    const res = await call(updateClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, claimId: claim.id }, body: { version: claim.version, statement: "forty\u0000thousand" } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ statement: NUL_MESSAGE });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(claim.version);
    const tags = await call(createClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { annotationId: "x", tags: ["ok", "b\u0000d"] } });
    expect(tags.status).toBe(400);
    expect(tags.body.errors).toEqual({ "tags.1": NUL_MESSAGE });
  });

  it("a NUL in a query filter is 400 naming the parameter", async () => {
    const w = await apiWorld();
    const res = await call(listArticles, { token: w.tokens.viewer, params: { ws: w.ws }, query: { q: "bridge\u0000" } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ q: NUL_MESSAGE });
    const events = await call(listEvents, { token: w.tokens.viewer, params: { ws: w.ws }, query: { claimId: "c\u0000" } });
    expect(events.status).toBe(400);
    expect(events.body.errors).toEqual({ claimId: NUL_MESSAGE });
  });

  it("path ids: NUL, malformed or absurdly long is 400 naming the parameter; well-formed but absent is 404", async () => {
    const w = await apiWorld();
    for (const claimId of ["c\u0000x", "x".repeat(5000), "a/b", "ü"]) {
      const res = await call(getClaimEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, claimId } });
      expect(res.status, JSON.stringify(claimId.slice(0, 10))).toBe(400);
      expect(Object.keys(res.body.errors as object)).toEqual(["claimId"]);
    }
    const ws = await call(getClaimEndpoint, { token: w.tokens.viewer, params: { ws: "%ZZ", claimId: "c1" } });
    expect(ws.status).toBe(400);
    expect(ws.body.errors).toEqual({ ws: "Not a valid id." });
    const absent = await call(getClaimEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, claimId: "clzzzzzzzzzzzzzzzzzzzzzzz" } });
    expect(absent.status).toBe(404);
  });

  it("every operation with query parameters refuses one it doesn't take, named, before doing anything (a misspelt filter would answer for everything)", async () => {
    const w = await apiWorld();
    const withQuery = ENDPOINTS.filter((ep) => ep.query instanceof z.ZodObject);
    expect(withQuery.length).toBeGreaterThan(15);
    const before = await db.claim.count();
    for (const ep of withQuery) {
      const params = Object.fromEntries([...ep.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, name === "ws" ? w.ws : "clzzzzzzzzzzzzzzzzzzzzzzz"]));
      const res = await call(ep, { token: w.tokens.admin, params, query: { reviewstate: "approved" }, body: ep.method === "GET" ? undefined : {} });
      expect(res.status, `${ep.method} ${ep.path}`).toBe(400);
      expect(res.body.errors, `${ep.method} ${ep.path}`).toEqual({ reviewstate: UNKNOWN_FIELD_MESSAGE });
    }
    expect(await db.claim.count()).toBe(before);
  });

  it("negative, fractional and huge limits are 400 naming `limit`", async () => {
    const w = await apiWorld();
    for (const limit of ["-1", "0", "2.5", "99999999999", "1e400", "abc"]) {
      const res = await call(listArticles, { token: w.tokens.viewer, params: { ws: w.ws }, query: { limit } });
      expect(res.status, limit).toBe(400);
      expect(Object.keys(res.body.errors as object)).toEqual(["limit"]);
    }
  });

  it("malformed cursors are 400 naming `cursor`: garbage, a NUL or non-id in the id, a date PostgreSQL can't hold", async () => {
    const w = await apiWorld();
    const cursors = [
      "!!!",
      Buffer.from("[1,2]").toString("base64url"),
      encodeCursor("2024-01-01T00:00:00.000Z", "id\u0000"),
      encodeCursor("2024-01-01T00:00:00.000Z", "x".repeat(500)),
      encodeCursor("-271821-04-20T00:00:00.000Z", "clzzzzzzzzzzzzzzzzzzzzzzz"),
      encodeCursor("+275760-09-13T00:00:00.000Z", "clzzzzzzzzzzzzzzzzzzzzzzz"),
    ];
    for (const ep of [listArticles, listEvents]) {
      for (const cursor of cursors) {
        const res = await call(ep, { token: w.tokens.viewer, params: { ws: w.ws }, query: { cursor } });
        expect(res.status, `${ep.id} ${cursor}`).toBe(400);
        expect(Object.keys(res.body.errors as object)).toEqual(["cursor"]);
      }
    }
  });

  it("revision=99999999999 and an If-Match beyond any version are 400, not 500", async () => {
    const w = await apiWorld();
    const res = await call(getArticleEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId: w.first.id }, query: { revision: "99999999999" } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors as object)).toEqual(["revision"]);
    const claim = await w.claim("about 40,000 vehicles a day");
    const ifMatch = await call(updateClaimEndpoint, {
      token: w.tokens.annotator,
      params: { ws: w.ws, claimId: claim.id },
      body: { statement: "x" },
      headers: { "if-match": '"99999999999"' },
    });
    expect(ifMatch.status).toBe(400);
    expect(ifMatch.body.errors).toHaveProperty("If-Match");
  });
});

describe("v1: Idempotency-Key on POSTs", () => {
  it("a retried create with the same key answers the first answer and makes one claim; another body under it is 422; a bad key 400", async () => {
    const w = await apiWorld();
    const h = await w.highlight("a third of their customers");
    const send = (body: unknown, key = "retry-4f1c") =>
      call(createClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body, headers: { "idempotency-key": key } });
    const first = await send({ annotationId: h.id, tags: ["retail"] });
    expect(first.status).toBe(201);
    const again = await send({ annotationId: h.id, tags: ["retail"] });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    // Rate-limit headers are this request's, not the stored ones.
    expect(Number(again.headers.get("ratelimit-remaining"))).toBeLessThan(Number(first.headers.get("ratelimit-remaining")));
    expect(await db.claim.count({ where: { workspaceId: w.workspace.id } })).toBe(1);

    const other = await send({ annotationId: h.id, tags: ["other"] });
    expect(other.status).toBe(422);
    expect(other.body.errors).toHaveProperty("Idempotency-Key");
    const bad = await send({ annotationId: h.id }, "k".repeat(300));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty("Idempotency-Key");
    // Without a key a repeat acts again (here: the highlight is already a claim's mention).
    expect((await call(createClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { annotationId: h.id } })).status).toBe(409);
    expect(await db.claim.count({ where: { workspaceId: w.workspace.id } })).toBe(1);
  });
});

describe("v1: unknown paths and methods", () => {
  it("an unknown /api/v1 path is a problem+json 404 for every method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      const res = await unknownRoute[method]();
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 404, title: "Not found" });
    }
  });

  it("a method a path doesn't have is 405 problem+json with Allow listing its methods", async () => {
    const ctx = { params: Promise.resolve({ ws: "x" }) };
    const put = await articlesRoute.PUT(new Request("http://localhost/api/v1/workspaces/x/articles", { method: "PUT" }), ctx);
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(put.headers.get("content-type")).toBe("application/problem+json");
    const post = await claimRoute.POST(new Request("http://localhost/api/v1/workspaces/x/claims/y", { method: "POST" }), ctx);
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, PATCH, DELETE, HEAD, OPTIONS");
    const doc = await openApiRoute.POST(new Request("http://localhost/api/v1/openapi.json", { method: "POST" }), ctx);
    expect(doc.status).toBe(405);
    expect(doc.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
