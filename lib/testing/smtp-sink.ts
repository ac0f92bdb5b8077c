import { SMTPServer } from "smtp-server";

/**
 * Test helper (not a test): a real SMTP server on loopback that keeps what
 * it receives, for tests that read delivered mail. `reject` makes it refuse
 * messages (a failing server).
 */
export interface ReceivedMail {
  to: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1");
  return bytes.toString("utf8");
}

/** RFC 2047: whitespace between adjacent encoded words (a folded non-ASCII subject) is not part of the text. */
function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = decodeHeader(line.slice(i + 1).trim());
  }
  const encoding = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  const text = encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body;
  return { to, headers, subject: headers.subject ?? "", text: text.replace(/\r\n/g, "\n") };
}

export async function startSmtpSink(port = 0): Promise<{ url: string; port: number; mails: ReceivedMail[]; reject: { on: boolean }; waitFor: (pred: (m: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const reject = { on: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (reject.on) return callback(Object.assign(new Error("Mailbox unavailable (test)"), { responseCode: 451 }));
        mails.push(parseMail(Buffer.concat(chunks).toString("latin1"), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  async function waitFor(pred: (m: ReceivedMail) => boolean, timeoutMs = 15_000): Promise<ReceivedMail> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = mails.find(pred);
      if (found) return found;
      if (Date.now() > until) throw new Error(`No such mail arrived within ${timeoutMs} ms; got: ${mails.map((m) => m.subject).join(" | ") || "nothing"}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url: `smtp://127.0.0.1:${actual}`, port: actual, mails, reject, waitFor, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
