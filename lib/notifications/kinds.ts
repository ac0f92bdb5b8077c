import { z } from "zod";

/**
 * What a person can be notified of, and how they can have it delivered.
 * Client-safe (no server imports): the preferences form lists these.
 */
export const NOTIFICATION_KINDS = ["assigned", "sent-back", "approved", "reopened", "merged", "deleted", "commented", "mentioned", "invite-accepted"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: "A claim was assigned to you",
  "sent-back": "Your claim was sent back",
  approved: "Your claim was approved",
  reopened: "Your claim was reopened",
  merged: "Your claim was merged",
  deleted: "Your claim was deleted",
  commented: "A comment on a claim you work on",
  mentioned: "Someone @mentioned you",
  "invite-accepted": "An invite you sent was accepted",
};

export const CHANNELS = ["in-app", "immediate", "digest", "off"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  "in-app": "In the app only",
  immediate: "E-mail at once",
  digest: "Daily e-mail digest",
  off: "Off",
};

/** Without a saved preference: things addressed to you personally come at once, the rest in the app. */
export const DEFAULT_CHANNEL: Record<NotificationKind, Channel> = {
  assigned: "immediate",
  "sent-back": "immediate",
  approved: "in-app",
  reopened: "in-app",
  merged: "in-app",
  deleted: "in-app",
  commented: "digest",
  mentioned: "immediate",
  "invite-accepted": "in-app",
};

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

export const preferencesSchema = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.enum(CHANNELS, { error: `Choose how to get "${NOTIFICATION_KIND_LABELS[k]}".` }).optional()])) as Record<NotificationKind, z.ZodOptional<z.ZodEnum<{ [C in Channel]: C }>>>)
  .strict();
export type PreferencesInput = z.infer<typeof preferencesSchema>;
