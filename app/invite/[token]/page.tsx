import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AcceptInviteButton } from "@/components/workspaces/accept-invite-button";
import { AuthShell } from "@/components/layout/auth-shell";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/roles";
import { findInvite } from "@/lib/invites/find-invite";

export const metadata: Metadata = { title: "Invitation" };

const PROBLEMS = {
  used: "This invite link was already used.",
  expired: "This invite link has expired.",
  revoked: "This invite link was withdrawn.",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user] = await Promise.all([findInvite(token), currentUser()]);
  // Someone who signed up through this link joined with it already: straight to the workspace.
  if (invite && user && invite.usedById === user.id) redirect(`/w/${invite.workspace.slug}`);
  if (!invite || invite.state !== "open") {
    return (
      <AuthShell title="Invite link not valid">
        <p className="text-sm text-stone-700">{invite && invite.state !== "open" ? PROBLEMS[invite.state] : "This invite link is not valid."} Ask a workspace admin for a new one.</p>
      </AuthShell>
    );
  }
  const here = `/invite/${token}`;
  return (
    <AuthShell
      title={`Join ${invite.workspace.name}`}
      subtitle={
        <>
          {invite.createdBy.name} invited you as <strong>{ROLE_LABELS[invite.role]}</strong>: {ROLE_DESCRIPTIONS[invite.role].toLowerCase()}.
        </>
      }
    >
      {user ? (
        <div className="space-y-3">
          <p className="text-sm text-stone-700">
            You&apos;re signed in as <strong>{user.email}</strong>.
          </p>
          <AcceptInviteButton token={token} />
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-stone-700">Create an account or sign in to accept.</p>
          <Link href={`/signup?invite=${encodeURIComponent(token)}&callbackUrl=${encodeURIComponent(here)}`} className={buttonClass("primary", "w-full")}>
            Create an account
          </Link>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass("secondary", "w-full")}>
            I already have an account
          </Link>
        </div>
      )}
    </AuthShell>
  );
}
