import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { claimWorld, explanation } from "@/lib/claims/test-world";
import * as comments from "@/app/api/w/[slug]/claims/[claimId]/comments/route";
import * as claimsRoute from "@/app/api/w/[slug]/claims/route";
import * as claimRoute from "@/app/api/w/[slug]/claims/[claimId]/route";
import * as members from "@/app/api/w/[slug]/members/[memberId]/route";
import * as signup from "@/app/api/signup/route";
import * as exportRoute from "@/app/api/w/[slug]/export/route";
import * as importBundleRoute from "@/app/api/w/[slug]/import-bundle/route";
import { makeUser } from "@/lib/testing/fixtures";
import { userRoute } from "./handler";
import { checkQuery, DROPPED_PARAMS_HEADER, MAX_BODY_BYTES, REPEATED_PARAMETER_MESSAGE, REPLACEMENT_CHARACTER_MESSAGE } from "./pipeline";
import { DROPPED_PARAMS_HEADER as SERVER_DROPPED_PARAMS_HEADER, droppedParams } from "@/scripts/lib/http-timeouts.mjs";
import { UNKNOWN_FIELD_MESSAGE } from "./problem";
import { findUnstorableText, NUL_MESSAGE } from "@/lib/validation/text";

/**
 * The shared request pipeline as the cookie routes use it (lib/http/handler.ts),
 * through the real route files against the real database. The session is
 * next-auth's (it needs Next's request context), so the signed-in user is set here.
 */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, method: string, params: Record<string, string>, body?: unknown, query = "", headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost/api/x${query}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return handler(req, { params: Promise.resolve(params) });
}

async function problemOf(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as { status: number; detail: string; errors?: Record<string, string>; limit?: number };
}

async function world() {
  const w = await claimWorld();
  const c = await w.claim("about 40,000 vehicles a day");
  return { ...w, c, p: { slug: w.workspace.slug, claimId: c.id } };
}

const commentCount = (claimId: string) => db.claimComment.count({ where: { claimId } });

