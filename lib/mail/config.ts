import { publicUrl } from "@/lib/http/public-url";

/** E-mail is on when SMTP_URL is set (any SMTP server, e.g. smtp://user:pass@mail.example.org:587). */
export function mailEnabled(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/** The From address: MAIL_FROM, else "Claimtrail <no-reply@HOST>" for the app's host. */
export function mailFrom(): string {
  if (process.env.MAIL_FROM) return process.env.MAIL_FROM;
  let host = "localhost";
  try {
    host = new URL(publicUrl()).hostname || host;
  } catch {
    // A malformed APP_URL still lets mail go out, from localhost.
  }
  return `Claimtrail <no-reply@${host}>`;
}
