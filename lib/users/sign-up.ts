import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError, said } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { consumeInvite } from "@/lib/invites/accept-invite";
import { newUserSchema } from "./create-user";
import { assertMaySignUp, signupIsOpen } from "./signup-policy";

export const signUpSchema = newUserSchema.extend({ inviteToken: z.string().max(200).optional() });
export type SignUpInput = z.infer<typeof signUpSchema>;

/** The one answer to every sign-up that passes validation, whether or not it created an account. */
export const SIGN_UP_ANSWER = { status: "accepted" } as const;

/**
 * Creates an account, joining the invite's workspace when an invite link is given.
 *
 * Whether the email already has an account is not revealed: that case does
 * the same work (the password is hashed, one insert is tried) and gives the same
 * answer, but creates nothing and changes nothing. The person then signs in as
 * usual; with someone else's email that fails like any wrong password.
 *
 * The account and the invite's use are one transaction, and the invite is
 * consumed with a compare-and-set: one invite link makes at most one account.
 * With SIGNUP=closed an account needs that invite; with sign-up open, an invite
 * that can't be used any more just isn't applied.
 */
export async function signUp(input: SignUpInput, now = new Date()): Promise<{ created: boolean }> {
  // Decided before the email is looked at, so a refusal says nothing about it.
  await assertMaySignUp(input.inviteToken, now);
  const closed = !signupIsOpen();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const [user] = await tx.user.createManyAndReturn({
      data: [{ name: input.name, email: input.email, passwordHash }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!user) return { created: false };
    if (input.inviteToken) {
      const joined = await consumeInvite(tx, input.inviteToken, user.id, now);
      // Throwing rolls the account back: nothing is left of a sign-up that may not happen.
      if (!joined && closed) throw inviteOnly();
    }
    return { created: true };
  });
}

function inviteOnly() {
  return new DomainError(403, said("invite_only_used", "Sign-up is by invitation only, and this invite link can't be used any more. Ask a workspace admin for a new one."));
}
