"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Time } from "@/components/ui/locale";
import type { Role } from "@/lib/auth/roles";

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
  const t = useTranslations("settings.tokens");
  const roles = useTranslations("common.roles");
  const localize = useApiErrors();
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
      const problem = localize(res.error);
      setError(problem.message);
      setErrors(problem.fields);
      return;
    }
    setCreated({ token: res.data.token, name: res.data.name });
    setName("");
    router.refresh();
  }

  async function revoke(token: TokenItem) {
    if (!window.confirm(t("confirmRevoke", { name: token.name }))) return;
    const res = await apiSend("DELETE", `/api/tokens/${token.id}`);
    if (!res.ok) setError(localize(res.error).message);
    router.refresh();
  }

  return (
    <div className="mt-8 space-y-8">
      <section aria-labelledby="new-token" className="rounded-xl bg-white p-6 ring-1 ring-stone-200">
        <h2 id="new-token" className="font-medium">
          {t("createHeading")}
        </h2>
        {workspaces.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("noWorkspace")}</p>
        ) : (
          <form onSubmit={onSubmit} className="mt-4 grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <TextField label={t("name")} name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder={t("namePlaceholder")} error={errors.name} required maxLength={100} />
            <SelectField label={t("workspace")} name="workspace" value={workspace} onChange={(e) => setWorkspace(e.target.value)} error={errors.workspace}>
              {workspaces.map((w) => (
                <option key={w.slug} value={w.slug}>
                  {w.name}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={pending}>
              {pending ? t("pending") : t("create")}
            </Button>
          </form>
        )}
        {error ? (
          <div className="mt-3">
            <Alert>{error}</Alert>
          </div>
        ) : null}
        {created ? (
          <OneTimeSecret key={created.token} id="new-token-value" label={t("createdLabel", { name: created.name })} value={created.token} copyLabel={t("copy")} note={t("copyNote")} />
        ) : null}
      </section>

      <section aria-labelledby="token-list">
        <h2 id="token-list" className="font-medium">
          {t("listHeading")}
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("empty")}</p>
        ) : (
          <div className="relative mt-3 overflow-x-auto rounded-xl bg-white ring-1 ring-stone-200 max-md:overflow-visible">
            <table className="w-full text-left text-sm max-md:block">
              <thead className="border-b border-stone-200 text-stone-600 max-md:sr-only">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t("name")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("workspace")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("actsAs")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("created")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("lastUsed")}</th>
                  <th scope="col" className="px-4 py-2"><span className="sr-only">{t("actions")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 max-md:block">
                {tokens.map((token) => (
                  <tr key={token.id} className="max-md:flex max-md:flex-col max-md:gap-1 max-md:p-4">
                    <td className="px-4 py-2 max-md:block max-md:p-0 max-md:break-words">
                      <span className="font-medium">{token.name}</span> <code className="text-xs text-stone-500">{token.prefix}…</code>
                    </td>
                    <td data-label={t("workspace")} className={`px-4 py-2 ${CARD_CELL}`}>{token.workspace.name}</td>
                    <td data-label={t("actsAs")} className={`px-4 py-2 ${CARD_CELL}`}>{token.role ? roles(token.role) : <span className="text-stone-500">{t("notMember")}</span>}</td>
                    <td data-label={t("created")} className={`px-4 py-2 ${CARD_CELL}`}>
                      <Time value={token.createdAt} style="date-time" />
                    </td>
                    <td data-label={t("lastUsed")} className={`px-4 py-2 ${CARD_CELL}`}>{token.lastUsedAt ? <Time value={token.lastUsedAt} style="date-time" /> : <span className="text-stone-500">{t("never")}</span>}</td>
                    <td className="px-4 py-2 text-right max-md:block max-md:p-0 max-md:pt-2 max-md:text-left">
                      <Button variant="danger" className="px-2 py-1" onClick={() => revoke(token)} aria-label={t("revokeNamed", { name: token.name })}>
                        {t("revoke")}
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