describe("cookie routes: body size limit", () => {
  it("a 2.6 MB comment is refused with 413 and nothing is stored", async () => {
    const w = await world();
    session.user = w.annotator;
    // Within every rich-text limit (20,000 characters of text, 10 marks a node, 2,000-character links), 2.6 MB in all.
    const link = { type: "link", attrs: { href: "https://example.org/" + "a".repeat(1_950) } };
    const paragraph = { type: "paragraph", content: [{ type: "text", text: "x", marks: Array.from({ length: 10 }, () => link) }] };
    const huge = { body: { type: "doc", content: Array.from({ length: 130 }, () => paragraph) } };
    expect(JSON.stringify(huge).length).toBeGreaterThan(2_600_000);
    const res = await call(comments.POST as Handler, "POST", w.p, huge);
    expect(res.status).toBe(413);
    expect(await problemOf(res)).toMatchObject({ status: 413, limit: MAX_BODY_BYTES });
    expect(await commentCount(w.c.id)).toBe(0);
    // An ordinary one goes through.
    expect((await call(comments.POST as Handler, "POST", w.p, { body: explanation("Checked the count.") })).status).toBe(201);
    expect(await commentCount(w.c.id)).toBe(1);
  });

  it("a body that grows past the limit while streaming is refused too (no Content-Length to trust)", async () => {
    const w = await world();
    session.user = w.annotator;
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const req = new Request("http://localhost/api/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    const res = await (comments.POST as Handler)(req, { params: Promise.resolve(w.p) });
    expect(res.status).toBe(413);
    expect(await commentCount(w.c.id)).toBe(0);
  });
});

describe("cookie routes: text that can't be stored is a 400 naming where it is", () => {
  it("a NUL in a JSON field: 400 naming the field path, nothing written", async () => {
    const w = await world();
    session.user = w.annotator;
    const res = await call(comments.POST as Handler, "POST", w.p, { body: explanation("before\u0000after") });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual({ "body.content.0.content.0.text": NUL_MESSAGE });
    expect(await commentCount(w.c.id)).toBe(0);

    const edit = await call(claimRoute.PATCH as Handler, "PATCH", w.p, { version: w.c.version, claimant: "Coun\u0000cil" });
    expect(edit.status).toBe(400);
    expect((await problemOf(edit)).errors).toEqual({ claimant: NUL_MESSAGE });
    expect((await db.claim.findUniqueOrThrow({ where: { id: w.c.id } })).version).toBe(w.c.version);
  });

  it("an unpaired surrogate in a JSON field is refused the same way", async () => {
    const w = await world();
    session.user = w.annotator;
    const res = await call(comments.POST as Handler, "POST", w.p, `{"body":{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"a\\ud800b"}]}]}}`);
    expect(res.status).toBe(400);
    expect(Object.keys((await problemOf(res)).errors ?? {})).toEqual(["body.content.0.content.0.text"]);
    expect(await commentCount(w.c.id)).toBe(0);
  });

  it("bytes that aren't UTF-8 are a 400, not stored as U+FFFD", async () => {
    const w = await world();
    session.user = w.annotator;
    const bytes = Buffer.concat([Buffer.from('{"body":{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"a'), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('"}]}]}}')]);
    const res = await comments.POST(new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body: bytes }), { params: Promise.resolve(w.p) });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/UTF-8/);
    expect(await commentCount(w.c.id)).toBe(0);
  });

  it("a NUL in a query parameter (a list filter): 400 naming the parameter", async () => {
    const w = await world();
    session.user = w.viewer;
    const res = await call(claimsRoute.GET as Handler, "GET", { slug: w.workspace.slug }, undefined, "?q=bridge%00");
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual({ q: NUL_MESSAGE });
  });

  it("a NUL in a query parameter's name: 400 naming the parameter, the NUL written as \\u0000", async () => {
    const w = await world();
    session.user = w.viewer;
    const res = await call(claimsRoute.GET as Handler, "GET", { slug: w.workspace.slug }, undefined, "?a%00b=1");
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual({ "a\\u0000b": NUL_MESSAGE });
  });

  it("a CSV export whose filter holds a NUL is a 400 naming the filter, before any of the stream is sent", async () => {
    const w = await world();
    session.user = w.viewer;
    const res = await call(exportRoute.GET as Handler, "GET", { slug: w.workspace.slug }, undefined, "?format=csv&claimant=Coun%00cil");
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual({ claimant: NUL_MESSAGE });
  });

  it("path ids: a NUL or a malformed/absurdly long id is 400 naming it; a well-formed absent id is 404", async () => {
    const w = await world();
    session.user = w.viewer;
    const nul = await call(claimRoute.GET as Handler, "GET", { slug: w.workspace.slug, claimId: "cl\u0000x" });
    expect(nul.status).toBe(400);
    expect((await problemOf(nul)).errors).toEqual({ claimId: NUL_MESSAGE });
    const long = await call(claimRoute.GET as Handler, "GET", { slug: w.workspace.slug, claimId: "c".repeat(5000) });
    expect(long.status).toBe(400);
    expect((await problemOf(long)).errors).toEqual({ claimId: "Not a valid id." });
    const slug = await call(claimsRoute.GET as Handler, "GET", { slug: "a b" });
    expect(slug.status).toBe(400);
    expect((await problemOf(slug)).errors).toEqual({ slug: "Not a valid id." });
    const absent = await call(claimRoute.GET as Handler, "GET", { slug: w.workspace.slug, claimId: "clzzzzzzzzzzzzzzzzzzzzzzz" });
    expect(absent.status).toBe(404);
  });

  it("sign-up, which needs no session, has the same rules: NUL in a field is 400, not 500", async () => {
    const res = await call(signup.POST as Handler, "POST", {}, { email: "nul@example.org", name: "N\u0000", password: "correct horse battery staple" });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual({ name: NUL_MESSAGE });
    expect(await db.user.count({ where: { email: "nul@example.org" } })).toBe(0);
  });
});

describe("bundle import goes through the same boundary", () => {
  it("a NUL anywhere in a bundle is 400 naming its path; nothing is imported", async () => {
    const w = await world();
    session.user = w.admin;
    const bundle = JSON.stringify({ format: "claimtrail-bundle", version: 1, articles: [{ id: "a1", title: "Bridge\u0000" }] });
    const res = await call(importBundleRoute.POST as Handler, "POST", { slug: w.workspace.slug }, bundle, "?dryRun=false");
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual({ "articles.0.title": NUL_MESSAGE });
    expect(await db.article.count({ where: { workspaceId: w.workspace.id } })).toBe(1);
  });
});

