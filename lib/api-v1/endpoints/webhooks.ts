import { z } from "zod";
import { CHANGE_KINDS } from "@/lib/changes/kinds";
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, newWebhookSchema, resendDelivery, rotateWebhookSecret, updateWebhook, webhookEditSchema } from "@/lib/webhooks";
import { endpoint } from "../endpoint";
import { decodeDateCursor, encodeCursor, pageQuery } from "../pagination";
import { pageOf } from "../schemas";

const dateTime = z.iso.datetime({ offset: true });

const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    kinds: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().meta({ description: "Why Claimtrail disabled it (the endpoint answered 410 Gone), else null." }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Webhook" });

const createdWebhookSchema = webhookSchema
  .extend({ secret: z.string().meta({ description: "The signing secret. Shown only in this answer: store it now." }) })
  .meta({ id: "CreatedWebhook" });

const deliverySchema = z
  .object({
    id: z.string().meta({ description: "Sent as Claimtrail-Delivery; the same on retries, new on a re-send." }),
    kind: z.string(),
    changeId: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.int(),
    lastStatusCode: z.int().nullable(),
    lastDurationMs: z.int().nullable().meta({ description: "How long the last attempt took, in milliseconds." }),
    lastError: z.string().nullable(),
    nextAttemptAt: dateTime.nullable().meta({ description: "When it is tried next, while pending." }),
    resentFromId: z.string().nullable(),
    createdAt: dateTime,
    finishedAt: dateTime.nullable(),
  })
  .meta({ id: "WebhookDelivery" });

const webhookListSchema = z
  .object({ items: z.array(webhookSchema), allowHosts: z.array(z.string()).meta({ description: "Hosts webhooks may reach on private addresses or over http." }), nextCursor: z.null() })
  .meta({ id: "WebhookPage" });

const tag = "Webhooks";
const kindsNote = `Kinds are the change feed's: ${CHANGE_KINDS.join(", ")}.`;

export const listWebhooksEndpoint = endpoint({
  id: "listWebhooks",
  method: "GET",
  path: "/workspaces/{ws}/webhooks",
  tag,
  summary: "List webhooks",
  description: "Admins only. Every webhook of the workspace (at most 20, so one page), without secrets, and the workspace's webhook allow-list.",
  action: "workspace.update",
  responses: { 200: { description: "The webhooks.", schema: webhookListSchema } },
  handler: async ({ access }) => ({ ...(await listWebhooks(access)), nextCursor: null }),
});

export const createWebhookEndpoint = endpoint({
  id: "createWebhook",
  method: "POST",
  path: "/workspaces/{ws}/webhooks",
  tag,
  summary: "Register a webhook",
  description: `Admins only. An https:// endpoint (http and private addresses only for hosts on the allow-list) and the kinds of changes it receives. ${kindsNote} The answer holds the signing secret, shown once.`,
  action: "workspace.update",
  body: newWebhookSchema,
  status: 201,
  responses: { 201: { description: "Registered.", schema: createdWebhookSchema }, 409: { description: "The workspace already has 20 webhooks." } },
  example: { url: "https://hooks.example.org/claimtrail", kinds: ["claim.verdict", "claim.review-state"] },
  handler: ({ access, body }) => createWebhook(access, body),
});

export const updateWebhookEndpoint = endpoint({
  id: "updateWebhook",
  method: "PATCH",
  path: "/workspaces/{ws}/webhooks/{webhookId}",
  tag,
  summary: "Edit, enable or disable a webhook",
  description: "Admins only. Any of `url`, `kinds`, `enabled`; enabling clears the reason Claimtrail disabled it.",
  action: "workspace.update",
  body: webhookEditSchema,
  responses: { 200: { description: "The webhook.", schema: webhookSchema } },
  example: { enabled: false },
  handler: ({ access, params, body }) => updateWebhook(access, params.webhookId, body),
});

export const rotateWebhookSecretEndpoint = endpoint({
  id: "rotateWebhookSecret",
  method: "POST",
  path: "/workspaces/{ws}/webhooks/{webhookId}/rotate-secret",
  tag,
  summary: "Rotate a webhook's signing secret",
  description:
    "Admins only. Replaces the signing secret; the answer holds the new one, shown once. Every delivery sent from now on (retries of earlier ones included) is signed with it; the old secret signs nothing more. Recorded in the audit log.",
  action: "workspace.update",
  responses: { 200: { description: "The webhook and its new secret.", schema: createdWebhookSchema } },
  handler: ({ access, params }) => rotateWebhookSecret(access, params.webhookId),
});

export const deleteWebhookEndpoint = endpoint({
  id: "deleteWebhook",
  method: "DELETE",
  path: "/workspaces/{ws}/webhooks/{webhookId}",
  tag,
  summary: "Delete a webhook",
  description: "Admins only. Its delivery log goes with it; queued deliveries are not sent.",
  action: "workspace.update",
  status: 204,
  responses: { 204: { description: "Deleted." } },
  handler: async ({ access, params }) => {
    await deleteWebhook(access, params.webhookId);
  },
});

export const listDeliveriesEndpoint = endpoint({
  id: "listWebhookDeliveries",
  method: "GET",
  path: "/workspaces/{ws}/webhooks/{webhookId}/deliveries",
  tag,
  summary: "List a webhook's deliveries",
  description: "Admins only. The delivery log, newest first: status, attempts, last status code and response time, next retry.",
  action: "workspace.update",
  query: z.object(pageQuery),
  responses: { 200: { description: "A page of deliveries.", schema: pageOf(deliverySchema, "WebhookDeliveryPage") } },
  handler: async ({ access, params, query }) => {
    const page = await listDeliveries(access, params.webhookId, { limit: query.limit, before: query.cursor ? decodeDateCursor(query.cursor) : undefined });
    return { items: page.items, nextCursor: page.next ? encodeCursor(page.next.at.toISOString(), page.next.id) : null };
  },
});

export const resendDeliveryEndpoint = endpoint({
  id: "resendWebhookDelivery",
  method: "POST",
  path: "/workspaces/{ws}/webhooks/{webhookId}/deliveries/{deliveryId}/resend",
  tag,
  summary: "Re-send a delivery",
  description: "Admins only. Queues the same change again as a new delivery (its own id and day of retries).",
  action: "workspace.update",
  status: 201,
  responses: { 201: { description: "The new delivery, queued.", schema: deliverySchema } },
  handler: ({ access, params }) => resendDelivery(access, params.webhookId, params.deliveryId),
});
