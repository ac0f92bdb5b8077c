import type { Prisma } from "@/lib/db/client";

export interface QueuedMail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

/**
 * Queues e-mail in the caller's transaction: it is sent only if that commits,
 * and after it has (lib/mail/worker.ts), never in the request.
 */
export async function queueMail(tx: Prisma.TransactionClient, mails: QueuedMail[]): Promise<void> {
  if (!mails.length) return;
  await tx.mailMessage.createMany({ data: mails.map((m) => ({ to: m.to, subject: m.subject, text: m.text, headers: m.headers ?? {} })) });
}
