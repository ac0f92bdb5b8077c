"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** Change password: the current one, then the new one. Other sessions end; this one stays. */
export function PasswordForm() {
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
      setFields(res.error.fields);
      if (!Object.keys(res.error.fields).length) setError(res.error.message);
      return;
    }
    formElement.reset();
    const n = res.data.endedSessions;
    setDone(`Password changed.${n ? ` ${n} other session${n === 1 ? " was" : "s were"} signed out.` : ""}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fields.currentPassword} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters. Your other sessions will be signed out."
        error={fields.newPassword}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing password…" : "Change password"}
      </Button>
    </form>
  );
}
