"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
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
  const t = useTranslations("webhooks.manager");
  const localize = useApiErrors();
  const base = `/api/w/${slug}/webhooks`;
  const [created, setCreated] = useState<{ url: string; secret: string; rotated?: boolean } | null>(null);
  const [adding, setAdding] = useState(webhooks.length === 0);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function add(v: { url: string; kinds: string[] }) {
    const res = await apiSend<{ url: string; secret: string }>("POST", base, v);
    if (!res.ok) return localize(res.error);
    setCreated({ url: res.data.url, secret: res.data.secret });
    setAdding(false);
    router.refresh();
    return null;
  }

  async function edit(id: string, v: { url: string; kinds: string[] }) {
    const res = await apiSend("PATCH", `${base}/${id}`, v);
    if (!res.ok) return localize(res.error);
    setEditing(null);
    router.refresh();
    return null;
  }

  async function toggle(hook: WebhookItem) {
    setError(null);
    const res = await apiSend("PATCH", `${base}/${hook.id}`, { enabled: !hook.enabled });
    if (!res.ok) setError(localize(res.error).message);
    router.refresh();
  }

  async function rotate(hook: WebhookItem) {
    if (!window.confirm(t("confirmRotate", { url: hook.url }))) return;
    setError(null);
    setCreated(null);
    const res = await apiSend<{ url: string; secret: string }>("POST", `${base}/${hook.id}/rotate-secret`);
    if (!res.ok) return setError(localize(res.error).message);
    setCreated({ url: res.data.url, secret: res.data.secret, rotated: true });
    router.refresh();
  }

  async function remove(hook: WebhookItem) {
    if (!window.confirm(t("confirmDelete", { url: hook.url }))) return;
    setError(null);
    const res = await apiSend("DELETE", `${base}/${hook.id}`);
    if (!res.ok) setError(localize(res.error).message);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {created ? (
        <section aria-labelledby="webhook-secret" className="rounded-xl bg-white p-6 ring-1 ring-stone-200">
          <h3 id="webhook-secret" className="font-medium">
            {created.rotated ? t("rotated") : t("added")}
          </h3>
          <p className="mt-1 break-all text-sm text-stone-600">{created.rotated ? t("signedRotated", { url: created.url }) : t("signed", { url: created.url })}</p>
          <OneTimeSecret id="webhook-secret-value" label={t("secret")} value={created.secret} copyLabel={t("copySecret")} note={t("copyNote")} />
        </section>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}

      <section aria-labelledby="webhook-list">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h3 id="webhook-list" className="font-medium">
            {t("title")}
          </h3>
          {!adding ? (
            <Button
              variant="secondary"
              onClick={() => {
                setAdding(true);
                setCreated(null);
              }}
            >
              {t("add")}
            </Button>
          ) : null}
        </div>
        {adding ? (
          <div className="mt-3 rounded-xl bg-white p-6 ring-1 ring-stone-200">
            <h4 className="mb-4 text-sm font-semibold">{t("new")}</h4>
            <WebhookForm idPrefix="new" groups={groups} initial={{ url: "", kinds: [] }} submitLabel={t("add")} pendingLabel={t("adding")} submit={add} onCancel={webhooks.length ? () => setAdding(false) : undefined} />
          </div>
        ) : null}
        {webhooks.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600">{t("none")}</p>
        ) : (
          <ul className="mt-3 space-y-3" aria-label={t("title")}>
            {webhooks.map((h) => (
              <li key={h.id} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
                {editing === h.id ? (
                  <WebhookForm idPrefix={`edit-${h.id}`} groups={groups} initial={{ url: h.url, kinds: h.kinds }} submitLabel={t("save")} pendingLabel={t("saving")} submit={(v) => edit(h.id, v)} onCancel={() => setEditing(null)} />
                ) : (
                  <div className="flex flex-col gap-3 md:flex-row md:items-start md:justify-between">
                    <div className="min-w-0">
                      <p className="break-all font-mono text-sm">{h.url}</p>
                      <p className="mt-1 text-sm text-stone-600">
                        <span className={h.enabled ? "text-emerald-700" : "text-stone-700"}>{h.enabled ? t("enabled") : t("disabled")}</span>
                        {" · "}
                        {t.rich("kindsAdded", { count: h.kinds.length, added: () => <Time value={h.createdAt} style="day-short" /> })}
                      </p>
                      {h.disabledReason ? <p className="mt-1 text-sm text-amber-800">{h.disabledReason}</p> : null}
                      <p className="mt-1 break-words text-xs text-stone-500">{h.kinds.join(", ")}</p>
                    </div>
                    <div className="flex shrink-0 flex-wrap gap-2">
                      <Link href={`/w/${slug}/settings/webhooks/${h.id}`} className="inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-stone-300 hover:bg-stone-50">
                        {t.rich("deliveries", { url: h.url, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                      </Link>
                      <Button variant="secondary" className="px-3 py-1.5" onClick={() => setEditing(h.id)} aria-label={t("editNamed", { url: h.url })}>
                        {t("edit")}
                      </Button>
                      <Button variant="secondary" className="px-3 py-1.5" onClick={() => toggle(h)} aria-label={h.enabled ? t("disableNamed", { url: h.url }) : t("enableNamed", { url: h.url })}>
                        {h.enabled ? t("disable") : t("enable")}
                      </Button>
                      <Button variant="secondary" className="px-3 py-1.5" onClick={() => rotate(h)} aria-label={t("rotateNamed", { url: h.url })}>
                        {t("rotate")}
                      </Button>
                      <Button variant="danger" className="px-3 py-1.5" onClick={() => remove(h)} aria-label={t("deleteNamed", { url: h.url })}>
                        {t("delete")}
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
