import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { unique, uniqueEmail } from "@/lib/testing/fixtures";
import {
  KEEP_FAILURES_MS,
  KNOWN_ADDRESS_MS,
  MAX_ADDRESS_FAILURES,
  MAX_FAILURES,
  WINDOW_MS,
  pruneSignInAttempts,
  reserveSignInAttempt,
  settleSignInAttempt,
  signInRetryAfterMs,
} from "./throttle";

const MINUTE = 60 * 1000;

/** An address no other test uses, so per-address counts (50 over all accounts) don't mix between tests. */
const address = () => `test-${unique("a")}`;

/** The address most attempts here come from: a new one for each test. */
let HOME = address();
beforeEach(() => {
  HOME = address();
});

/** Inserts settled attempts at explicit times: `minutesAgo` relative to `now`. */
async function attempts(email: string, now: Date, rows: { minutesAgo: number; succeeded: boolean | null; address?: string }[]) {
  await db.signInAttempt.createMany({
    data: rows.map((r) => ({ email, address: r.address ?? HOME, succeeded: r.succeeded, createdAt: new Date(now.getTime() - r.minutesAgo * MINUTE) })),
  });
}

const failures = (...minutesAgo: number[]) => minutesAgo.map((m) => ({ minutesAgo: m, succeeded: false }));

describe("sign-in throttling: the counts", () => {
  it("allows sign-in after fewer than 5 failures", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, failures(1, 2, 3, 4));
    expect(await signInRetryAfterMs(email, HOME, now)).toBe(0);
  });

  it("5 failures within 15 minutes refuse sign-in until the oldest of them leaves the window", async () => {
    const email = uniqueEmail();
    const now = new Date();
    // The oldest counted failure is 10 minutes old, so 5 more minutes to wait.
    await attempts(email, now, failures(10, 9, 8, 7, 6));
    expect(MAX_FAILURES).toBe(5);
    expect(WINDOW_MS).toBe(15 * MINUTE);
    expect(await signInRetryAfterMs(email, HOME, now)).toBe(5 * MINUTE);
    expect(await signInRetryAfterMs(email, HOME, new Date(now.getTime() + 5 * MINUTE - 1000))).toBe(1000);
    expect(await signInRetryAfterMs(email, HOME, new Date(now.getTime() + 5 * MINUTE))).toBe(0);
  });

  it("the wait is counted from the 5th most recent failure, not the oldest", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, failures(14, 12, 4, 3, 2, 1));
    expect(await signInRetryAfterMs(email, HOME, now)).toBe(3 * MINUTE);
  });

  it("a success resets the count", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, [...failures(10, 9, 8, 7, 6), { minutesAgo: 5, succeeded: true }, ...failures(4, 3, 2, 1)]);
    expect(await signInRetryAfterMs(email, HOME, now)).toBe(0);
    await attempts(email, now, failures(0.5));
    expect(await signInRetryAfterMs(email, HOME, now)).toBeGreaterThan(0);
  });

  it("an attempt still being checked (succeeded null) counts as a failure", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, [...failures(4, 3, 2, 1), { minutesAgo: 0.5, succeeded: null }]);
    expect(await signInRetryAfterMs(email, HOME, now)).toBeGreaterThan(0);
  });

  it("failures older than the window don't count", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, failures(40, 30, 20, 16, 15.5, 1));
    expect(await signInRetryAfterMs(email, HOME, now)).toBe(0);
  });

  it("counts per email: another address's failures don't throttle this one", async () => {
    const noisy = uniqueEmail();
    const quiet = uniqueEmail();
    const now = new Date();
    await attempts(noisy, now, failures(5, 4, 3, 2, 1));
    expect(await signInRetryAfterMs(noisy, HOME, now)).toBeGreaterThan(0);
    expect(await signInRetryAfterMs(quiet, HOME, now)).toBe(0);
  });
});

