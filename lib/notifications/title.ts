import type { CatalogueTranslate } from "@/lib/i18n/translator";
import { oneLine } from "@/lib/validation/text";
import type { NotificationKind } from "./kinds";
import { clipText, TITLE_CLIP } from "@/lib/format/clip";

/**
 * What a notification's title is made of, stored with it (Notification.params) so that each reader
 * sees it in their own language: the claim's statement (clipped), the claim it was merged into,
 * or who joined and as what.
 */
export type NotificationParams = { statement?: string; kept?: string; name?: string; role?: string };

/** A statement as a title quotes it: one line, at most 80 characters. */
export function clipStatement(statement: string): string {
  const s = statement.replace(/\s+/g, " ").trim();
  return clipText(s, TITLE_CLIP);
}

const KEYS: Record<NotificationKind, string> = {
  assigned: "assigned",
  approved: "approved",
  reopened: "reopened",
  "sent-back": "sentBack",
  merged: "merged",
  deleted: "deleted",
  mentioned: "mentioned",
  commented: "commented",
  "invite-accepted": "inviteAccepted",
};

function isParams(value: unknown): value is NotificationParams {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
}

/**
 * The title in the translator's language (a page's `getTranslations()`, or the recipient's catalogue
 * for e-mail). A row written before titles were stored this way, or of a kind this version doesn't
 * know, shows its title as written.
 */
export function notificationTitle(n: { kind: string; title: string; params?: unknown }, t: CatalogueTranslate): string {
  const key = KEYS[n.kind as NotificationKind];
  if (!key || !isParams(n.params)) return n.title;
  const p = n.params;
  if (n.kind === "invite-accepted") {
    const role = p.role && t.has(`common.roles.${p.role}`) ? t(`common.roles.${p.role}`) : (p.role ?? "");
    return oneLine(t("notifications.titles.inviteAccepted", { name: p.name ?? "", role }));
  }
  if (p.statement === undefined) return n.title;
  if (n.kind === "merged" && p.kept === undefined) return oneLine(t("notifications.titles.mergedElsewhere", { statement: p.statement }));
  return oneLine(t(`notifications.titles.${key}`, { statement: p.statement, kept: p.kept ?? "" }));
}

/** A kind's name as the preferences form and the unsubscribe page give it, for e-mail footers. */
export function kindLabel(kind: NotificationKind, t: CatalogueTranslate): string {
  return t(`notifications.preferences.kinds.${KEYS[kind]}`);
}
