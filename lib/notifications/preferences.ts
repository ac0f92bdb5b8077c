import { db } from "@/lib/db/client";
import { invalid, said } from "@/lib/errors";
import { CHANNELS, DEFAULT_CHANNEL, NOTIFICATION_KINDS, isNotificationKind, type Channel, type NotificationKind, type PreferencesInput } from "./kinds";
import { verifyUnsubscribe } from "@/lib/mail/unsubscribe";

export type Preferences = Record<NotificationKind, Channel>;

/** A person's channel for every kind (saved, else the default). */
export async function getPreferences(userId: string): Promise<Preferences> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, channel: true } });
  const saved = new Map(rows.map((r) => [r.kind, r.channel]));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => {
      const c = saved.get(k);
      return [k, c && (CHANNELS as readonly string[]).includes(c) ? (c as Channel) : DEFAULT_CHANNEL[k]];
    }),
  ) as Preferences;
}

/** Saves the kinds given (one transaction); the others keep theirs. */
export async function setPreferences(userId: string, input: PreferencesInput): Promise<Preferences> {
  const entries = Object.entries(input).filter((e): e is [NotificationKind, Channel] => e[1] !== undefined);
  await db.$transaction(
    entries.map(([kind, channel]) =>
      db.notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, channel }, update: { channel } }),
    ),
  );
  return getPreferences(userId);
}

/**
 * One-click unsubscribe (signed link, works signed out): e-mail for `kind`
 * stops and it stays in the inbox; "digest" does that for every kind that
 * came by digest. Already unsubscribed: the same answer.
 */
export async function unsubscribe(userId: string, kind: string, signature: string): Promise<{ kinds: NotificationKind[] }> {
  if (!(kind === "digest" || isNotificationKind(kind)) || !verifyUnsubscribe(userId, kind, signature)) {
    throw invalid(said("unsubscribe_link_invalid", "This unsubscribe link is not valid. Choose what you get on your account page instead."), {
      t: said("unsubscribe_signature", "The link's signature doesn't match."),
    });
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return { kinds: [] };
  const current = await getPreferences(userId);
  const kinds = kind === "digest" ? NOTIFICATION_KINDS.filter((k) => current[k] === "digest") : current[kind as NotificationKind] === "off" ? [] : [kind as NotificationKind];
  await setPreferences(userId, Object.fromEntries(kinds.map((k) => [k, "in-app"])) as PreferencesInput);
  return { kinds };
}
