"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** The new password, with the token from the e-mailed link. Afterwards every session is signed out. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const localize = useApiErrors();
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
      const problem = localize(res.error);
      setFields(problem.fields);
      if (!problem.fields.password) setError(problem.message);
      return;
    }
    setDone(true);
  }

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("done")}</Alert>
        <Link href="/signin" className="block text-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("signIn")}
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
              {t("newLink")}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <TextField label={t("password")} name="password" type="password" autoComplete="new-password" required minLength={10} autoFocus hint={t("hint")} error={fields.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
