import type { Prisma } from "@/lib/db/client";
import type { ChangeInput } from "./kinds";
import { notifyMembers } from "@/lib/notifications/subscriber";
import { queueWebhookDeliveries } from "@/lib/webhooks/queue";

/**
 * What else happens, in the same transaction, when changes are recorded:
 * each subscriber gets the changes and their row ids (same order) and writes
 * its own rows (an inbox entry, a webhook delivery to send). Work that talks
 * to the outside world (mail, HTTP) is never done here: the subscriber queues
 * it in PostgreSQL and a worker does it after the commit.
 */
export type ChangeSubscriber = (tx: Prisma.TransactionClient, changes: ChangeInput[], ids: bigint[]) => Promise<void>;

export const changeSubscribers: ChangeSubscriber[] = [
  // One line per subscriber, e.g. notifyMembers, queueWebhookDeliveries.
  notifyMembers,
  queueWebhookDeliveries,
];
