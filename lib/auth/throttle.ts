import { db } from "@/lib/db/client";

/**
 * Sign-in throttling, counted in PostgreSQL (so every app instance agrees) and
 * atomically: an attempt is *reserved* (a row whose `succeeded` is null, which
 * counts as a failure) under a lock on the account and one on the address,
 * before its password is checked. A burst of concurrent guesses therefore gets
 * exactly as many evaluations as the limits leave, never more.
 *
 * Within the window, an attempt is refused when
 *  - its account has MAX_FAILURES failures from its address since that pair's last success;
 *  - its account has MAX_FAILURES failures from anywhere since the account's last success,
 *    unless the account signed in successfully from this address within KNOWN_ADDRESS_MS
 *    (so a stranger's five wrong guesses don't lock the owner out where they usually sign in);
 *  - its address has MAX_ADDRESS_FAILURES failures, over all accounts (password spraying).
 */
export const MAX_FAILURES = 5;
export const MAX_ADDRESS_FAILURES = 50;
export const WINDOW_MS = 15 * 60 * 1000;
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;
/** Failures are kept a day (the window needs 15 minutes), successes as long as they make an address known. */
export const KEEP_FAILURES_MS = 24 * 60 * 60 * 1000;
const PRUNE_BATCH = 100;

// Advisory lock namespaces (pg_advisory_xact_lock(int, int)): accounts first, then addresses, so no two attempts deadlock.
const LOCK_ACCOUNT = 7301;
const LOCK_ADDRESS = 7302;

export type Reservation = { allowed: true; attemptId: string } | { allowed: false; retryAfterMs: number };

interface Limits {
  pair: Date | null;
  account: Date | null;
  address: Date | null;
  known: boolean;
}

/** For each rule, the failure that makes it bite (the N-th most recent counted one), if there is one. */
async function limits(tx: Pick<typeof db, "$queryRaw">, email: string, address: string, now: Date): Promise<Limits> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const knownSince = new Date(now.getTime() - KNOWN_ADDRESS_MS);
  const [row] = await tx.$queryRaw<Limits[]>`
    SELECT
      (SELECT "createdAt" FROM "SignInAttempt"
        WHERE email = ${email} AND address = ${address} AND succeeded IS NOT TRUE
          AND "createdAt" > GREATEST(${since}::timestamp, (SELECT max("createdAt") FROM "SignInAttempt"
                                                           WHERE email = ${email} AND address = ${address} AND succeeded))
        ORDER BY "createdAt" DESC OFFSET ${MAX_FAILURES - 1} LIMIT 1) AS pair,
      (SELECT "createdAt" FROM "SignInAttempt"
        WHERE email = ${email} AND succeeded IS NOT TRUE
          AND "createdAt" > GREATEST(${since}::timestamp, (SELECT max("createdAt") FROM "SignInAttempt"
                                                           WHERE email = ${email} AND succeeded))
        ORDER BY "createdAt" DESC OFFSET ${MAX_FAILURES - 1} LIMIT 1) AS account,
      (SELECT "createdAt" FROM "SignInAttempt"
        WHERE address = ${address} AND succeeded IS NOT TRUE AND "createdAt" > ${since}::timestamp
        ORDER BY "createdAt" DESC OFFSET ${MAX_ADDRESS_FAILURES - 1} LIMIT 1) AS address,
      EXISTS (SELECT 1 FROM "SignInAttempt"
        WHERE email = ${email} AND address = ${address} AND succeeded AND "createdAt" >= ${knownSince}::timestamp) AS known`;
  return row;
}

function retryAfter(limit: Limits, now: Date): number {
  const biting = [limit.pair, limit.known ? null : limit.account, limit.address].filter((d): d is Date => d !== null);
  if (!biting.length) return 0;
  const until = Math.max(...biting.map((d) => d.getTime() + WINDOW_MS));
  return Math.max(1, until - now.getTime());
}

/**
 * Reserves an attempt for `email` from `address`, or says how long to wait.
 * Also deletes a batch of rows nobody needs any more, so the table stays bounded.
 */
export async function reserveSignInAttempt(email: string, address: string, at?: Date): Promise<Reservation> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ACCOUNT}::int, hashtext(${email}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ADDRESS}::int, hashtext(${address}))`;
      // Read the clock once the locks are held, so attempts are stamped in the order they were counted.
      const now = at ?? new Date();
      await pruneSignInAttempts(tx, now);
      const wait = retryAfter(await limits(tx, email, address, now), now);
      if (wait > 0) return { allowed: false, retryAfterMs: wait };
      const row = await tx.signInAttempt.create({ data: { email, address, succeeded: null, createdAt: now }, select: { id: true } });
      return { allowed: true, attemptId: row.id };
    },
    // A burst queues on the locks; each turn is a few milliseconds.
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/** Records the outcome of a reserved attempt. */
export async function settleSignInAttempt(attemptId: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded } });
}

/** How long sign-in for `email` from `address` stays refused, in milliseconds (0 when allowed). */
export async function signInRetryAfterMs(email: string, address: string, now = new Date()): Promise<number> {
  return retryAfter(await limits(db, email, address, now), now);
}

/** Deletes up to PRUNE_BATCH expired rows: failures after a day, successes after KNOWN_ADDRESS_MS. */
export async function pruneSignInAttempts(tx: Pick<typeof db, "$executeRaw"> = db, now = new Date()): Promise<number> {
  const failuresBefore = new Date(now.getTime() - KEEP_FAILURES_MS);
  const successesBefore = new Date(now.getTime() - KNOWN_ADDRESS_MS);
  return tx.$executeRaw`
    DELETE FROM "SignInAttempt" WHERE id IN (
      SELECT id FROM "SignInAttempt"
      WHERE "createdAt" < ${failuresBefore}::timestamp AND (succeeded IS NOT TRUE OR "createdAt" < ${successesBefore}::timestamp)
      ORDER BY "createdAt" LIMIT ${PRUNE_BATCH}
      -- Concurrent attempts prune side by side: rows another one is deleting are skipped, never waited on (no deadlocks).
      FOR UPDATE SKIP LOCKED)`;
}
