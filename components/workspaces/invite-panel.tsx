"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Time } from "@/components/ui/locale";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { ROLES, type Role } from "@/lib/auth/roles";

interface OpenInvite {
  id: string;
  role: Role;
  expiresAt: string;
  createdBy: string;
}


export function InvitePanel({ slug, invites }: { slug: string; invites: OpenInvite[] }) {
  const router = useRouter();
  const t = useTranslations("workspaces.invites");
  const roles = useTranslations("common.roles");
  const roleDescriptions = useTranslations("workspaces.roleDescriptions");
  const localize = useApiErrors();
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
      setError(localize(res.error).message);
      return;
    }
    setLink(res.data.url);
    router.refresh();
  }

  async function revoke(id: string) {
    const res = await apiSend("DELETE", `/api/w/${slug}/invites/${id}`);
    if (!res.ok) setError(localize(res.error).message);
    router.refresh();
  }

  return (
    <section aria-labelledby="invite-heading" className="h-fit rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="invite-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      <form onSubmit={onSubmit} className="mt-4 space-y-3">
        <SelectField label={t("as")} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </SelectField>
        <p className="text-sm text-stone-500">{roleDescriptions(role)}.</p>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t("creating") : t("create")}
        </Button>
      </form>
      {error ? (
        <div className="mt-3">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {link ? <OneTimeSecret key={link} id="invite-link" label={t("link")} value={link} copyLabel={t("copy")} note={t("copyNote")} wide /> : null}
      {invites.length ? (
        <div className="mt-6">
          <h3 className="text-sm font-medium text-stone-800">{t("open")}</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {invites.map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-2 rounded-md bg-stone-50 px-3 py-2">
                <span className="min-w-0">
                  {roles(i.role)}{" "}
                  <span className="text-stone-500">{t.rich("byUntil", { by: i.createdBy, until: () => <Time value={i.expiresAt} style="date-time" /> })}</span>
                </span>
                <Button variant="ghost" className="shrink-0 whitespace-nowrap px-2 py-1" onClick={() => revoke(i.id)} aria-label={t("revokeNamed", { role: roles(i.role) })}>
                  {t("revoke")}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
