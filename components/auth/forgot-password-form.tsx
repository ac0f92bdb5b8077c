"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** "Forgot password?": asks for the address; the answer is the same whether it has an account or not. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgot");
  const localize = useApiErrors();
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setPending(true);
    setError(null);
    setFieldError(undefined);
    const res = await apiSend<{ status: string }>("POST", "/api/password-reset", { email });
    setPending(false);
    if (!res.ok) {
      const problem = localize(res.error);
      if (problem.fields.email) setFieldError(problem.fields.email);
      else setError(problem.message);
      return;
    }
    setSentTo(email.trim());
  }

  if (sentTo) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          {t("sent", { email: sentTo })}
        </Alert>
        <p className="text-center text-sm">
          <Link href="/signin" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("backToSignIn")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required autoFocus error={fieldError} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </Button>
      <p className="text-center text-sm">
        <Link href="/signin" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </form>
  );
}
