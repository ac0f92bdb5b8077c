import type { Webhook, WebhookDelivery } from "@/lib/db/generated/client";

/** A webhook as admins and the API see it: never its secret. */
export interface WebhookView {
  id: string;
  url: string;
  kinds: string[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export function webhookView(w: Webhook): WebhookView {
  return { id: w.id, url: w.url, kinds: w.kinds, enabled: w.enabled, disabledReason: w.disabledReason, createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString() };
}

export interface DeliveryView {
  id: string;
  kind: string;
  changeId: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  resentFromId: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export function deliveryView(d: WebhookDelivery): DeliveryView {
  return {
    id: d.id,
    kind: d.kind,
    changeId: String(d.changeId),
    status: d.status as DeliveryView["status"],
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastDurationMs: d.lastDurationMs,
    lastError: d.lastError,
    nextAttemptAt: d.status === "pending" && d.nextAttemptAt ? d.nextAttemptAt.toISOString() : null,
    resentFromId: d.resentFromId,
    createdAt: d.createdAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
  };
}
