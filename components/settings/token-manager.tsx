"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Time } from "@/components/ui/locale";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

interface TokenItem {
  id: string;
  name: string;
  prefix: string;
  workspace: { slug: string; name: string };
  role: Role | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Below md each token is a card: cells flow as lines, each with its column's name before it. */
const CARD_CELL = "max-md:block max-md:p-0 max-md:text-stone-700 max-md:before:mr-1 max-md:before:text-stone-500 max-md:before:font-medium max-md:before:content-[attr(data-label)]";

export function TokenManager({ tokens, workspaces }: { tokens: TokenItem[]; workspaces: { slug: string; name: string }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [workspace, setWorkspace] = useState(workspaces[0]?.slug ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setErrors({});
    const res = await apiSend<{ token: string; name: string }>("POST", "/api/tokens", { name, workspace });
    setPending(false);
    if (!res.ok) {
      setError(res.error.message);
      setErrors(res.error.fields);
      return;
    }
    setCreated({ token: res.data.token, name: res.data.name });
    setName("");
    router.refresh();
  }

  async function revoke(token: TokenItem) {
    if (!window.confirm(`Revoke “${token.name}”? Scripts using it stop working at once.`)) return;
    const res = await apiSend("DELETE", `/api/tokens/${token.id}`);
    if (!res.ok) setError(res.error.message);
    router.refresh();
  }

  return (
    <div className="mt-8 space-y-8">
      <section aria-labelledby="new-token" className="rounded-xl bg-white p-6 ring-1 ring-stone-200">
        <h2 id="new-token" className="font-medium">
          Create a token
        </h2>
        {workspaces.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">Join or create a workspace first: a token works in one workspace.</p>
        ) : (
          <form onSubmit={onSubmit} className="mt-4 grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Nightly export" error={errors.name} required maxLength={100} />
            <SelectField label="Workspace" name="workspace" value={workspace} onChange={(e) => setWorkspace(e.target.value)} error={errors.workspace}>
              {workspaces.map((w) => (
                <option key={w.slug} value={w.slug}>
                  {w.name}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create token"}
            </Button>
          </form>
        )}
        {error ? (
          <div className="mt-3">
            <Alert>{error}</Alert>
          </div>
        ) : null}
        {created ? (
          <OneTimeSecret key={created.token} id="new-token-value" label={`Token “${created.name}”`} value={created.token} copyLabel="Copy token" note="Copy it now: it is not shown again." />
        ) : null}
      </section>

      <section aria-labelledby="token-list">
        <h2 id="token-list" className="font-medium">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">No tokens yet.</p>
        ) : (
          <div className="relative mt-3 overflow-x-auto rounded-xl bg-white ring-1 ring-stone-200 max-md:overflow-visible">
            <table className="w-full text-left text-sm max-md:block">
              <thead className="border-b border-stone-200 text-stone-600 max-md:sr-only">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Name</th>
                  <th scope="col" className="px-4 py-2 font-medium">Workspace</th>
                  <th scope="col" className="px-4 py-2 font-medium">Acts as</th>
                  <th scope="col" className="px-4 py-2 font-medium">Created</th>
                  <th scope="col" className="px-4 py-2 font-medium">Last used</th>
                  <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 max-md:block">
                {tokens.map((t) => (
                  <tr key={t.id} className="max-md:flex max-md:flex-col max-md:gap-1 max-md:p-4">
                    <td className="px-4 py-2 max-md:block max-md:p-0 max-md:break-words">
                      <span className="font-medium">{t.name}</span> <code className="text-xs text-stone-500">{t.prefix}…</code>
                    </td>
                    <td data-label="Workspace" className={`px-4 py-2 ${CARD_CELL}`}>{t.workspace.name}</td>
                    <td data-label="Acts as" className={`px-4 py-2 ${CARD_CELL}`}>{t.role ? ROLE_LABELS[t.role] : <span className="text-stone-500">No longer a member</span>}</td>
                    <td data-label="Created" className={`px-4 py-2 ${CARD_CELL}`}>
                      <Time value={t.createdAt} style="date-time" />
                    </td>
                    <td data-label="Last used" className={`px-4 py-2 ${CARD_CELL}`}>{t.lastUsedAt ? <Time value={t.lastUsedAt} style="date-time" /> : <span className="text-stone-500">Never</span>}</td>
                    <td className="px-4 py-2 text-right max-md:block max-md:p-0 max-md:pt-2 max-md:text-left">
                      <Button variant="danger" className="px-2 py-1" onClick={() => revoke(t)} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
