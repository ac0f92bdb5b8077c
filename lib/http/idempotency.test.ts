import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashBody, IDEMPOTENCY_TTL_MS, IN_FLIGHT_TAKEOVER_MS, withIdempotency, type IdempotentRequest } from "./idempotency";

/** Against the real database: the keys live in PostgreSQL, shared by every instance. */
function request(over: Partial<IdempotentRequest> = {}): IdempotentRequest {
  return { key: randomUUID(), actorId: `token-${randomUUID()}`, method: "POST", path: "/api/v1/w/news/claims", bodyHash: hashBody('{"statement":"x"}'), ...over };
}

/** A handler that counts its runs and answers 201 with a fresh id each time. */
function handler() {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    run: async () => {
      runs++;
      return Response.json({ id: randomUUID(), run: runs }, { status: 201, headers: { location: "/api/v1/w/news/claims/abc", "set-cookie": "a=b" } });
    },
  };
}

describe("withIdempotency", () => {
  it("runs a request once and replays its stored answer to a retry with the same key", async () => {
    const req = request();
    const h = handler();
    const first = await withIdempotency(req, h.run);
    expect(first.status).toBe(201);
    const body = await first.json();
    const again = await withIdempotency(req, h.run);
    expect(h.runs).toBe(1);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe("/api/v1/w/news/claims/abc");
    expect(again.headers.get("content-type")).toMatch(/json/);
    expect(again.headers.get("set-cookie")).toBeNull();
    const row = await db.idempotencyKey.findUniqueOrThrow({ where: { actorId_key: { actorId: req.actorId, key: req.key } } });
    expect(row).toMatchObject({ status: 201, method: "POST", path: req.path, requestHash: req.bodyHash });
  });

  it("the same key with another body, path or method is 422 naming the header; nothing runs", async () => {
    const req = request();
    const h = handler();
    await withIdempotency(req, h.run);
    for (const other of [{ bodyHash: hashBody('{"statement":"y"}') }, { path: "/api/v1/w/news/articles" }, { method: "PUT" }]) {
      const res = await withIdempotency({ ...req, ...other }, h.run);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await res.json()).errors).toHaveProperty("Idempotency-Key");
    }
    expect(h.runs).toBe(1);
  });

  it("two concurrent requests with one key: one runs, the other gets 409 with Retry-After, then the answer", async () => {
    const req = request();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = async () => {
      runs++;
      await gate; // the first one stays in flight until the other has been answered
      return Response.json({ ok: true }, { status: 201 });
    };
    const a = withIdempotency(req, run);
    const b = withIdempotency(req, run);
    const settled = await Promise.race([a.then((r) => ["a", r] as const), b.then((r) => ["b", r] as const)]);
    const [loser, loserResponse] = settled;
    expect(loserResponse.status).toBe(409);
    expect(loserResponse.headers.get("retry-after")).toBe("1");
    expect((await loserResponse.json()).errors).toHaveProperty("Idempotency-Key");
    release();
    const winner = await (loser === "a" ? b : a);
    expect(winner.status).toBe(201);
    expect(runs).toBe(1);
    const retry = await withIdempotency(req, run);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(runs).toBe(1);
  });

  it("a 5xx answer or a thrown error is not stored: the retry runs again", async () => {
    const req = request();
    let runs = 0;
    const failing = async () => {
      runs++;
      return new Response("down", { status: 503 });
    };
    expect((await withIdempotency(req, failing)).status).toBe(503);
    await expect(
      withIdempotency(req, async () => {
        runs++;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const h = handler();
    expect((await withIdempotency(req, h.run)).status).toBe(201);
    expect([runs, h.runs]).toEqual([2, 1]);
  });

  it("keys belong to one actor, expire after 24 hours, and a key abandoned in flight is taken over", async () => {
    const req = request();
    const h = handler();
    await withIdempotency(req, h.run);
    // Another client's identical key is its own.
    expect((await withIdempotency({ ...req, actorId: `token-${randomUUID()}` }, h.run)).headers.get("idempotent-replayed")).toBeNull();
    expect(h.runs).toBe(2);
    // Expired: pruned, and the request runs afresh.
    await db.idempotencyKey.updateMany({ where: { actorId: req.actorId, key: req.key }, data: { createdAt: new Date(Date.now() - IDEMPOTENCY_TTL_MS - 1000) } });
    expect((await withIdempotency(req, h.run)).headers.get("idempotent-replayed")).toBeNull();
    expect(h.runs).toBe(3);
    // In flight for longer than any request can take: its instance died; the retry takes it over.
    const stuck = request();
    await db.idempotencyKey.create({ data: { actorId: stuck.actorId, key: stuck.key, method: stuck.method, path: stuck.path, requestHash: stuck.bodyHash, lockedAt: new Date(Date.now() - IN_FLIGHT_TAKEOVER_MS - 1000) } });
    expect((await withIdempotency(stuck, h.run)).status).toBe(201);
    expect(h.runs).toBe(4);
  });

  it("an invalid key is 400 naming the header", async () => {
    const h = handler();
    for (const key of ["", "x".repeat(256), "caf\u00e9", "a\u0000b"]) {
      const res = await withIdempotency(request({ key }), h.run);
      expect(res.status).toBe(400);
      expect((await res.json()).errors).toHaveProperty("Idempotency-Key");
    }
    expect(h.runs).toBe(0);
  });
});
