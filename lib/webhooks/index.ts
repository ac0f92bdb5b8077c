/** Webhooks: admins' endpoints that receive the workspace's changes, signed, queued in PostgreSQL, retried for a day. */
export { createWebhook } from "./create-webhook";
export { updateWebhook } from "./update-webhook";
export { rotateWebhookSecret } from "./rotate-secret";
export { deleteWebhook } from "./delete-webhook";
export { listWebhooks } from "./list-webhooks";
export { getWebhook } from "./get-webhook";
export { listDeliveries } from "./list-deliveries";
export { resendDelivery } from "./resend-delivery";
export { setWebhookAllowHosts } from "./set-allow-hosts";
export { allowHostsSchema, newWebhookSchema, webhookEditSchema, MAX_WEBHOOKS } from "./schemas";
export { verifySignature, signatureHeader, SIGNATURE_HEADER, EVENT_HEADER, DELIVERY_HEADER } from "./sign";
export { deliverDue, webhookWorker, BACKOFF_MS, GIVE_UP_AFTER_MS } from "./worker";
export type { WebhookView, DeliveryView } from "./view";
