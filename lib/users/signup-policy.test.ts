import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { createInvite } from "@/lib/invites/create-invite";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { assertMaySignUp, signupIsOpen } from "./signup-policy";

async function status(promise: Promise<unknown>): Promise<number | null> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (err === null) return null;
  expect(err).toBeInstanceOf(DomainError);
  return (err as DomainError).status;
}

async function openInvite() {
  const { workspace, admin } = await makeWorkspace();
  return { workspace, invite: await createInvite({ workspaceId: workspace.id, createdById: admin.id, role: "viewer" }) };
}

describe("sign-up policy", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.SIGNUP;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SIGNUP;
    else process.env.SIGNUP = saved;
  });

  it("is open by default: anyone may sign up", async () => {
    delete process.env.SIGNUP;
    expect(signupIsOpen()).toBe(true);
    expect(await status(assertMaySignUp(undefined))).toBeNull();
  });

  it("SIGNUP=closed refuses sign-up without a token, or with an unknown one, with 403", async () => {
    process.env.SIGNUP = "closed";
    expect(signupIsOpen()).toBe(false);
    expect(await status(assertMaySignUp(undefined))).toBe(403);
    expect(await status(assertMaySignUp("not-a-real-token"))).toBe(403);
  });

  it("SIGNUP=closed (any case) lets someone with an open invite sign up", async () => {
    process.env.SIGNUP = "Closed";
    const { invite } = await openInvite();
    expect(await status(assertMaySignUp(invite.token))).toBeNull();
  });

  it("SIGNUP=closed refuses used and revoked invites", async () => {
    process.env.SIGNUP = "closed";
    const used = await openInvite();
    await acceptInvite({ token: used.invite.token, userId: (await makeUser()).id });
    expect(await status(assertMaySignUp(used.invite.token))).toBe(403);

    const revoked = await openInvite();
    await revokeInvite({ workspaceId: revoked.workspace.id, inviteId: revoked.invite.id });
    expect(await status(assertMaySignUp(revoked.invite.token))).toBe(403);
  });
});
