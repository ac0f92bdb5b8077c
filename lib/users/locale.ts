import { z } from "zod";
import { db } from "@/lib/db/client";
import { LOCALES, type AppLocale } from "@/lib/i18n/locales";

/** Settings → Language: one of our locales, or null to follow the browser. */
export const localeChoiceSchema = z.object({
  locale: z.enum(LOCALES, { error: `Choose a language: ${LOCALES.join(", ")}, or null to follow the browser.` }).nullable(),
});
export type LocaleChoice = z.infer<typeof localeChoiceSchema>;

export async function getLocaleChoice(userId: string): Promise<LocaleChoice> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  return { locale: user.locale };
}

/**
 * Saves the person's UI language. The session lookup reads it on every page (lib/auth/sessions.ts),
 * so the next page load is in it on every browser and instance; nothing is cached to invalidate.
 */
export async function setLocaleChoice(userId: string, input: LocaleChoice): Promise<LocaleChoice> {
  const user = await db.user.update({ where: { id: userId }, data: { locale: input.locale as AppLocale | null }, select: { locale: true } });
  return { locale: user.locale };
}
