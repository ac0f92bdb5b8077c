import { db } from "@/lib/db/client";

/** After this many failures for one email within the window, sign-in is refused until the window passes. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * How long sign-in for `email` stays refused, in milliseconds (0 when allowed).
 * Counted from rows in PostgreSQL, not memory, so every app instance agrees.
 */
export async function signInRetryAfterMs(email: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await db.signInAttempt.findMany({
    where: { email, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILURES) return 0;
  const oldestCounted = failures[MAX_FAILURES - 1].createdAt.getTime();
  return Math.max(0, oldestCounted + WINDOW_MS - now.getTime());
}

export async function recordSignInAttempt(email: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, succeeded } });
}
