import { z } from "zod";
import { queryInt } from "@/lib/validation/numbers";
import { CHANGE_KINDS, type ChangeKind } from "@/lib/changes/kinds";
import { text } from "@/lib/validation/text";

/** At most this many webhooks per workspace: each change is queued once per subscribed webhook. */
export const MAX_WEBHOOKS = 20;
export const MAX_ALLOW_HOSTS = 50;

const kinds = z
  .array(z.enum(CHANGE_KINDS as [ChangeKind, ...ChangeKind[]], { error: "Not a kind of event Claimtrail records." }), { error: "Pick the kinds of events as a list." })
  .min(1, "Pick at least one kind of event.")
  .max(CHANGE_KINDS.length)
  .transform((list) => [...new Set(list)]);

const url = text().pipe(z.string().trim().min(1, "Give the endpoint's address.").max(2000, "Keep the address under 2,000 characters."));

export const newWebhookSchema = z.object({ url, kinds, enabled: z.boolean().optional() }).strict();
export type NewWebhook = z.output<typeof newWebhookSchema>;

export const webhookEditSchema = z
  .object({ url: url.optional(), kinds: kinds.optional(), enabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.url !== undefined || v.kinds !== undefined || v.enabled !== undefined, { error: "Change the address, the kinds or whether it is enabled.", params: { code: "nothing_changed" } });
export type WebhookEdit = z.output<typeof webhookEditSchema>;

/** host, host:port, [v6] or [v6]:port; lower-cased. */
const HOST = /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/;

export const allowHostsSchema = z
  .object({
    hosts: z
      .array(text().pipe(z.string().trim().toLowerCase().regex(HOST, "Write a host name or address, optionally with :port, e.g. 127.0.0.1:8080.")))
      .max(MAX_ALLOW_HOSTS, `At most ${MAX_ALLOW_HOSTS} hosts.`)
      .transform((list) => [...new Set(list)]),
  })
  .strict();

export const deliveryPageSchema = z.object({
  limit: queryInt("limit", 1, 100).default(50),
  cursor: z.string().optional(),
});
