"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { safeReturnPath } from "@/lib/auth/return-path";
import { THROTTLED_PREFIX } from "@/lib/auth/throttle-message";

export function SignUpForm({ callbackUrl, inviteToken }: { callbackUrl?: string; inviteToken?: string }) {
  const t = useTranslations("auth.signUp");
  const localize = useApiErrors();
  const tIn = useTranslations("auth.signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      inviteToken,
    };
    setPending(true);
    setError(null);
    setFields({});
    const res = await apiSend("POST", "/api/signup", body);
    if (!res.ok) {
      setPending(false);
      const problem = localize(res.error);
      setFields(problem.fields);
      if (!Object.keys(problem.fields).length) setError(problem.message);
      return;
    }
    // The server answers the same whether or not the email already had an account; signing in tells them apart
    // only for someone who knows that account's password (and sign-in attempts are throttled).
    const signedIn = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
    if (!signedIn || signedIn.error) {
      setPending(false);
      const err = signedIn?.error ?? "";
      setError(
        err.startsWith(THROTTLED_PREFIX)
          ? tIn("throttled", { minutes: Math.ceil(Number(err.slice(THROTTLED_PREFIX.length)) / 60) })
          : t("couldNotSignIn"),
      );
      return;
    }
    router.replace(safeReturnPath(callbackUrl));
    router.refresh();
  }

  const signinHref = callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <TextField label={t("name")} name="name" autoComplete="name" required autoFocus error={fields.name} />
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required error={fields.email} />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint={t("passwordHint")}
        error={fields.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </Button>
      <p className="text-center text-sm text-stone-600">
        {t("haveAccount")}{" "}
        <Link href={signinHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </form>
  );
}
