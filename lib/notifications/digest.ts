import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/http/public-url";
import { mailEnabled } from "@/lib/mail/config";
import { queueMail } from "@/lib/mail/queue";
import { unsubscribeHeaders, unsubscribePageUrl } from "@/lib/mail/unsubscribe";
import type { Worker } from "@/lib/workers";
import { isNotificationKind } from "./kinds";
import { mailLocale, notificationLink } from "./subscriber";
import { catalogueTranslatorFor, translatorFor } from "@/lib/i18n/translator";
import { kindLabel, notificationTitle } from "./title";

const BATCH = 20;

/**
 * Builds the daily digests that are due: for each person whose
 * `digestDueAt` has passed (claimed with SKIP LOCKED, so one instance does
 * each), one queued e-mail listing their unsent digest notifications, which
 * are marked sent in the same transaction. The due time is cleared; the next
 * digest-bound notification sets the next day's.
 */
export async function buildDueDigests(now = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string; email: string; locale: string | null }[]>`
      SELECT id, email, locale::text AS locale FROM "User" WHERE "digestDueAt" <= ${now}::timestamp
      ORDER BY "digestDueAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    for (const user of due) {
      const items = await tx.notification.findMany({
        where: { userId: user.id, delivery: "digest", digestedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, title: true, params: true, detail: true, actorName: true, claimId: true, workspace: { select: { slug: true, name: true } } },
      });
      await tx.user.update({ where: { id: user.id }, data: { digestDueAt: null } });
      if (!items.length) continue;
      const locale = mailLocale(user.locale);
      const [t, words] = await Promise.all([translatorFor(locale, "mail"), catalogueTranslatorFor(locale)]);
      const lines = items.map((n) => {
        const by = n.actorName ? t("digest.by", { actor: n.actorName }) : "";
        const detail = n.detail ? `\n    ${n.detail.replace(/\s+/g, " ").slice(0, 200)}` : "";
        return `- [${n.workspace.name}] ${notificationTitle(n, words)}${by}${detail}\n    ${notificationLink(n.workspace.slug, n.claimId)}`;
      });
      const kinds = [...new Set(items.map((n) => n.kind))].filter(isNotificationKind);
      const text = [
        t("digest.intro", { count: items.length }),
        "",
        ...lines,
        "",
        "--",
        t("digest.inbox", { link: publicUrl("/inbox") }),
        ...kinds.map((k) => t("digest.stopKind", { kind: kindLabel(k, words), link: unsubscribePageUrl(user.id, k) })),
        t("digest.stopDigest", { link: unsubscribePageUrl(user.id, "digest") }),
      ].join("\n");
      await queueMail(tx, [{ to: user.email, subject: t("digest.subject", { count: items.length }), text, headers: unsubscribeHeaders(user.id, "digest") }]);
      await tx.notification.updateMany({ where: { id: { in: items.map((n) => n.id) } }, data: { digestedAt: now } });
    }
    return due.length;
  });
}

export const digestWorker: Worker = { name: "digest", idleMs: 60_000, tick: () => buildDueDigests() };
