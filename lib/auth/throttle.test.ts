import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { uniqueEmail } from "@/lib/testing/fixtures";
import { MAX_FAILURES, WINDOW_MS, recordSignInAttempt, signInRetryAfterMs } from "./throttle";

const MINUTE = 60 * 1000;

/** Inserts attempts at explicit times: `minutesAgo` relative to `now`. */
async function attempts(email: string, now: Date, rows: { minutesAgo: number; succeeded: boolean }[]) {
  await db.signInAttempt.createMany({
    data: rows.map((r) => ({ email, succeeded: r.succeeded, createdAt: new Date(now.getTime() - r.minutesAgo * MINUTE) })),
  });
}

const failures = (...minutesAgo: number[]) => minutesAgo.map((m) => ({ minutesAgo: m, succeeded: false }));

describe("sign-in throttling", () => {
  it("allows sign-in after fewer than 5 failures", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, failures(1, 2, 3, 4));
    expect(await signInRetryAfterMs(email, now)).toBe(0);
  });

  it("5 failures within 15 minutes refuse sign-in until the oldest of them leaves the window", async () => {
    const email = uniqueEmail();
    const now = new Date();
    // The oldest counted failure is 10 minutes old, so 5 more minutes to wait.
    await attempts(email, now, failures(10, 9, 8, 7, 6));
    expect(MAX_FAILURES).toBe(5);
    expect(WINDOW_MS).toBe(15 * MINUTE);
    expect(await signInRetryAfterMs(email, now)).toBe(5 * MINUTE);
    // Just before and after the wait runs out.
    expect(await signInRetryAfterMs(email, new Date(now.getTime() + 5 * MINUTE - 1000))).toBe(1000);
    expect(await signInRetryAfterMs(email, new Date(now.getTime() + 5 * MINUTE))).toBe(0);
  });

  it("the wait is counted from the 5th most recent failure, not the oldest", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, failures(14, 12, 4, 3, 2, 1));
    // Five newest: 12, 4, 3, 2, 1 minutes ago → the 12-minute-old one leaves in 3 minutes.
    expect(await signInRetryAfterMs(email, now)).toBe(3 * MINUTE);
  });

  it("a success resets the count", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, [...failures(10, 9, 8, 7, 6), { minutesAgo: 5, succeeded: true }, ...failures(4, 3, 2, 1)]);
    expect(await signInRetryAfterMs(email, now)).toBe(0);
    // One more failure after the success makes five again.
    await attempts(email, now, failures(0.5));
    expect(await signInRetryAfterMs(email, now)).toBeGreaterThan(0);
  });

  it("failures older than the window don't count", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, failures(40, 30, 20, 16, 15.5, 1));
    expect(await signInRetryAfterMs(email, now)).toBe(0);
  });

  it("counts per email: another address's failures don't throttle this one", async () => {
    const noisy = uniqueEmail();
    const quiet = uniqueEmail();
    const now = new Date();
    await attempts(noisy, now, failures(5, 4, 3, 2, 1));
    expect(await signInRetryAfterMs(noisy, now)).toBeGreaterThan(0);
    expect(await signInRetryAfterMs(quiet, now)).toBe(0);
  });

  it("recordSignInAttempt writes rows the throttle counts", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInAttempt(email, false);
    const wait = await signInRetryAfterMs(email);
    expect(wait).toBeGreaterThan(WINDOW_MS - MINUTE);
    expect(wait).toBeLessThanOrEqual(WINDOW_MS);
    await recordSignInAttempt(email, true);
    expect(await signInRetryAfterMs(email)).toBe(0);
  });
});