describe("sign-in throttling: per account and per client address", () => {
  it("a stranger's 5 failures don't lock the owner out where they signed in before", async () => {
    const email = uniqueEmail();
    const now = new Date();
    const stranger = address();
    await attempts(email, now, [{ minutesAgo: 3 * 24 * 60, succeeded: true, address: HOME }]);
    await attempts(email, now, failures(5, 4, 3, 2, 1).map((f) => ({ ...f, address: stranger })));
    // The stranger is refused, and so is any address the account never signed in from...
    expect(await signInRetryAfterMs(email, stranger, now)).toBe(10 * MINUTE);
    expect(await signInRetryAfterMs(email, address(), now)).toBe(10 * MINUTE);
    // ...but the owner's usual address is not.
    expect(await signInRetryAfterMs(email, HOME, now)).toBe(0);
  });

  it("the usual address has its own count of 5", async () => {
    const email = uniqueEmail();
    const now = new Date();
    await attempts(email, now, [{ minutesAgo: 60, succeeded: true, address: HOME }, ...failures(5, 4, 3, 2, 1)]);
    expect(await signInRetryAfterMs(email, HOME, now)).toBe(10 * MINUTE);
  });

  it("an address stops being usual 30 days after its last success", async () => {
    const email = uniqueEmail();
    const now = new Date();
    const stranger = address();
    await attempts(email, now, [{ minutesAgo: KNOWN_ADDRESS_MS / MINUTE + 1, succeeded: true, address: HOME }]);
    await attempts(email, now, failures(5, 4, 3, 2, 1).map((f) => ({ ...f, address: stranger })));
    expect(await signInRetryAfterMs(email, HOME, now)).toBeGreaterThan(0);
  });

  it(`one address failing ${MAX_ADDRESS_FAILURES} times over many accounts is refused for every account`, async () => {
    const now = new Date();
    const sprayer = address();
    const emails = Array.from({ length: MAX_ADDRESS_FAILURES }, () => uniqueEmail("sprayed"));
    await db.signInAttempt.createMany({
      data: emails.map((email, i) => ({ email, address: sprayer, succeeded: false, createdAt: new Date(now.getTime() - (10 * MINUTE - i * 1000)) })),
    });
    expect(await signInRetryAfterMs(uniqueEmail(), sprayer, now)).toBeGreaterThan(0);
    expect(await signInRetryAfterMs(uniqueEmail(), address(), now)).toBe(0);
  });
});

describe("sign-in throttling: reserving attempts", () => {
  it("100 concurrent reservations for one account and address: exactly 5 are allowed", async () => {
    const email = uniqueEmail();
    const from = address();
    const results = await Promise.all(Array.from({ length: 100 }, () => reserveSignInAttempt(email, from)));
    expect(results.filter((r) => r.allowed)).toHaveLength(MAX_FAILURES);
    expect(await db.signInAttempt.count({ where: { email } })).toBe(MAX_FAILURES);
    for (const r of results) if (!r.allowed) expect(r.retryAfterMs).toBeGreaterThan(WINDOW_MS - MINUTE);
  });

  it("a settled success frees the account again", async () => {
    const email = uniqueEmail();
    const from = address();
    const reservations = [];
    for (let i = 0; i < MAX_FAILURES; i++) reservations.push(await reserveSignInAttempt(email, from));
    expect((await reserveSignInAttempt(email, from)).allowed).toBe(false);
    const last = reservations.at(-1)!;
    if (!last.allowed) throw new Error("expected a reservation");
    await settleSignInAttempt(last.attemptId, true);
    expect((await reserveSignInAttempt(email, from)).allowed).toBe(true);
  });
});

describe("sign-in throttling: old rows are pruned", () => {
  it("deletes failures older than a day and successes older than 30 days; keeps the rest", async () => {
    const email = uniqueEmail("prune");
    const now = new Date();
    const day = KEEP_FAILURES_MS / MINUTE;
    await attempts(email, now, [
      { minutesAgo: day + 10, succeeded: false }, // gone
      { minutesAgo: day + 10, succeeded: null }, // gone: never settled
      { minutesAgo: day - 10, succeeded: false }, // kept
      { minutesAgo: day + 10, succeeded: true }, // kept: still makes the address known
      { minutesAgo: KNOWN_ADDRESS_MS / MINUTE + 10, succeeded: true }, // gone
    ]);
    // Pruning goes in batches; repeat until this run's old rows (and any others) are gone.
    while ((await pruneSignInAttempts(db, now)) > 0);
    const left = await db.signInAttempt.findMany({ where: { email }, orderBy: { createdAt: "asc" }, select: { succeeded: true } });
    expect(left).toEqual([{ succeeded: true }, { succeeded: false }]);
  });

  it("every reservation prunes a batch on the way", async () => {
    const email = uniqueEmail("prune");
    const now = new Date();
    await attempts(email, now, failures(2 * KEEP_FAILURES_MS / MINUTE));
    await reserveSignInAttempt(uniqueEmail(), address(), now);
    expect(await db.signInAttempt.count({ where: { email } })).toBe(0);
  });
});

describe("sign-in throttling: pruning under concurrency", () => {
  it("many concurrent attempts pruning the same old rows all succeed (no deadlock) and leave none behind", async () => {
    const email = uniqueEmail("prune-burst");
    const now = new Date();
    await attempts(email, now, failures(...Array.from({ length: 300 }, (_, i) => 2 * KEEP_FAILURES_MS / MINUTE + i)));
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => reserveSignInAttempt(uniqueEmail(), address())));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    while ((await pruneSignInAttempts(db)) > 0);
    expect(await db.signInAttempt.count({ where: { email } })).toBe(0);
  });
});
