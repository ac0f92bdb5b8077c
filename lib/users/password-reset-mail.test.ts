import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { sendDueMail } from "@/lib/mail/worker";
import { startSmtpSink } from "@/lib/testing/smtp-sink";
import { makeUser, uniqueEmail } from "@/lib/testing/fixtures";
import { confirmPasswordReset, MAX_RESETS_PER_EMAIL, RESET_REQUEST_ANSWER, RESET_TTL_MS, requestPasswordReset, requestResetSchema } from "./password-reset-mail";

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const saved = process.env.SMTP_URL;
beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});
afterAll(async () => {
  process.env.SMTP_URL = saved;
  await sink.close();
});

let n = 0;
/** A client address of its own per call, so the per-address limit never bites across tests. */
const address = () => `198.51.100.${++n}`;

async function resetMailFor(email: string) {
  while ((await sendDueMail()) > 0);
  const mail = await sink.waitFor((m) => m.to.includes(email));
  const link = /(https?:\/\/\S+\/reset-password\?token=(\S+))/.exec(mail.text);
  expect(link, mail.text).not.toBeNull();
  return { mail, token: link![2] };
}

describe("password reset by e-mail", () => {
  it("mails a single-use link; using it sets the password and ends every session; the token is stored hashed", async () => {
    const user = await makeUser();
    await db.session.create({ data: { id: `s-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
    expect(await requestPasswordReset(requestResetSchema.parse({ email: user.email.toUpperCase() }), address())).toEqual(RESET_REQUEST_ANSWER);
    const { mail, token } = await resetMailFor(user.email);
    expect(mail.subject).toBe("Reset your Claimtrail password");
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    await confirmPasswordReset({ token, password: "a brand new password" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(after.passwordHash, "a brand new password")).toBe(true);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(confirmPasswordReset({ token, password: "yet another password" })).rejects.toMatchObject({ status: 400, fields: { token: expect.any(String) } });
  });

  it("doesn't tell whether an address has an account: same answer, and no mail for a stranger", async () => {
    const stranger = uniqueEmail("nobody");
    expect(await requestPasswordReset({ email: stranger }, address())).toEqual(RESET_REQUEST_ANSWER);
    while ((await sendDueMail()) > 0);
    expect(sink.mails.some((m) => m.to.includes(stranger))).toBe(false);
    expect(await db.mailMessage.count({ where: { to: stranger } })).toBe(0);
  });

  it("an expired link does nothing", async () => {
    const user = await makeUser();
    const past = new Date(Date.now() - RESET_TTL_MS - 60_000);
    await requestPasswordReset({ email: user.email }, address(), past);
    const { token } = await resetMailFor(user.email);
    await expect(confirmPasswordReset({ token, password: "a brand new password" })).rejects.toMatchObject({ status: 400 });
  });

  it("two uses of one link at once: exactly one wins", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: user.email }, address());
    const { token } = await resetMailFor(user.email);
    const results = await Promise.allSettled([confirmPasswordReset({ token, password: "first new password" }), confirmPasswordReset({ token, password: "second new password" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("is rate-limited per email in PostgreSQL, whether or not it has an account", async () => {
    const email = uniqueEmail("limited");
    for (let i = 0; i < MAX_RESETS_PER_EMAIL; i++) await requestPasswordReset({ email }, address());
    await expect(requestPasswordReset({ email }, address())).rejects.toMatchObject({ status: 429, fields: { email: expect.stringContaining("Too many") } });
  });

  it("without SMTP_URL it says e-mail is off", async () => {
    delete process.env.SMTP_URL;
    try {
      await expect(requestPasswordReset({ email: uniqueEmail() }, address())).rejects.toMatchObject({ status: 409, message: expect.stringContaining("E-mail is off") });
    } finally {
      process.env.SMTP_URL = sink.url;
    }
  });
});
