"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/auth/roles";

interface Member {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
}

export function MemberList({ slug, members, currentUserId }: { slug: string; members: Member[]; currentUserId: string }) {
  const router = useRouter();
  const t = useTranslations("workspaces.members");
  const roles = useTranslations("common.roles");
  const localize = useApiErrors();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function send(memberId: string, method: "PATCH" | "DELETE", body?: { role: Role }) {
    setBusy(memberId);
    setError(null);
    const res = await apiSend(method, `/api/w/${slug}/members/${memberId}`, body);
    setBusy(null);
    if (!res.ok) setError(localize(res.error).message);
    router.refresh();
  }

  return (
    <div className="mt-4 space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <ul className="divide-y divide-stone-200 overflow-hidden rounded-xl bg-white ring-1 ring-stone-200" aria-label={t("title")}>
        {members.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">
                {m.name}
                {m.userId === currentUserId ? <span className="ml-2 text-xs font-normal text-stone-500">{t("you")}</span> : null}
              </p>
              <p className="truncate text-sm text-stone-500">{m.email}</p>
            </div>
            <label className="sr-only" htmlFor={`role-${m.id}`}>
              {t("roleOf", { name: m.name })}
            </label>
            <select
              id={`role-${m.id}`}
              value={m.role}
              disabled={busy === m.id}
              onChange={(e) => send(m.id, "PATCH", { role: e.target.value as Role })}
              className="rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roles(r)}
                </option>
              ))}
            </select>
            <Button
              variant="danger"
              disabled={busy === m.id}
              aria-label={t("removeNamed", { name: m.name })}
              onClick={() => {
                if (window.confirm(t("confirmRemove", { name: m.name }))) void send(m.id, "DELETE");
              }}
            >
              {t("remove")}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
