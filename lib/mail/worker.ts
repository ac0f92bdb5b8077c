import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db/client";
import type { Worker } from "@/lib/workers";
import { mailEnabled, mailFrom } from "./config";

/** After this many failed attempts a message is given up (failedAt set). */
export const MAX_ATTEMPTS = 8;
/** A claimed message is free for another instance again after this long (an instance died while sending). */
const LEASE_MS = 5 * 60_000;
const BATCH = 10;

let transport: { url: string; transporter: Transporter } | null = null;

function transporter(): Transporter {
  const url = process.env.SMTP_URL!;
  // Connection settings only, per process: no job state lives here.
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** Wait before attempt n+1: 30 s, 1 min, 2 min, … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

type Claimed = { id: string; to: string; subject: string; text: string; headers: Record<string, string>; attempts: number };

/**
 * Sends up to one batch of due mail. Messages are claimed with a lease
 * (FOR UPDATE SKIP LOCKED, then their due time pushed past the lease) so
 * instances never send one twice at once, and no transaction stays open
 * while talking to the SMTP server.
 */
export async function sendDueMail(now = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "MailMessage" SET attempts = attempts + 1, "dueAt" = ${leaseUntil}::timestamp
    WHERE id IN (
      SELECT id FROM "MailMessage"
      WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "dueAt" <= ${now}::timestamp
      ORDER BY "dueAt" LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, headers, attempts`;
  for (const mail of claimed) {
    try {
      await transporter().sendMail({ from: mailFrom(), to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
      await db.mailMessage.update({ where: { id: mail.id }, data: { sentAt: new Date(), lastError: null } });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      await db.mailMessage.update({
        where: { id: mail.id },
        data: { lastError: message.slice(0, 1000), ...(giveUp ? { failedAt: new Date() } : { dueAt: new Date(Date.now() + backoffMs(mail.attempts)) }) },
      });
    }
  }
  return claimed.length;
}

export const mailWorker: Worker = { name: "mail", idleMs: 2_000, tick: () => sendDueMail() };