describe("method not allowed", () => {
  it("a method a cookie route doesn't have is 405 problem+json with Allow", async () => {
    const w = await world();
    session.user = w.admin;
    const res = await call(members.GET as Handler, "GET", { slug: w.workspace.slug, memberId: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("PATCH, DELETE, OPTIONS");
    expect(await problemOf(res)).toMatchObject({ status: 405 });
    const put = await call(comments.PUT as Handler, "PUT", w.p, {});
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("POST, OPTIONS");
    const options = await call(claimsRoute.OPTIONS as Handler, "OPTIONS", { slug: w.workspace.slug });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
  });
});

describe("a lost database connection", () => {
  it("is 503 problem+json with Retry-After, not 500 (the app's own pool, its connection really terminated)", async () => {
    session.user = await makeUser();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const route = userRoute({}, () =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SELECT pg_terminate_backend(pg_backend_pid())");
        return tx.user.count();
      }),
    );
    const res = await route(new Request("http://localhost/api/x"), { params: Promise.resolve({}) });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await problemOf(res)).toMatchObject({ status: 503, title: "Service unavailable" });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    // The pool recovers: the next request is served.
    expect((await userRoute({}, async () => ({ users: await db.user.count() }))(new Request("http://localhost/api/x"), { params: Promise.resolve({}) })).status).toBe(200);
  });
});

describe("a transaction rolled back for timing", () => {
  it("is 503 problem+json with Retry-After saying nothing was saved, and nothing of it is stored", async () => {
    session.user = await makeUser();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const name = `never-${Date.now()}`;
    const route = userRoute({}, () =>
      db.$transaction(
        async (tx) => {
          await tx.user.update({ where: { id: session.user!.id }, data: { name } });
          await tx.$executeRaw`SELECT pg_sleep(0.4)`;
          return tx.user.count();
        },
        { timeout: 100 },
      ),
    );
    const res = await route(new Request("http://localhost/api/x"), { params: Promise.resolve({}) });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await problemOf(res)).toMatchObject({ status: 503, code: "unavailable", detail: expect.stringContaining("nothing was saved") });
    expect((await db.user.findUniqueOrThrow({ where: { id: session.user!.id } })).name).not.toBe(name);
    logged.mockRestore();
  });
});

describe("findUnstorableText", () => {
  it("walks deep nesting without recursion and names the path", () => {
    let deep: unknown = "ok\u0000";
    for (let i = 0; i < 100_000; i++) deep = { c: [deep] };
    const found = findUnstorableText(deep);
    expect(found?.why).toMatch(/NUL/);
    expect(found?.path.startsWith("c.0.c.0")).toBe(true);
    expect(findUnstorableText({ a: ["fine", { b: "😀" }] })).toBeNull();
    expect(findUnstorableText({ "k\u0000": 1 })?.path).toBe("k\u0000");
  });
});

