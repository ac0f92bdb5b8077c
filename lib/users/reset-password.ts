import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { notFound } from "@/lib/errors";
import { emailSchema } from "./email";
import { newUserSchema } from "./create-user";

export const resetPasswordSchema = z.object({ email: emailSchema, password: newUserSchema.shape.password });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** 18 random bytes: 24 URL-safe characters, 144 bits. Easy to copy, impossible to guess. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * The operator's reset (admin CLI), for whoever lost their password. No
 * current password: whoever runs the CLI already holds the database. In one
 * transaction it sets the new password, ends every session of the account
 * (a browser left signed in somewhere must not outlive the reset) and clears
 * its failed sign-in attempts, so a person locked out by the throttle can sign
 * in with the new password at once. API tokens are untouched: they are
 * revoked on their own page.
 */
export async function resetPassword(input: ResetPasswordInput): Promise<{ email: string; endedSessions: number }> {
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
  if (!user) throw notFound(`No user with the email ${input.email}.`);
  const passwordHash = await hashPassword(input.password);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: user.id } }),
    // A reservation not yet settled (null) counts as a failure too.
    db.signInAttempt.deleteMany({ where: { email: user.email, OR: [{ succeeded: false }, { succeeded: null }] } }),
  ]);
  return { email: user.email, endedSessions: ended.count };
}
