"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";

/** The hosts webhooks may reach on private or loopback addresses (and over plain http), one per line. */
export function AllowHostsForm({ slug, hosts }: { slug: string; hosts: string[] }) {
  const router = useRouter();
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
    if (!res.ok) return setResult({ ok: false, message: Object.values(res.error.fields)[0] ?? res.error.message });
    setValue(res.data.allowHosts.join("\n"));
    setResult({ ok: true, message: "Allow-list saved." });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <label htmlFor="allow-hosts" className="block text-sm font-medium text-stone-800">
        Private hosts webhooks may reach
      </label>
      <p id="allow-hosts-hint" className="text-sm text-stone-600">
        Webhooks go only to public https:// addresses. A host listed here (one per line, optionally with :port, e.g. <code>10.0.0.5:8080</code>) may be on a private or loopback address and use plain http.
      </p>
      <textarea id="allow-hosts" aria-describedby="allow-hosts-hint" rows={3} value={value} onChange={(e) => setValue(e.target.value)} className={`${CONTROL} font-mono`} />
      {result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save allow-list"}
      </Button>
    </form>
  );
}
