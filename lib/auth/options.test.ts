import { describe, expect, it } from "vitest";
import type { User } from "next-auth";
import { db } from "@/lib/db/client";
import { FIXTURE_PASSWORD, makeUser, uniqueEmail } from "@/lib/testing/fixtures";
import { authOptions } from "./options";
import { MAX_FAILURES } from "./throttle";
import { THROTTLED_PREFIX } from "./throttle-message";

// CredentialsProvider(...) keeps the user's config in `.options`; next-auth v4 calls `.options.authorize`.
type Authorize = (credentials: Record<string, string> | undefined, req: object) => Promise<User | null>;
const authorize: Authorize = (credentials, req) =>
  (authOptions.providers[0] as { options: { authorize: Authorize } }).options.authorize(credentials, req);

const signIn = (email: string, password: string) => authorize({ email, password }, {});

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
});
