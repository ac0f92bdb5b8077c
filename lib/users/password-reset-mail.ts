import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { DomainError, invalid, said } from "@/lib/errors";
import { publicUrl } from "@/lib/http/public-url";
import { mailEnabled } from "@/lib/mail/config";
import { queueMail } from "@/lib/mail/queue";
import { isAppLocale, DEFAULT_LOCALE, type AppLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { newUserSchema } from "./create-user";
import { emailSchema } from "./email";

/**
 * "Forgot password?": a reset link by e-mail. The token is 32 random bytes
 * sent only in the mail; the database keeps its sha256, so a copy of the
 * database can't reset anyone. Single use, expires after RESET_TTL_MS.
 * The answer never says whether the address has an account.
 */
export const RESET_TTL_MS = 60 * 60_000;
/** Per email (account or not) and per client address, within RESET_WINDOW_MS. */
export const MAX_RESETS_PER_EMAIL = 3;
export const MAX_RESETS_PER_ADDRESS = 20;
export const RESET_WINDOW_MS = 60 * 60_000;
const LOCK_RESET_EMAIL = 7311;
const LOCK_RESET_ADDRESS = 7312;

export const requestResetSchema = z.object({ email: emailSchema });
export const confirmResetSchema = z.object({
  token: z.string({ error: "The reset link is incomplete." }).min(1, "The reset link is incomplete.").max(200, "The reset link is not valid."),
  password: newUserSchema.shape.password,
});

export const RESET_REQUEST_ANSWER = { status: "accepted" } as const;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function mailOff(): DomainError {
  return new DomainError(409, "E-mail is off on this server, so passwords can't be reset by e-mail. Ask your administrator to reset it (npm run cli -- reset-password).");
}

/**
 * Queues a reset mail if the address has an account; the same answer either way. Rate-limited in PostgreSQL.
 * `askedIn`: the language of the request (its cookie, else Accept-Language: lib/i18n/locale-of-request.ts),
 * for an account that never saved one: whoever asks for the link on a Russian page reads it in Russian.
 */
export async function requestPasswordReset(
  input: z.infer<typeof requestResetSchema>,
  address: string,
  now = new Date(),
  askedIn: AppLocale = DEFAULT_LOCALE,
): Promise<typeof RESET_REQUEST_ANSWER> {
  if (!mailEnabled()) throw mailOff();
  const email = input.email;
  await db.$transaction(async (tx) => {
    // Counted under locks, like sign-in attempts, so a burst gets no more than the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_RESET_EMAIL}::int, hashtext(${email}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_RESET_ADDRESS}::int, hashtext(${address}))`;
    const since = new Date(now.getTime() - RESET_WINDOW_MS);
    await tx.$executeRaw`DELETE FROM "PasswordResetRequest" WHERE id IN (
      SELECT id FROM "PasswordResetRequest" WHERE "createdAt" < ${since}::timestamp ORDER BY "createdAt" LIMIT 100 FOR UPDATE SKIP LOCKED)`;
    const [byEmail, byAddress] = await Promise.all([
      tx.passwordResetRequest.findMany({ where: { email, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
      tx.passwordResetRequest.findMany({ where: { address, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    ]);
    const biting = [byEmail.length >= MAX_RESETS_PER_EMAIL ? byEmail[byEmail.length - MAX_RESETS_PER_EMAIL] : null, byAddress.length >= MAX_RESETS_PER_ADDRESS ? byAddress[byAddress.length - MAX_RESETS_PER_ADDRESS] : null].filter(
      (r): r is { createdAt: Date } => r !== null,
    );
    if (biting.length) {
      const retryAfter = Math.max(1, Math.ceil((Math.max(...biting.map((r) => r.createdAt.getTime())) + RESET_WINDOW_MS - now.getTime()) / 1000));
      const minutes = Math.ceil(retryAfter / 60);
      const message = said("reset_throttled", `Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, { minutes });
      throw new DomainError(429, message, { email: message }, { retryAfter });
    }
    await tx.passwordResetRequest.create({ data: { email, address, createdAt: now } });
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, locale: true } });
    if (!user) return;
    const token = randomBytes(32).toString("base64url");
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + RESET_TTL_MS) } });
    // In the language the person chose; following the browser, in the language of the page that asked for it.
    const t = await translatorFor(isAppLocale(user.locale) ? user.locale : askedIn, "mail");
    await queueMail(tx, [
      {
        to: user.email,
        subject: t("passwordReset.subject"),
        text: [
          t("passwordReset.intro"),
          "",
          t("passwordReset.choose", { link: publicUrl(`/reset-password?token=${token}`) }),
          "",
          t("passwordReset.once"),
          t("passwordReset.ignore"),
        ].join("\n"),
      },
    ]);
  });
  return RESET_REQUEST_ANSWER;
}

/**
 * Sets the new password with a reset token, in one transaction: the token is
 * used up (only one of two concurrent uses wins), every session of the
 * account ends, its other reset tokens and failed sign-ins are cleared.
 */
export async function confirmPasswordReset(input: z.infer<typeof confirmResetSchema>, now = new Date()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const used = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashResetToken(input.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { userId: true },
    });
    if (!used.length) throw invalid(said("reset_link_used", "This reset link has expired or was already used. Ask for a new one."), {
        token: said("reset_link_used", "This reset link has expired or was already used."),
      });
    const user = await tx.user.update({ where: { id: used[0].userId }, data: { passwordHash }, select: { id: true, email: true } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.passwordResetToken.deleteMany({ where: { userId: user.id, usedAt: null } });
    await tx.signInAttempt.deleteMany({ where: { email: user.email, OR: [{ succeeded: false }, { succeeded: null }] } });
    return { email: user.email };
  });
}
