"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";

/** The hosts webhooks may reach on private or loopback addresses (and over plain http), one per line. */
export function AllowHostsForm({ slug, hosts }: { slug: string; hosts: string[] }) {
  const router = useRouter();
  const t = useTranslations("webhooks.allowHosts");
  const localize = useApiErrors();
  const [value, setValue] = useState(hosts.join("\n"));
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setResult(null);
    const list = value.split(/[\s,]+/).filter(Boolean);
    const res = await apiSend<{ allowHosts: string[] }>("PUT", `/api/w/${slug}/webhook-allow-hosts`, { hosts: list });
    setPending(false);
    if (!res.ok) {
      const error = localize(res.error);
      return setResult({ ok: false, message: Object.values(error.fields)[0] ?? error.message });
    }
    setValue(res.data.allowHosts.join("\n"));
    setResult({ ok: true, message: t("saved") });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <label htmlFor="allow-hosts" className="block text-sm font-medium text-stone-800">
        {t("label")}
      </label>
      <p id="allow-hosts-hint" className="text-sm text-stone-600">
        {t.rich("hint", { code: (chunks) => <code>{chunks}</code> })}
      </p>
      <textarea id="allow-hosts" aria-describedby="allow-hosts-hint" rows={3} value={value} onChange={(e) => setValue(e.target.value)} className={`${CONTROL} font-mono`} />
      {result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
