import { oneLine } from "@/lib/validation/text";
import type { Prisma } from "@/lib/db/client";
import type { ChangeSubscriber } from "@/lib/changes/subscribers";
import { publicUrl } from "@/lib/http/public-url";
import { mailEnabled } from "@/lib/mail/config";
import { queueMail } from "@/lib/mail/queue";
import { unsubscribeHeaders, unsubscribePageUrl } from "@/lib/mail/unsubscribe";
import { deriveDrafts, type Draft } from "./derive";
import { nextDigestDue } from "./digest-time";
import { DEFAULT_CHANNEL, type Channel } from "./kinds";
import { kindLabel, notificationTitle } from "./title";
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from "@/lib/i18n/locales";
import { catalogueTranslatorFor, translatorFor, type Translate } from "@/lib/i18n/translator";

type Tx = Prisma.TransactionClient;

/** A notification's e-mail body, in the recipient's language: what happened, the note, the link, how to stop these. */
export function notificationText(t: Translate, n: { title: string; detail: string | null; actorName: string | null; link: string }, unsubscribe: { link: string; kind: string }): string {
  return [
    n.actorName ? t("notification.headlineBy", { title: n.title, actor: n.actorName }) : t("notification.headline", { title: n.title }),
    n.detail ? `\n${n.detail}\n` : "",
    t("notification.open", { link: n.link }),
    "",
    "--",
    t("notification.stop", unsubscribe),
    t("notification.choose", { link: publicUrl("/settings#notifications") }),
  ].join("\n");
}

/** A mail's language: the recipient's choice; English when they follow the browser (a mail has no browser). */
export function mailLocale(saved: string | null | undefined): AppLocale {
  return isAppLocale(saved) ? saved : DEFAULT_LOCALE;
}

export function notificationLink(workspaceSlug: string, claimId: string | null): string {
  return publicUrl(claimId ? `/w/${workspaceSlug}/claims/${claimId}` : "/inbox");
}

/**
 * The notifications subscriber: turns recorded changes into inbox rows and,
 * by each person's preference, queued e-mail (immediate) or a digest due
 * time, all in the writer's transaction. Nobody is notified of their own
 * change, and only current members of the workspace are notified.
 */
export const notifyMembers: ChangeSubscriber = async (tx, changes, ids) => {
  const drafts = (await deriveDrafts(tx, changes)).filter((d) => d.userId !== d.actorId);
  if (!drafts.length) return;
  await writeNotifications(tx, drafts, ids);
};

async function writeNotifications(tx: Tx, drafts: Draft[], ids: bigint[]): Promise<void> {
  const userIds = [...new Set(drafts.map((d) => d.userId))];
  const workspaceIds = [...new Set(drafts.map((d) => d.workspaceId))];
  const actorIds = [...new Set(drafts.map((d) => d.actorId).filter((id): id is string => Boolean(id)))];
  const [members, prefs, actors, workspaces] = await Promise.all([
    tx.membership.findMany({ where: { userId: { in: userIds }, workspaceId: { in: workspaceIds } }, select: { userId: true, workspaceId: true, user: { select: { email: true, locale: true } } } }),
    tx.notificationPreference.findMany({ where: { userId: { in: userIds } }, select: { userId: true, kind: true, channel: true } }),
    tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    tx.workspace.findMany({ where: { id: { in: workspaceIds } }, select: { id: true, slug: true } }),
  ]);
  const email = new Map(members.map((m) => [`${m.userId} ${m.workspaceId}`, m.user.email]));
  const locale = new Map(members.map((m) => [m.userId, mailLocale(m.user.locale)]));
  const channel = new Map(prefs.map((p) => [`${p.userId} ${p.kind}`, p.channel as Channel]));
  // Names and titles go into e-mail text one line each, whatever was stored before names were checked.
  const actorName = new Map(actors.map((a) => [a.id, oneLine(a.name)]));
  const slug = new Map(workspaces.map((w) => [w.id, w.slug]));
  const mail = mailEnabled();

  const rows: Prisma.NotificationCreateManyInput[] = [];
  const mails: Parameters<typeof queueMail>[1] = [];
  const digestUsers = new Set<string>();
  for (const d of drafts) {
    const to = email.get(`${d.userId} ${d.workspaceId}`);
    if (!to) continue;
    const chosen = channel.get(`${d.userId} ${d.kind}`) ?? DEFAULT_CHANNEL[d.kind];
    if (chosen === "off") continue;
    // Without SMTP, e-mail is off: the inbox still gets everything, and nothing piles up to be sent later.
    const delivery = mail ? chosen : "in-app";
    const name = d.actorId ? (actorName.get(d.actorId) ?? null) : null;
    const title = oneLine(d.title);
    rows.push({ userId: d.userId, workspaceId: d.workspaceId, kind: d.kind, changeId: ids[d.changeIndex], actorName: name, claimId: d.claimId, title, params: d.params, detail: d.detail, delivery });
    if (delivery === "immediate") {
      const link = notificationLink(slug.get(d.workspaceId) ?? "", d.claimId);
      const recipientLocale = locale.get(d.userId) ?? DEFAULT_LOCALE;
      const [t, words] = await Promise.all([translatorFor(recipientLocale, "mail"), catalogueTranslatorFor(recipientLocale)]);
      const said = notificationTitle({ kind: d.kind, title, params: d.params }, words);
      mails.push({
        to,
        subject: t("notification.subject", { title: said }),
        text: notificationText(t, { title: said, detail: d.detail, actorName: name, link }, { link: unsubscribePageUrl(d.userId, d.kind), kind: kindLabel(d.kind, words) }),
        headers: unsubscribeHeaders(d.userId, d.kind),
      });
    } else if (delivery === "digest") {
      digestUsers.add(d.userId);
    }
  }
  if (rows.length) await tx.notification.createMany({ data: rows });
  await queueMail(tx, mails);
  if (digestUsers.size) {
    // The first digest-bound notification sets when the digest is due; later ones join it.
    await tx.user.updateMany({ where: { id: { in: [...digestUsers] }, digestDueAt: null }, data: { digestDueAt: nextDigestDue(new Date()) } });
  }
}
