import { afterAll, beforeAll, beforeEach } from "vitest";
import { sendDueMail } from "@/lib/mail/worker";
import { startSmtpSink } from "./smtp-sink";

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

/**
 * A test file's outgoing mail: an SMTP sink started before its tests (SMTP_URL points at it, so mail is
 * on) and closed after, a NEXTAUTH_SECRET for unsubscribe links, and `flushMail` to send whatever is
 * queued now (the mail worker's ticks, without its timer). Call once at the top of the file.
 */
export function mailSuite(): { sink: () => Sink; flushMail: () => Promise<void> } {
  let sink: Sink | undefined;
  const saved = { smtp: process.env.SMTP_URL, secret: process.env.NEXTAUTH_SECRET };
  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    process.env.NEXTAUTH_SECRET ??= "test-secret-for-unsubscribe-links";
  });
  afterAll(async () => {
    process.env.SMTP_URL = saved.smtp;
    if (saved.secret === undefined) delete process.env.NEXTAUTH_SECRET;
    await sink?.close();
  });
  beforeEach(() => {
    if (sink) sink.reject.on = false;
  });
  return {
    sink: () => {
      if (!sink) throw new Error("mailSuite's sink is used before its beforeAll ran");
      return sink;
    },
    flushMail: async () => {
      while ((await sendDueMail()) > 0);
    },
  };
}