describe("checkQuery: each parameter once, as text", () => {
  const errorsOf = (query: string, repeatable?: readonly string[], accepted?: readonly string[]) => {
    try {
      checkQuery(new URL(`http://localhost/api/x${query}`), { repeatable, accepted });
      return null;
    } catch (err) {
      return (err as { fields?: Record<string, string> }).fields ?? null;
    }
  };

  it("U+FFFD in a value (what %FF becomes over HTTP) is refused naming the parameter; in a name as _", () => {
    for (const q of ["?text=%EF%BF%BD", "?text=a\uFFFDb", "?text=%FF"]) expect(errorsOf(q), q).toEqual({ text: expect.stringMatching(/UTF-8/) });
    expect(errorsOf("?text=ok&q=x%EF%BF%BDy")).toEqual({ q: REPLACEMENT_CHARACTER_MESSAGE });
    expect(errorsOf("?%EF%BF%BD=1")).toEqual({ _: REPLACEMENT_CHARACTER_MESSAGE });
    expect(errorsOf(`?q=${encodeURIComponent("гарантии безопасности 😀")}`)).toBeNull();
  });

  it("a parameter given twice is refused naming it, unless it is one the operation lets repeat", () => {
    expect(errorsOf("?limit=1&limit=2")).toEqual({ limit: REPEATED_PARAMETER_MESSAGE });
    expect(errorsOf("?locale=ru&format=csv&locale=en&format=csv")).toEqual({ locale: REPEATED_PARAMETER_MESSAGE, format: REPEATED_PARAMETER_MESSAGE });
    expect(errorsOf("?limit=&limit=")).toEqual({ limit: REPEATED_PARAMETER_MESSAGE });
    expect(errorsOf("?tag=a&tag=b&format=csv", ["tag"])).toBeNull();
    expect(errorsOf("?tag=a&tag=b&limit=1&limit=1", ["tag"])).toEqual({ limit: REPEATED_PARAMETER_MESSAGE });
    expect(checkQuery(new URL("http://localhost/api/x?a=1&b=2"))).toEqual({ a: "1", b: "2" });
  });

  it("where a route lists what it accepts, any other parameter is refused naming it (repeated or not); without a list, none is", () => {
    const accepted = ["format", "tag", "reviewState"];
    expect(errorsOf("?format=csv&reviewstate=approved&limit=5", ["tag"], accepted)).toEqual({ reviewstate: UNKNOWN_FIELD_MESSAGE, limit: UNKNOWN_FIELD_MESSAGE });
    expect(errorsOf("?tags=a&tags=b", ["tag"], accepted)).toEqual({ tags: UNKNOWN_FIELD_MESSAGE });
    expect(errorsOf("?format=csv&tag=a&tag=b&reviewState=approved", ["tag"], accepted)).toBeNull();
    expect(errorsOf("?format=csv&format=csv", ["tag"], accepted)).toEqual({ format: REPEATED_PARAMETER_MESSAGE });
    expect(errorsOf("?anything=1")).toBeNull();
  });

  it("through a cookie route: the claims list with limit twice, and the export with tag twice", async () => {
    const w = await world();
    session.user = w.viewer;
    const twice = await call(claimsRoute.GET as Handler, "GET", { slug: w.workspace.slug }, undefined, "?limit=1&limit=2");
    expect(twice.status).toBe(400);
    expect((await problemOf(twice)).errors).toEqual({ limit: REPEATED_PARAMETER_MESSAGE });
    const tags = await call(exportRoute.GET as Handler, "GET", { slug: w.workspace.slug }, undefined, "?format=csv&tag=a&tag=b");
    expect(tags.status).toBe(200);
    await tags.text();
    const locales = await call(exportRoute.GET as Handler, "GET", { slug: w.workspace.slug }, undefined, "?format=csv&locale=ru&locale=en");
    expect(locales.status).toBe(400);
    expect((await problemOf(locales)).errors).toEqual({ locale: REPEATED_PARAMETER_MESSAGE });
  });

  it("a parameter Next.js dropped (__proto__), as the server reports it, is refused naming it: the export doesn't run", async () => {
    const w = await world();
    session.user = w.viewer;
    // What Next.js hands the route for ?format=csv&__proto__=1: the parameter gone, the server's header saying so.
    const dropped = { [DROPPED_PARAMS_HEADER]: "__proto__" };
    for (const [handler, query] of [
      [exportRoute.GET, "?format=csv"],
      [claimsRoute.GET, "?limit=1"],
    ] as const) {
      const res = await call(handler as Handler, "GET", { slug: w.workspace.slug }, undefined, query, dropped);
      expect(res.status).toBe(400);
      const body = await problemOf(res);
      expect(Object.keys(body.errors ?? {})).toEqual(["__proto__"]);
      expect(body.errors?.["__proto__"]).toBe(UNKNOWN_FIELD_MESSAGE);
      expect(JSON.parse(JSON.stringify(body)).fieldCodes).toEqual(JSON.parse('{"__proto__":{"code":"not_allowed"}}'));
    }
    expect(droppedParams("/api/w/x/export?format=csv&__proto__=1")).toEqual(["__proto__"]);
    expect(droppedParams("/api/w/x/export?format=csv&%5F%5Fproto%5F%5F=1")).toEqual(["__proto__"]);
    expect(droppedParams("/api/w/x/export?format=csv&constructor=1")).toEqual([]);
    expect(droppedParams("/api/w/x/export")).toEqual([]);
    // The server's module can't be imported by the app (it patches node:http), so the name is written twice.
    expect(SERVER_DROPPED_PARAMS_HEADER).toBe(DROPPED_PARAMS_HEADER);
  });
});

describe("a write that lost a race", () => {
  it("is a 404 when its row was deleted meanwhile and a 409 when its unique key was taken, not a 500 (real database errors)", async () => {
    const { errorResponse } = await import("./pipeline");
    const { makeWorkspace } = await import("@/lib/testing/fixtures");
    const { workspace } = await makeWorkspace();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const gone = await db.glossaryPair.delete({ where: { id: "no-such-pair" } }).catch((e: unknown) => e);
    const goneAnswer = errorResponse(gone);
    expect(goneAnswer.status).toBe(404);
    expect(await goneAnswer.json()).toMatchObject({ status: 404, code: "not_found" });

    const pair = { workspaceId: workspace.id, language: "ru", term: "осада", english: "siege" };
    await db.glossaryPair.create({ data: pair });
    const taken = await db.glossaryPair.create({ data: pair }).catch((e: unknown) => e);
    const takenAnswer = errorResponse(taken);
    expect(takenAnswer.status).toBe(409);
    expect(await takenAnswer.json()).toMatchObject({ status: 409, code: "conflict" });

    expect(errorResponse(new Error("something else")).status).toBe(500);
  });
});
