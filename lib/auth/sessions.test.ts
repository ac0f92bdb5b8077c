import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { makeUser } from "@/lib/testing/fixtures";
import { authOptions } from "./options";
import { SESSION_MAX_AGE_S, createSession, endUserSessions } from "./sessions";

/**
 * next-auth's own callbacks, as it calls them: `jwt` with the user at sign-in
 * (the token then goes into the cookie), `session` on every getServerSession
 * (currentUser) and /api/auth/session, `events.signOut` on sign-out.
 */
const callbacks = authOptions.callbacks!;

async function signIn(user: { id: string; email: string; name: string }): Promise<JWT> {
  return callbacks.jwt!({ token: { sub: undefined, name: user.name, email: user.email }, user, account: null } as never);
}

/** What getServerSession hands to currentUser() for this token: the user, or nothing (signed out). */
async function sessionFor(token: JWT) {
  const session = (await callbacks.session!({ session: { user: { name: "from token" }, expires: "" }, token } as never)) as {
    user?: { id: string; email: string; name: string; locale: string | null };
    sessionId?: string;
  };
  return session.user ?? null;
}

describe("sessions", () => {
  it("signing in creates a Session row named in the token; the session reads the user from it", async () => {
    const user = await makeUser();
    const token = await signIn(user);
    expect(token.sub).toBe(user.id);
    const row = await db.session.findUniqueOrThrow({ where: { id: token.sid as string } });
    expect(row.userId).toBe(user.id);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SESSION_MAX_AGE_S * 1000);
    expect(await sessionFor(token)).toEqual({ id: user.id, email: user.email, name: user.name, locale: null });
  });

  it("the session carries the saved UI language, and a changed choice shows on the next read of the same token", async () => {
    const user = await makeUser();
    const token = await signIn(user);
    expect(await sessionFor(token)).toMatchObject({ locale: null });
    await db.user.update({ where: { id: user.id }, data: { locale: "ru" } });
    expect(await sessionFor(token)).toMatchObject({ id: user.id, locale: "ru" });
    await db.user.update({ where: { id: user.id }, data: { locale: "uk" } });
    expect(await sessionFor(token)).toMatchObject({ locale: "uk" });
  });

  it("sign-out ends the session: the same token no longer signs anyone in", async () => {
    const user = await makeUser();
    const token = await signIn(user);
    const other = await signIn(user);
    await authOptions.events!.signOut!({ token, session: null as never });
    expect(await sessionFor(token)).toBeNull();
    expect(await db.session.count({ where: { id: token.sid as string } })).toBe(0);
    // Another browser of the same person stays signed in.
    expect(await sessionFor(other)).toMatchObject({ id: user.id });
  });

  it("signing out everywhere ends every session of that user, and only theirs", async () => {
    const [ada, bob] = await Promise.all([makeUser(), makeUser()]);
    const adaTokens = await Promise.all([signIn(ada), signIn(ada), signIn(ada)]);
    const bobToken = await signIn(bob);
    expect(await endUserSessions(ada.id)).toBe(3);
    for (const token of adaTokens) expect(await sessionFor(token)).toBeNull();
    expect(await sessionFor(bobToken)).toMatchObject({ id: bob.id });
  });

  it("a token without a session id (issued before sessions were revocable), or with someone else's, is signed out", async () => {
    const [ada, bob] = await Promise.all([makeUser(), makeUser()]);
    expect(await sessionFor({ sub: ada.id })).toBeNull();
    const bobToken = await signIn(bob);
    expect(await sessionFor({ sub: ada.id, sid: bobToken.sid })).toBeNull();
  });

  it("an expired session is signed out, and is deleted at the user's next sign-in", async () => {
    const user = await makeUser();
    const old = await createSession(user.id, new Date(Date.now() - SESSION_MAX_AGE_S * 1000 - 1000));
    expect(await sessionFor({ sub: user.id, sid: old.id })).toBeNull();
    await signIn(user);
    expect(await db.session.count({ where: { id: old.id } })).toBe(0);
  });

  it("deleting the account ends its sessions", async () => {
    const user = await makeUser();
    const token = await signIn(user);
    await db.user.delete({ where: { id: user.id } });
    expect(await sessionFor(token)).toBeNull();
  });
});
