"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { Time } from "@/components/ui/locale";
import { WebhookForm, type KindGroup } from "./webhook-form";

export interface WebhookItem {
  id: string;
  url: string;
  kinds: string[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
}

/** The webhooks page: add (secret shown once), and per webhook edit, enable/disable, rotate its secret (the new one shown once), delete, and a link to its delivery log. */
export function WebhookManager({ slug, webhooks, groups }: { slug: string; webhooks: WebhookItem[]; groups: KindGroup[] }) {
  const router = useRouter();
  const base = `/api/w/${slug}/webhooks`;
  const [created, setCreated] = useState<{ url: string; secret: string; rotated?: boolean } | null>(null);
  const [adding, setAdding] = useState(webhooks.length === 0);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function add(v: { url: string; kinds: string[] }) {
    const res = await apiSend<{ url: string; secret: string }>("POST", base, v);
    if (!res.ok) return res.error;
    setCreated({ url: res.data.url, secret: res.data.secret });
    setAdding(false);
    router.refresh();
    return null;
  }

  async function edit(id: string, v: { url: string; kinds: string[] }) {
    const res = await apiSend("PATCH", `${base}/${id}`, v);
    if (!res.ok) return res.error;
    setEditing(null);
    router.refresh();
    return null;
  }

  async function toggle(hook: WebhookItem) {
    setError(null);
    const res = await apiSend("PATCH", `${base}/${hook.id}`, { enabled: !hook.enabled });
    if (!res.ok) setError(res.error.message);
    router.refresh();
  }

  async function rotate(hook: WebhookItem) {
    if (!window.confirm(`Rotate the signing secret of the webhook to ${hook.url}? The old secret stops signing at once: give the receiver the new one.`)) return;
    setError(null);
    setCreated(null);
    const res = await apiSend<{ url: string; secret: string }>("POST", `${base}/${hook.id}/rotate-secret`);
    if (!res.ok) return setError(res.error.message);
    setCreated({ url: res.data.url, secret: res.data.secret, rotated: true });
    router.refresh();
  }

  async function remove(hook: WebhookItem) {
    if (!window.confirm(`Delete the webhook to ${hook.url}? Its delivery log goes with it.`)) return;
    setError(null);
    const res = await apiSend("DELETE", `${base}/${hook.id}`);
    if (!res.ok) setError(res.error.message);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {created ? (
        <section aria-labelledby="webhook-secret" className="rounded-xl bg-white p-6 ring-1 ring-stone-200">
          <h3 id="webhook-secret" className="font-medium">
            {created.rotated ? "Secret rotated" : "Webhook added"}
          </h3>
          <p className="mt-1 break-all text-sm text-stone-600">
            {created.rotated ? `Deliveries to ${created.url} are signed with this secret from now on; the old one signs nothing more.` : `Deliveries to ${created.url} are signed with this secret`} (see the README for checking the signature).
          </p>
          <OneTimeSecret id="webhook-secret-value" label="Signing secret" value={created.secret} copyLabel="Copy secret" note="Copy it now: it is not shown again." />
        </section>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}

      <section aria-labelledby="webhook-list">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h3 id="webhook-list" className="font-medium">
            Webhooks
          </h3>
          {!adding ? (
            <Button
              variant="secondary"
              onClick={() => {
                setAdding(true);
                setCreated(null);
              }}
            >
              Add webhook
            </Button>
          ) : null}
        </div>
        {adding ? (
          <div className="mt-3 rounded-xl bg-white p-6 ring-1 ring-stone-200">
            <h4 className="mb-4 text-sm font-semibold">New webhook</h4>
            <WebhookForm idPrefix="new" groups={groups} initial={{ url: "", kinds: [] }} submitLabel="Add webhook" pendingLabel="Adding…" submit={add} onCancel={webhooks.length ? () => setAdding(false) : undefined} />
          </div>
        ) : null}
        {webhooks.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600">No webhooks yet. Add one to send this workspace&apos;s changes to another system as they happen.</p>
        ) : (
          <ul className="mt-3 space-y-3" aria-label="Webhooks">
            {webhooks.map((h) => (
              <li key={h.id} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
                {editing === h.id ? (
                  <WebhookForm idPrefix={`edit-${h.id}`} groups={groups} initial={{ url: h.url, kinds: h.kinds }} submitLabel="Save" pendingLabel="Saving…" submit={(v) => edit(h.id, v)} onCancel={() => setEditing(null)} />
                ) : (
                  <div className="flex flex-col gap-3 md:flex-row md:items-start md:justify-between">
                    <div className="min-w-0">
                      <p className="break-all font-mono text-sm">{h.url}</p>
                      <p className="mt-1 text-sm text-stone-600">
                        <span className={h.enabled ? "text-emerald-700" : "text-stone-700"}>{h.enabled ? "Enabled" : "Disabled"}</span>
                        {" · "}
                        {h.kinds.length} {h.kinds.length === 1 ? "kind" : "kinds"} of events · added <Time value={h.createdAt} style="day-short" />
                      </p>
                      {h.disabledReason ? <p className="mt-1 text-sm text-amber-800">{h.disabledReason}</p> : null}
                      <p className="mt-1 break-words text-xs text-stone-500">{h.kinds.join(", ")}</p>
                    </div>
                    <div className="flex shrink-0 flex-wrap gap-2">
                      <Link href={`/w/${slug}/settings/webhooks/${h.id}`} className="inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-stone-300 hover:bg-stone-50">
                        Deliveries<span className="sr-only"> to {h.url}</span>
                      </Link>
                      <Button variant="secondary" className="px-3 py-1.5" onClick={() => setEditing(h.id)} aria-label={`Edit ${h.url}`}>
                        Edit
                      </Button>
                      <Button variant="secondary" className="px-3 py-1.5" onClick={() => toggle(h)} aria-label={`${h.enabled ? "Disable" : "Enable"} ${h.url}`}>
                        {h.enabled ? "Disable" : "Enable"}
                      </Button>
                      <Button variant="secondary" className="px-3 py-1.5" onClick={() => rotate(h)} aria-label={`Rotate secret of ${h.url}`}>
                        Rotate secret
                      </Button>
                      <Button variant="danger" className="px-3 py-1.5" onClick={() => remove(h)} aria-label={`Delete ${h.url}`}>
                        Delete
                      </Button>
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
