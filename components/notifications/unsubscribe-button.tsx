"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";

/** Confirms an unsubscribe link (a click, so link scanners that open mail links change nothing). Works signed out. */
export function UnsubscribeButton({ u, k, t, what }: { u: string; k: string; t: string; what: string }) {
  const tr = useTranslations("notifications.unsubscribe");
  const localize = useApiErrors();
  const [state, setState] = useState<{ done: boolean; error: string | null; pending: boolean }>({ done: false, error: null, pending: false });

  async function confirm() {
    setState({ done: false, error: null, pending: true });
    const res = await apiSend<{ kinds: string[] }>("POST", `/api/unsubscribe?${new URLSearchParams({ u, k, t })}`);
    setState(res.ok ? { done: true, error: null, pending: false } : { done: false, error: localize(res.error).message, pending: false });
  }

  if (state.done) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{tr("done", { what })}</Alert>
        <Link href="/settings#notifications" className="block text-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {tr("choose")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Button className="w-full" onClick={confirm} disabled={state.pending}>
        {state.pending ? tr("pending") : tr("submit")}
      </Button>
    </div>
  );
}
