import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Time } from "@/components/ui/locale";
import { ResendButton } from "@/components/webhooks/resend-button";
import { SettingsTabs } from "@/components/workspaces/settings-tabs";
import { requirePageAccess } from "@/lib/auth/page-access";
import { decodeDateCursor, encodeCursor } from "@/lib/api-v1/pagination";
import { DomainError } from "@/lib/errors";
import { getWebhook, listDeliveries } from "@/lib/webhooks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks.deliveries");
  return { title: t("pageTitle") };
}

const STATUS_STYLE = { pending: "bg-amber-50 text-amber-800", delivered: "bg-emerald-50 text-emerald-800", failed: "bg-red-50 text-red-800" } as const;
const CELL = "max-md:block max-md:p-0 max-md:before:mr-1 max-md:before:font-medium max-md:before:text-stone-500 max-md:before:content-[attr(data-label)]";

export default async function DeliveriesPage({ params, searchParams }: { params: Promise<{ slug: string; webhookId: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const { slug, webhookId } = await params;
  const { cursor } = await searchParams;
  const access = await requirePageAccess(slug, "workspace.update", `/w/${slug}/settings/webhooks/${webhookId}`);
  const hook = await getWebhook(access, webhookId).catch((err: unknown) => {
    if (err instanceof DomainError && err.status === 404) notFound();
    throw err;
  });
  let before: { at: Date; id: string } | undefined;
  try {
    before = cursor ? decodeDateCursor(cursor) : undefined;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
  }
  const [page, t] = await Promise.all([listDeliveries(access, webhookId, { limit: 50, before }), getTranslations("webhooks.deliveries")]);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="mb-4 text-lg font-semibold">
        {t("settings")}
      </h2>
      <SettingsTabs slug={slug} current="webhooks" />
      <p className="text-sm">
        <Link href={`/w/${slug}/settings/webhooks`} className="text-brand-700 underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </p>
      <h3 className="mt-3 font-medium">{t("title")}</h3>
      <p className="mt-1 break-all font-mono text-sm text-stone-700">{hook.url}</p>
      {!hook.enabled ? <p className="mt-1 text-sm text-amber-800">{t("disabled")}</p> : null}
      {page.items.length === 0 ? (
        <p className="mt-4 text-sm text-stone-600">{t("none")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-xl bg-white ring-1 ring-stone-200 max-md:overflow-visible">
          <table className="w-full text-left text-sm max-md:block" aria-label={t("title")}>
            <thead className="border-b border-stone-200 text-stone-600 max-md:sr-only">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("queued")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("event")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("status")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("response")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("attempts")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("nextRetry")}</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">{t("actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 max-md:block">
              {page.items.map((d) => (
                <tr key={d.id} className="align-top max-md:flex max-md:flex-col max-md:gap-1 max-md:p-4">
                  <td data-label={t("queued")} className={`px-4 py-2 ${CELL}`}>
                    <Time value={d.createdAt} style="date-time" />
                    {d.resentFromId ? <span className="block text-xs text-stone-500">{t("resent")}</span> : null}
                  </td>
                  <td data-label={t("event")} className={`px-4 py-2 ${CELL}`}>
                    <code className="text-xs">{d.kind}</code>
                  </td>
                  <td data-label={t("status")} className={`px-4 py-2 ${CELL}`}>
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[d.status]}`}>{t(`statuses.${d.status}`)}</span>
                  </td>
                  <td data-label={t("response")} className={`px-4 py-2 ${CELL}`}>
                    {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : d.attempts ? t("noAnswer") : "—"}
                    {d.lastDurationMs !== null ? <span className="text-stone-500"> · {d.lastDurationMs} ms</span> : null}
                    {d.lastError && d.status !== "delivered" ? <span className="block max-w-xs break-words text-xs text-stone-500">{d.lastError}</span> : null}
                  </td>
                  <td data-label={t("attempts")} className={`px-4 py-2 ${CELL}`}>{d.attempts}</td>
                  <td data-label={t("nextRetry")} className={`px-4 py-2 ${CELL}`}>{d.nextAttemptAt ? <Time value={d.nextAttemptAt} style="date-time" /> : "—"}</td>
                  <td className="px-4 py-2 text-right max-md:block max-md:p-0 max-md:pt-2 max-md:text-left">
                    <ResendButton slug={slug} webhookId={webhookId} deliveryId={d.id} label={t("resendNamed", { kind: d.kind, at: String(d.createdAt) })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-4 flex gap-3 text-sm">
        {cursor ? (
          <Link href={`/w/${slug}/settings/webhooks/${webhookId}`} className="text-brand-700 hover:underline">
            {t("newest")}
          </Link>
        ) : null}
        {page.next ? (
          <Link href={`/w/${slug}/settings/webhooks/${webhookId}?cursor=${encodeCursor(page.next.at.toISOString(), page.next.id)}`} className="text-brand-700 hover:underline">
            {t("older")}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
