import { findInvite } from "@/lib/invites/find-invite";
import { forbidden, said } from "@/lib/errors";

/** SIGNUP=closed: only people holding an open invite link may create an account. */
export function signupIsOpen(): boolean {
  return (process.env.SIGNUP ?? "open").toLowerCase() !== "closed";
}

export async function assertMaySignUp(inviteToken: string | undefined, now = new Date()): Promise<void> {
  if (signupIsOpen()) return;
  const invite = inviteToken ? await findInvite(inviteToken, now) : null;
  if (invite?.state !== "open") throw forbidden(said("invite_only", "Sign-up is by invitation only. Ask a workspace admin for an invite link."));
}
