import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { conflict } from "@/lib/errors";
import { changeRole, changeRoleSchema } from "@/lib/members/change-role";
import { makeMember, makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { userRoute, workspaceRoute } from "./handler";
import { heartbeat, presenceSchema } from "@/lib/live/presence";
import { ClientAborted, errorResponse, readText } from "./pipeline";

/**
 * The session cookie is next-auth's (it needs Next's request context), so the
 * signed-in user is set here; everything after it (membership and permission
 * in the database, zod, the handler, problem+json) runs for real.
 */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

afterEach(() => {
  session.user = null;
  vi.restoreAllMocks();
});

function request(method: string, body?: unknown): Request {
  return new Request("http://localhost/api/test", {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

const ctx = (params: Record<string, string | string[]>) => ({ params: Promise.resolve(params) });

async function problemOf(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as { type: string; title: string; status: number; detail: string; errors?: Record<string, string> };
}

// The app's member route, as app/api/w/[slug]/members/[memberId]/route.ts builds it.
const patchMember = workspaceRoute("members.manage", { body: changeRoleSchema }, ({ access, params, body }) =>
  changeRole({ workspaceId: access.workspace.id, membershipId: params.memberId, role: body.role }),
);

describe("route handler wrapper", () => {
  it("answers 401 problem+json when nobody is signed in", async () => {
    const route = userRoute({}, async () => ({ ok: true }));
    const res = await route(request("GET"), ctx({}));
    expect(res.status).toBe(401);
    expect(await problemOf(res)).toMatchObject({ type: "about:blank", title: "Sign-in required", status: 401 });
  });

  it("a non-member gets 404 before the body is validated, so nothing leaks", async () => {
    const { workspace, adminMembership } = await makeWorkspace();
    session.user = await makeUser();
    const res = await patchMember(request("PATCH", { role: "emperor" }), ctx({ slug: workspace.slug, memberId: adminMembership.id }));
    expect(res.status).toBe(404);
    expect((await problemOf(res)).errors).toBeUndefined();
  });

  it("a member without the right gets 403", async () => {
    const { workspace, adminMembership } = await makeWorkspace();
    session.user = (await makeMember(workspace.id, "reviewer")).user;
    const res = await patchMember(request("PATCH", { role: "viewer" }), ctx({ slug: workspace.slug, memberId: adminMembership.id }));
    expect(res.status).toBe(403);
    expect(await problemOf(res)).toMatchObject({ title: "Forbidden", status: 403 });
  });

  it("an invalid body is 400 with the field named; a body that isn't JSON is 400 too", async () => {
    const { workspace, admin, adminMembership } = await makeWorkspace();
    session.user = admin;
    const params = ctx({ slug: workspace.slug, memberId: adminMembership.id });
    const bad = await patchMember(request("PATCH", { role: "emperor" }), params);
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors).toEqual({ role: "Choose a role: admin, reviewer, annotator or viewer." });

    const notJson = await patchMember(request("PATCH", "{not json"), params);
    expect(notJson.status).toBe(400);
    expect((await problemOf(notJson)).detail).toMatch(/JSON/);
  });

  it("an allowed member's request reaches the handler and its result is JSON", async () => {
    const { workspace, admin } = await makeWorkspace();
    const { membership } = await makeMember(workspace.id, "viewer");
    session.user = admin;
    const res = await patchMember(request("PATCH", { role: "reviewer" }), ctx({ slug: workspace.slug, memberId: membership.id }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: membership.id, role: "reviewer" });
  });

  it("a DomainError from the domain becomes its status as problem+json (the last admin stays)", async () => {
    const { workspace, admin, adminMembership } = await makeWorkspace();
    session.user = admin;
    const res = await patchMember(request("PATCH", { role: "viewer" }), ctx({ slug: workspace.slug, memberId: adminMembership.id }));
    expect(res.status).toBe(409);
    expect(await problemOf(res)).toMatchObject({ title: "Conflict", status: 409, detail: expect.stringMatching(/at least one admin/) });
  });

  it("field errors of a DomainError are passed on", async () => {
    session.user = await makeUser();
    const route = userRoute({}, async () => {
      throw conflict("Taken.", { email: "Already used." });
    });
    const res = await route(request("POST"), ctx({}));
    expect(await problemOf(res)).toMatchObject({ status: 409, detail: "Taken.", errors: { email: "Already used." } });
  });

  it("an unexpected error is a generic 500 that doesn't leak its message", async () => {
    session.user = await makeUser();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const route = userRoute({}, async () => {
      throw new Error("secret connection string");
    });
    const res = await route(request("GET"), ctx({}));
    expect(res.status).toBe(500);
    const body = await problemOf(res);
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(logged).toHaveBeenCalled();
  });

  it("undefined is 204 with no body; the route's status is used for results", async () => {
    session.user = await makeUser();
    const empty = await userRoute({}, async () => undefined)(request("DELETE"), ctx({}));
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");

    const created = await userRoute({ body: z.object({ name: z.string() }), status: 201 }, async ({ body, user }) => ({
      name: body.name,
      by: user.id,
    }))(request("POST", { name: "x" }), ctx({}));
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ name: "x", by: session.user.id });
  });

  it("catch-all params arrive joined with '/'", async () => {
    session.user = await makeUser();
    const route = userRoute({}, async ({ params }) => params);
    const res = await route(request("GET"), ctx({ path: ["a", "b", "c"], id: "7" }));
    expect(await res.json()).toEqual({ path: "a/b/c", id: "7" });
  });
});

describe("a request its client aborted (a page leaving mid-heartbeat)", () => {
  /** A request whose body breaks off as Node reports a client that went away: Error "aborted", ECONNRESET. */
  function abortedRequest(): Request {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"subject":"art'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    return new Request("http://localhost/api/w/x/presence", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
  }

  it("is answered quietly: no 'database unavailable' (nor any) log line, no 5xx, nothing written", async () => {
    const { workspace, admin } = await makeWorkspace();
    session.user = admin;
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const presence = workspaceRoute("workspace.view", { body: presenceSchema }, ({ access, body }) => heartbeat(access, body));
    const res = await presence(abortedRequest(), ctx({ slug: workspace.slug }));
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/aborted/);
    expect(errors).not.toHaveBeenCalled();
    await expect(readText(abortedRequest(), 1000)).rejects.toBeInstanceOf(ClientAborted);
    // The raw error from elsewhere is not taken for the database's either.
    expect(errorResponse(Object.assign(new Error("aborted"), { code: "ECONNRESET" })).status).toBe(400);
    expect(errors).not.toHaveBeenCalled();
    // A database that really is unreachable still logs and answers 503.
    expect(errorResponse(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })).status).toBe(503);
    expect(errors).toHaveBeenCalledTimes(1);
  });
});
