"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";

/** Ends every session of this account (this browser's too), then goes to sign-in. */
export function SignOutEverywhere() {
  const t = useTranslations("settings.signOutEverywhere");
  const localize = useApiErrors();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    setError(null);
    const res = await apiSend("DELETE", "/api/account/sessions");
    if (!res.ok) {
      setPending(false);
      setError(localize(res.error).message);
      return;
    }
    // The session is already gone on the server; this clears the cookie here.
    await signOut({ callbackUrl: "/signin" });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button variant="secondary" onClick={onClick} disabled={pending}>
        {pending ? t("pending") : t("button")}
      </Button>
    </div>
  );
}
