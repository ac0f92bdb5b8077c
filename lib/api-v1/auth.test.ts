import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { createArticle, listArticles } from "./endpoints/articles";
import { createClaimEndpoint, updateClaimEndpoint } from "./endpoints/claims";
import { getWorkspace, listWorkspaces } from "./endpoints/workspaces";
import { MAX_BODY_BYTES } from "./endpoint";
import { consumeRequest, rateLimit, windowStart } from "./rate-limit";
import { apiWorld, call } from "./testing";
import { createApiToken, hashToken, listApiTokens, resolveApiToken, revokeApiToken } from "./tokens";

describe("API tokens", () => {
  it("are random ct_ strings stored only as a SHA-256 hash with a short prefix", async () => {
    const { workspace, admin } = await makeWorkspace();
    const created = await createApiToken(admin.id, { name: "Script", workspace: workspace.slug });
    expect(created.token).toMatch(/^ct_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 11));
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const [listed] = await listApiTokens(admin.id);
    expect(listed).toMatchObject({ id: created.id, name: "Script", prefix: created.prefix, role: "admin", lastUsedAt: null, workspace: { slug: workspace.slug } });
    expect(listed).not.toHaveProperty("token");
  });

  it("only for a workspace the user belongs to (404 otherwise)", async () => {
    const { workspace } = await makeWorkspace();
    const outsider = await makeUser();
    await expect(createApiToken(outsider.id, { name: "x", workspace: workspace.slug })).rejects.toMatchObject({ status: 404 });
  });

  it("revoked tokens stop working; only the owner can revoke", async () => {
    const w = await apiWorld();
    const token = await createApiToken(w.annotator.id, { name: "x", workspace: w.ws });
    expect(await resolveApiToken(token.token)).toMatchObject({ userId: w.annotator.id });
    await expect(revokeApiToken(w.viewer.id, token.id)).rejects.toMatchObject({ status: 404 });
    await revokeApiToken(w.annotator.id, token.id);
    expect(await resolveApiToken(token.token)).toBeNull();
    const res = await call(listWorkspaces, { token: token.token });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect((await listApiTokens(w.annotator.id)).map((t) => t.id)).not.toContain(token.id);
  });

  it("record the last use, writing at most once a minute", async () => {
    const w = await apiWorld();
    const token = await createApiToken(w.viewer.id, { name: "x", workspace: w.ws });
    await call(listWorkspaces, { token: token.token });
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await call(listWorkspaces, { token: token.token });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(first);
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(Date.now() - 2 * 60_000) } });
    await call(listWorkspaces, { token: token.token });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 30_000);
  });
});

