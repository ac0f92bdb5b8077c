import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { User } from "next-auth";
import { db } from "@/lib/db/client";
import { FIXTURE_PASSWORD, makeUser, uniqueEmail } from "@/lib/testing/fixtures";
import { authOptions } from "./options";
import { MAX_FAILURES, reserveSignInAttempt } from "./throttle";
import { THROTTLED_PREFIX } from "./throttle-message";

// CredentialsProvider(...) keeps the user's config in `.options`; next-auth v4 calls `.options.authorize`.
type Authorize = (credentials: Record<string, string> | undefined, req: object) => Promise<User | null>;
const authorize: Authorize = (credentials, req) =>
  (authOptions.providers[0] as { options: { authorize: Authorize } }).options.authorize(credentials, req);

/** The address sign-ins come from unless a test says otherwise: a new one per test, so per-address counts don't add up across tests. */
let defaultAddress = "203.0.113.7";
beforeEach(() => {
  defaultAddress = `203.0.113.${Math.floor(Math.random() * 254) + 1}, 2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::1`;
});

const signIn = (email: string, password: string, from = defaultAddress) => authorize({ email, password }, { headers: { "x-forwarded-for": from } });

/** What happened to each of a burst of sign-ins: signed in, wrong password (evaluated) or throttled (not evaluated). */
async function outcomes(calls: Promise<User | null>[]) {
  const settled = await Promise.allSettled(calls);
  return settled.map((r) => {
    if (r.status === "fulfilled") return r.value ? "signed-in" : "wrong";
    expect((r.reason as Error).message.startsWith(THROTTLED_PREFIX)).toBe(true);
    return "throttled";
  });
}

function attemptsFor(email: string) {
  return db.signInAttempt.findMany({ where: { email }, orderBy: { createdAt: "asc" }, select: { succeeded: true } });
}

