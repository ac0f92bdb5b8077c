"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { safeReturnPath } from "@/lib/auth/return-path";
import { THROTTLED_PREFIX } from "@/lib/auth/throttle-message";

export function SignInForm({ callbackUrl, signupOpen }: { callbackUrl?: string; signupOpen: boolean }) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(t("missing"));
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      const err = result?.error ?? "";
      setError(
        err.startsWith(THROTTLED_PREFIX)
          ? t("throttled", { minutes: Math.ceil(Number(err.slice(THROTTLED_PREFIX.length)) / 60) })
          : t("wrong"),
      );
      return;
    }
    router.replace(safeReturnPath(callbackUrl));
    router.refresh();
  }

  const signupHref = callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signup";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required autoFocus />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("forgot")}
        </Link>
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </Button>
      {signupOpen ? (
        <p className="text-center text-sm text-stone-600">
          {t("newHere")}{" "}
          <Link href={signupHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("createAccount")}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
