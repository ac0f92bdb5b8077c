import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError, said, unprocessable } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { reserveSignInAttempt, settleSignInAttempt } from "@/lib/auth/throttle";
import { throttledMessage } from "@/lib/auth/throttle-message";
import { newUserSchema } from "./create-user";

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200, "Enter your current password."),
  newPassword: newUserSchema.shape.password,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/**
 * Changes the user's password and ends every other session of theirs, in one
 * transaction; the session making the change stays signed in. The current
 * password is checked like a sign-in (same throttle), so a stolen session
 * can't be used to guess it.
 */
export async function changePassword(
  user: { id: string; email: string; sessionId?: string },
  input: ChangePasswordInput,
  address: string,
): Promise<{ endedSessions: number }> {
  if (input.newPassword === input.currentPassword) {
    throw unprocessable(said("password_unchanged", "Choose a new password."), { newPassword: said("password_unchanged", "Choose a password different from your current one.") });
  }
  const reservation = await reserveSignInAttempt(user.email, address);
  if (!reservation.allowed) {
    const retryAfter = Math.ceil(reservation.retryAfterMs / 1000);
    const message = said("sign_in_throttled", throttledMessage(retryAfter), { minutes: Math.ceil(retryAfter / 60) });
    throw new DomainError(429, message, { currentPassword: message }, { retryAfter });
  }
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  const ok = await verifyPassword(passwordHash, input.currentPassword);
  await settleSignInAttempt(reservation.attemptId, ok);
  if (!ok) throw unprocessable(said("password_wrong", "The current password is not right."), { currentPassword: said("password_wrong", "That isn't your current password.") });
  const newHash = await hashPassword(input.newPassword);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash: newHash } }),
    db.session.deleteMany({ where: { userId: user.id, ...(user.sessionId ? { id: { not: user.sessionId } } : {}) } }),
  ]);
  return { endedSessions: ended.count };
}
