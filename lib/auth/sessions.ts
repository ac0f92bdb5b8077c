import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * Server-side sessions. The session token (a JWT in an httpOnly cookie) names a
 * Session row; a token whose row is gone is signed out. Deleting rows is how
 * sign-out, "sign out everywhere" and a password change end sessions, on every
 * instance at once. A session lasts SESSION_MAX_AGE_S from sign-in.
 */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** The UI language the person chose; null follows the browser. Read here so choosing it costs no query per page (i18n/request.ts). */
  locale: AppLocale | null;
}

/** A new session for `userId`; the user's expired sessions are deleted on the way. */
export async function createSession(userId: string, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);
  const [, session] = await db.$transaction([
    db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.session.create({ data: { id, userId, expiresAt, createdAt: now }, select: { id: true, expiresAt: true } }),
  ]);
  return session;
}

/** The user of a live session, in one query; null when the session was ended, expired or belongs to someone else. */
export async function sessionUser(sessionId: unknown, userId: unknown, now = new Date()): Promise<SessionUser | null> {
  if (typeof sessionId !== "string" || typeof userId !== "string") return null;
  const rows = await db.$queryRaw<SessionUser[]>`
    SELECT u.id, u.email, u.name, u.locale::text AS locale FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId} AND s."userId" = ${userId} AND s."expiresAt" > ${now}::timestamp`;
  return rows[0] ?? null;
}

export async function endSession(sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string") return;
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** "Sign out everywhere": ends every session of the user (but `keep`, when given). */
export async function endUserSessions(userId: string, keep?: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  return count;
}
