"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** The new password, with the token from the e-mailed link. Afterwards every session is signed out. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    setError(null);
    setFields({});
    const res = await apiSend<{ email: string }>("POST", "/api/password-reset/confirm", { token, password });
    setPending(false);
    if (!res.ok) {
      setFields(res.error.fields);
      if (!res.error.fields.password) setError(res.error.message);
      return;
    }
    setDone(true);
  }

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your password is changed, and every session of your account is signed out.</Alert>
        <Link href="/signin" className="block text-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Sign in with the new password
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? (
        <Alert>
          {error}{" "}
          {fields.token ? (
            <Link href="/forgot-password" className="font-medium underline">
              Get a new link
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required minLength={10} autoFocus hint="At least 10 characters." error={fields.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
