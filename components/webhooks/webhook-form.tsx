"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { KindPicker } from "./kind-picker";

export interface KindGroup {
  area: string;
  kinds: string[];
}

/** Address and kinds, for adding and editing a webhook; `submit` answers field errors or null. */
export function WebhookForm({
  groups,
  initial,
  submitLabel,
  pendingLabel,
  idPrefix,
  submit,
  onCancel,
}: {
  groups: KindGroup[];
  initial: { url: string; kinds: string[] };
  submitLabel: string;
  pendingLabel: string;
  idPrefix: string;
  submit: (v: { url: string; kinds: string[] }) => Promise<{ message: string; fields: Record<string, string> } | null>;
  onCancel?: () => void;
}) {
  const t = useTranslations("webhooks.form");
  const [url, setUrl] = useState(initial.url);
  const [kinds, setKinds] = useState(initial.kinds);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const failed = await submit({ url, kinds });
    setPending(false);
    setError(failed);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField id={`${idPrefix}-url`} label={t("url")} name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.org/claimtrail" error={error?.fields.url} required maxLength={2000} />
      <KindPicker idPrefix={idPrefix} groups={groups} selected={kinds} onChange={setKinds} error={error?.fields.kinds} />
      {error && !error.fields.url && !error.fields.kinds ? <Alert>{error.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
