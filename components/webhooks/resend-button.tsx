"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";

/** Queues a delivery again; the log then shows the new one at the top. */
export function ResendButton({ slug, webhookId, deliveryId, label }: { slug: string; webhookId: string; deliveryId: string; label: string }) {
  const router = useRouter();
  const t = useTranslations("webhooks.deliveries");
  const localize = useApiErrors();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        className="px-2 py-1"
        disabled={pending}
        aria-label={label}
        onClick={async () => {
          setPending(true);
          setError(null);
          const res = await apiSend("POST", `/api/w/${slug}/webhooks/${webhookId}/deliveries/${deliveryId}/resend`);
          setPending(false);
          if (!res.ok) setError(localize(res.error).message);
          router.refresh();
        }}
      >
        {pending ? t("queuing") : t("resend")}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