describe("the v1 wrapper", () => {
  it("401 without a token, with a malformed one and with an unknown one", async () => {
    const w = await apiWorld();
    for (const token of [null, "not-a-token", "ct_" + "x".repeat(43)]) {
      const res = await call(getWorkspace, { token, params: { ws: w.ws } });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const res = await call(getWorkspace, { params: { ws: w.ws }, headers: { authorization: "Basic eDp5" } });
    expect(res.status).toBe(401);
  });

  it("a token acts in its one workspace only: another workspace is 404, even one its owner belongs to", async () => {
    const w = await apiWorld();
    const { workspace: other } = await makeWorkspace(w.admin);
    const res = await call(getWorkspace, { token: w.tokens.admin, params: { ws: other.slug } });
    expect(res.status).toBe(404);
    const mine = await call(getWorkspace, { token: w.tokens.admin, params: { ws: w.ws } });
    expect(mine.body).toMatchObject({ slug: w.ws, role: "admin" });
  });

  it("acts with the owner's current role: a demoted member's token loses rights, a removed member's finds nothing", async () => {
    const w = await apiWorld();
    const token = await createApiToken(w.annotator.id, { name: "x", workspace: w.ws });
    const body = { format: "text", content: "A short article about the harbour.\n\nIt has two paragraphs." };
    expect((await call(createArticle, { token: token.token, params: { ws: w.ws }, body })).status).toBe(201);
    await db.membership.update({ where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: w.annotator.id } }, data: { role: "viewer" } });
    const demoted = await call(createArticle, { token: token.token, params: { ws: w.ws }, body: { ...body, content: body.content + " More." } });
    expect(demoted.status).toBe(403);
    expect((await call(listWorkspaces, { token: token.token })).body).toMatchObject({ items: [{ role: "viewer" }] });
    await db.membership.delete({ where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: w.annotator.id } } });
    expect((await call(listArticles, { token: token.token, params: { ws: w.ws } })).status).toBe(404);
    expect((await listApiTokens(w.annotator.id))[0].role).toBeNull();
  });

  it("403 for a viewer's change, before the body is even validated", async () => {
    const w = await apiWorld();
    const res = await call(createClaimEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, body: {} });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, title: "Forbidden" });
  });

  it("400 names the invalid fields; a body that isn't JSON is 400 too", async () => {
    const w = await apiWorld();
    const res = await call(createArticle, { token: w.tokens.annotator, params: { ws: w.ws }, body: { format: "rtf", content: 3 } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors as object)).toEqual(expect.arrayContaining(["format", "content"]));
    const notJson = await call(createArticle, { token: w.tokens.annotator, params: { ws: w.ws }, raw: "{nope", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.detail).toMatch(/JSON/);
    const badQuery = await call(listArticles, { token: w.tokens.viewer, params: { ws: w.ws }, query: { limit: "5000" } });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors).toHaveProperty("limit");
  });

  it("413 for a body over the limit: by Content-Length before reading, and by counting a body that doesn't declare it", async () => {
    const w = await apiWorld();
    const claim = await w.claim("about 40,000 vehicles a day");
    const big = JSON.stringify({ version: claim.version, statement: "x".repeat(MAX_BODY_BYTES) });
    const declared = await call(updateClaimEndpoint, {
      token: w.tokens.annotator,
      params: { ws: w.ws, claimId: claim.id },
      raw: big,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) },
    });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ status: 413, limit: MAX_BODY_BYTES });
    // A streamed body has no Content-Length: the bytes are counted while reading.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(MAX_BODY_BYTES / 8)));
        controller.close();
      },
    });
    const streamed = await call(updateClaimEndpoint, {
      token: w.tokens.annotator,
      params: { ws: w.ws, claimId: claim.id },
      raw: stream,
      headers: { "content-type": "application/json" },
    });
    expect(streamed.status).toBe(413);
  });

  it("429 once a token's requests in the current minute reach the limit, counted in PostgreSQL", async () => {
    const w = await apiWorld();
    const token = await createApiToken(w.viewer.id, { name: "busy", workspace: w.ws });
    const ok = await call(listWorkspaces, { token: token.token });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("ratelimit-limit")).toBe(String(rateLimit()));
    expect(Number(ok.headers.get("ratelimit-remaining"))).toBe(rateLimit() - 1);
    // Another app instance counted the rest of the window's requests.
    await db.apiRateWindow.update({ where: { tokenId_windowStart: { tokenId: token.id, windowStart: windowStart(new Date()) } }, data: { count: rateLimit() } });
    const limited = await call(listWorkspaces, { token: token.token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    // Other tokens are unaffected.
    expect((await call(listWorkspaces, { token: w.tokens.viewer })).status).toBe(200);
  });

  it("a fixed window: the count starts again in the next minute and old windows are cleared", async () => {
    const t0 = new Date("2030-01-01T10:00:30Z");
    const w = await apiWorld();
    const token = await createApiToken(w.viewer.id, { name: "x", workspace: w.ws });
    expect(await consumeRequest(token.id, t0, 2)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 30 });
    expect(await consumeRequest(token.id, t0, 2)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await consumeRequest(token.id, t0, 2)).toMatchObject({ allowed: false, remaining: 0 });
    const next = new Date("2030-01-01T10:01:05Z");
    expect(await consumeRequest(token.id, next, 2)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 55 });
    expect(await db.apiRateWindow.count({ where: { tokenId: token.id } })).toBe(1);
  });
});
