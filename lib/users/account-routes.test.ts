import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { MAX_FAILURES } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { FIXTURE_PASSWORD, makeUser } from "@/lib/testing/fixtures";
import { POST as changePassword } from "@/app/api/account/password/route";
import { DELETE as signOutEverywhere } from "@/app/api/account/sessions/route";
import { GET as getLocale, PUT as putLocale } from "@/app/api/account/locale/route";

/** The account page's cookie routes; the session is set here as in lib/http/handler.test.ts. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

const ctx = { params: Promise.resolve({}) };
const req = (method: string, body?: unknown, from = "198.51.100.40") =>
  new Request("http://localhost/api/account", {
    method,
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** A user signed in on three browsers; the request comes from the first. */
async function signedInThrice() {
  const user = await makeUser();
  const [here, laptop, phone] = await Promise.all([createSession(user.id), createSession(user.id), createSession(user.id)]);
  session.user = { ...user, sessionId: here.id };
  return { user, here, laptop, phone };
}

const sessionIds = (userId: string) => db.session.findMany({ where: { userId }, select: { id: true } }).then((rows) => rows.map((r) => r.id).sort());
const hashOf = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } }).then((u) => u.passwordHash);

describe("POST /api/account/password", () => {
  it("changes the password and ends every other session; this one stays", async () => {
    const { user, here } = await signedInThrice();
    const res = await changePassword(req("POST", { currentPassword: FIXTURE_PASSWORD, newPassword: "a brand new password" }), ctx);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ endedSessions: 2 });
    expect(await sessionIds(user.id)).toEqual([here.id]);
    const hash = await hashOf(user.id);
    expect(await verifyPassword(hash, "a brand new password")).toBe(true);
    expect(await verifyPassword(hash, FIXTURE_PASSWORD)).toBe(false);
  });

  it("a wrong current password is a 422 naming the field; nothing changes", async () => {
    const { user } = await signedInThrice();
    const before = await hashOf(user.id);
    const res = await changePassword(req("POST", { currentPassword: "not it at all", newPassword: "a brand new password" }), ctx);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({ currentPassword: "That isn't your current password." });
    expect(await hashOf(user.id)).toBe(before);
    expect(await sessionIds(user.id)).toHaveLength(3);
  });

  it("a short or unchanged new password is refused naming newPassword", async () => {
    await signedInThrice();
    const short = await changePassword(req("POST", { currentPassword: FIXTURE_PASSWORD, newPassword: "short" }), ctx);
    expect(short.status).toBe(400);
    expect(((await short.json()) as { errors: object }).errors).toHaveProperty("newPassword");
    const same = await changePassword(req("POST", { currentPassword: FIXTURE_PASSWORD, newPassword: FIXTURE_PASSWORD }), ctx);
    expect(same.status).toBe(422);
    expect(((await same.json()) as { errors: object }).errors).toHaveProperty("newPassword");
  });

  it("guessing the current password is throttled like sign-in (429 after 5 failures)", async () => {
    const { user } = await signedInThrice();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await changePassword(req("POST", { currentPassword: `guess ${i}`, newPassword: "a brand new password" }), ctx)).status).toBe(422);
    }
    const res = await changePassword(req("POST", { currentPassword: FIXTURE_PASSWORD, newPassword: "a brand new password" }), ctx);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await res.json()) as { errors: object }).errors).toHaveProperty("currentPassword");
    expect(await verifyPassword(await hashOf(user.id), FIXTURE_PASSWORD)).toBe(true);
  });

  it("401 signed out", async () => {
    expect((await changePassword(req("POST", { currentPassword: "x", newPassword: "y".repeat(12) }), ctx)).status).toBe(401);
  });
});

describe("DELETE /api/account/sessions (sign out everywhere)", () => {
  it("ends every session of the user, this one included, and nobody else's", async () => {
    const other = await makeUser();
    const theirs = await createSession(other.id);
    const { user } = await signedInThrice();
    expect((await signOutEverywhere(req("DELETE"), ctx)).status).toBe(204);
    expect(await sessionIds(user.id)).toEqual([]);
    expect(await sessionIds(other.id)).toEqual([theirs.id]);
  });
});

describe("/api/account/locale", () => {
  it("saves a language and reads it back; null follows the browser again", async () => {
    const { user } = await signedInThrice();
    expect(await (await getLocale(req("GET"), ctx)).json()).toEqual({ locale: null });
    const saved = await putLocale(req("PUT", { locale: "ru" }), ctx);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ locale: "ru" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("ru");
    expect(await (await putLocale(req("PUT", { locale: null }), ctx)).json()).toEqual({ locale: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBeNull();
  });

  it("a language we don't have is a 400 naming the field; nothing changes", async () => {
    const { user } = await signedInThrice();
    await putLocale(req("PUT", { locale: "uk" }), ctx);
    for (const body of [{ locale: "de" }, { locale: "" }, {}]) {
      const res = await putLocale(req("PUT", body), ctx);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(((await res.json()) as { errors: object }).errors).toHaveProperty("locale");
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("uk");
  });

  it("signed out: 401", async () => {
    expect((await putLocale(req("PUT", { locale: "ru" }), ctx)).status).toBe(401);
  });
});
