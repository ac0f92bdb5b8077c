"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** Change password: the current one, then the new one. Other sessions end; this one stays. */
export function PasswordForm() {
  const t = useTranslations("settings.password");
  const localize = useApiErrors();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    setFields({});
    setDone(null);
    const res = await apiSend<{ endedSessions: number }>("POST", "/api/account/password", {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    });
    setPending(false);
    if (!res.ok) {
      const problem = localize(res.error);
      setFields(problem.fields);
      if (!Object.keys(problem.fields).length) setError(problem.message);
      return;
    }
    formElement.reset();
    const n = res.data.endedSessions;
    setDone(n ? t("doneEnded", { count: n }) : t("done"));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <TextField label={t("current")} name="currentPassword" type="password" autoComplete="current-password" required error={fields.currentPassword} />
      <TextField
        label={t("new")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint={t("hint")}
        error={fields.newPassword}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
