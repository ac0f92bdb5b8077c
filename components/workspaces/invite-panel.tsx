"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Time } from "@/components/ui/locale";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/auth/roles";

interface OpenInvite {
  id: string;
  role: Role;
  expiresAt: string;
  createdBy: string;
}


export function InvitePanel({ slug, invites }: { slug: string; invites: OpenInvite[] }) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [role, setRole] = useState<Role>("annotator");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const res = await apiSend<{ url: string }>("POST", `/api/w/${slug}/invites`, { role });
    setPending(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setLink(res.data.url);
    router.refresh();
  }

  async function revoke(id: string) {
    const res = await apiSend("DELETE", `/api/w/${slug}/invites/${id}`);
    if (!res.ok) setError(res.error.message);
    router.refresh();
  }

  return (
    <section aria-labelledby="invite-heading" className="h-fit rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="invite-heading" className="font-semibold">
        Invite someone
      </h2>
      <p className="mt-1 text-sm text-stone-600">Create a link for one person. It works once and expires after 7 days.</p>
      <form onSubmit={onSubmit} className="mt-4 space-y-3">
        <SelectField label="Invite as" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <p className="text-sm text-stone-500">{ROLE_DESCRIPTIONS[role]}.</p>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Creating link…" : "Create invite link"}
        </Button>
      </form>
      {error ? (
        <div className="mt-3">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {link ? <OneTimeSecret key={link} id="invite-link" label="Invite link" value={link} copyLabel="Copy link" note="Copy it now: for safety it is not shown again." wide /> : null}
      {invites.length ? (
        <div className="mt-6">
          <h3 className="text-sm font-medium text-stone-800">Open invites</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {invites.map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-2 rounded-md bg-stone-50 px-3 py-2">
                <span>
                  {ROLE_LABELS[i.role]} <span className="text-stone-500">· by {i.createdBy} · until <Time value={i.expiresAt} style="date-time" /></span>
                </span>
                <Button variant="ghost" className="px-2 py-1" onClick={() => revoke(i.id)} aria-label={`Revoke ${ROLE_LABELS[i.role]} invite`}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