describe("credentials sign-in (next-auth authorize)", () => {
  it("the right password returns the user and records a success", async () => {
    const user = await makeUser();
    await expect(signIn(user.email, FIXTURE_PASSWORD)).resolves.toEqual({ id: user.id, email: user.email, name: user.name });
    expect(await attemptsFor(user.email)).toEqual([{ succeeded: true }]);
  });

  it("a wrong password returns null and records a failure", async () => {
    const user = await makeUser();
    expect(await signIn(user.email, "not the password")).toBeNull();
    expect(await attemptsFor(user.email)).toEqual([{ succeeded: false }]);
  });

  it("an unknown email returns null and records a failure, like a wrong password", async () => {
    const email = uniqueEmail("nobody");
    expect(await signIn(email, FIXTURE_PASSWORD)).toBeNull();
    expect(await attemptsFor(email)).toEqual([{ succeeded: false }]);
  });

  it("malformed credentials return null and record no attempt", async () => {
    const email = uniqueEmail();
    expect(await authorize(undefined, {})).toBeNull();
    expect(await signIn("not-an-email", "x")).toBeNull();
    expect(await signIn(email, "")).toBeNull();
    expect(await attemptsFor(email)).toEqual([]);
    expect(await attemptsFor("not-an-email")).toEqual([]);
  });

  it("email is case-insensitive, for signing in and for counting failures", async () => {
    const user = await makeUser();
    const shouted = `  ${user.email.toUpperCase()} `;
    await expect(signIn(shouted, FIXTURE_PASSWORD)).resolves.toMatchObject({ id: user.id });
    expect(await signIn(shouted, "wrong password")).toBeNull();
    expect(await attemptsFor(user.email)).toEqual([{ succeeded: true }, { succeeded: false }]);
  });

  it("after 5 failures even the right password is refused with a THROTTLED error giving the wait", async () => {
    const user = await makeUser();
    for (let i = 0; i < MAX_FAILURES; i++) {
      // Mixed case counts against the same account.
      expect(await signIn(i % 2 ? user.email.toUpperCase() : user.email, `wrong ${i}`)).toBeNull();
    }
    const err = await signIn(user.email, FIXTURE_PASSWORD).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message.startsWith(THROTTLED_PREFIX)).toBe(true);
    const seconds = Number(err!.message.slice(THROTTLED_PREFIX.length));
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    // A refused attempt is not itself recorded (it never got to check the password).
    expect(await attemptsFor(user.email)).toHaveLength(MAX_FAILURES);
  });

  it("a burst of 30 concurrent wrong guesses gets at most 5 evaluated", async () => {
    const user = await makeUser();
    const results = await outcomes(Array.from({ length: 30 }, (_, i) => signIn(user.email, `wrong ${i}`)));
    expect(results.filter((r) => r === "wrong")).toHaveLength(MAX_FAILURES);
    expect(results.filter((r) => r === "throttled")).toHaveLength(30 - MAX_FAILURES);
    expect(await attemptsFor(user.email)).toHaveLength(MAX_FAILURES);
  });

  it("after 4 failures, a burst holding the right password: it signs in only as the 5th attempt, and no 6th failure is evaluated", async () => {
    for (const position of [0, 15, 29]) {
      const user = await makeUser();
      for (let i = 0; i < MAX_FAILURES - 1; i++) expect(await signIn(user.email, `wrong ${i}`)).toBeNull();
      const burst = Array.from({ length: 30 }, (_, i) => signIn(user.email, i === position ? FIXTURE_PASSWORD : `burst ${i}`));
      const results = await outcomes(burst);
      // Attempts in the order they were counted: the 5th decides.
      const rows = (await attemptsFor(user.email)).map((r) => r.succeeded);
      expect(rows.slice(0, MAX_FAILURES - 1)).toEqual([false, false, false, false]);
      if (rows[MAX_FAILURES - 1]) {
        // The right password came 5th: it signs in, which starts a fresh count of 5 for the rest of the burst.
        expect(results[position]).toBe("signed-in");
        expect(rows.slice(MAX_FAILURES).every((ok) => ok === false)).toBe(true);
        expect(rows.length).toBeLessThanOrEqual(2 * MAX_FAILURES);
      } else {
        // A wrong guess came 5th: nothing else in the burst is evaluated, and the right password does not sign in.
        expect(rows).toHaveLength(MAX_FAILURES);
        expect(results[position]).toBe("throttled");
        expect(results.filter((r) => r === "signed-in")).toHaveLength(0);
      }
      expect(results.filter((r) => r !== "throttled").length).toBe(rows.length - (MAX_FAILURES - 1));
    }
  });

  it("while a 5th attempt is being checked, a burst with the right password is refused and does not sign in", async () => {
    const user = await makeUser();
    const from = "203.0.113.99";
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect(await signIn(user.email, `wrong ${i}`, from)).toBeNull();
    const inFlight = await reserveSignInAttempt(user.email, from);
    expect(inFlight.allowed).toBe(true);
    const results = await outcomes(Array.from({ length: 30 }, (_, i) => signIn(user.email, i % 3 ? `burst ${i}` : FIXTURE_PASSWORD, from)));
    expect(results.every((r) => r === "throttled")).toBe(true);
  });

  it("a stranger's failures from elsewhere don't lock the owner out at their usual address", async () => {
    const user = await makeUser();
    const home = "198.51.100.20";
    const stranger = "2001:db8:aa:bb::1";
    await expect(signIn(user.email, FIXTURE_PASSWORD, home)).resolves.toMatchObject({ id: user.id });
    for (let i = 0; i < MAX_FAILURES; i++) expect(await signIn(user.email, `wrong ${i}`, stranger)).toBeNull();
    // Another host in the stranger's /64, and any new address, are refused; the owner at home is not.
    await expect(signIn(user.email, FIXTURE_PASSWORD, "2001:db8:aa:bb::2")).rejects.toThrow(THROTTLED_PREFIX);
    await expect(signIn(user.email, FIXTURE_PASSWORD, "198.51.100.21")).rejects.toThrow(THROTTLED_PREFIX);
    await expect(signIn(user.email, FIXTURE_PASSWORD, home)).resolves.toMatchObject({ id: user.id });
  });

  it("addresses come from X-Forwarded-For's last entry: entries a client prepends are ignored", async () => {
    const user = await makeUser();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await signIn(user.email, `wrong ${i}`, `10.9.9.${i}, 198.51.100.77`)).toBeNull();
    }
    const rows = await db.signInAttempt.findMany({ where: { email: user.email }, select: { address: true } });
    expect(new Set(rows.map((r) => r.address))).toEqual(new Set(["198.51.100.77"]));
  });
});
