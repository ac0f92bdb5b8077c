"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";

export function AcceptInviteButton({ token }: { token: string }) {
  const router = useRouter();
  const t = useTranslations("workspaces.invite");
  const localize = useApiErrors();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button
        className="w-full"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const res = await apiSend<{ workspace: { slug: string } }>("POST", `/api/invites/${encodeURIComponent(token)}`);
          if (!res.ok) {
            setPending(false);
            setError(localize(res.error).message);
            return;
          }
          router.push(`/w/${res.data.workspace.slug}`);
          router.refresh();
        }}
      >
        {pending ? t("joining") : t("join")}
      </Button>
    </div>
  );
}
