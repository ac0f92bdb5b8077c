import Link from "next/link";
import { useTranslations } from "next-intl";
import { Time } from "@/components/ui/locale";
import type { AuditEntry } from "@/lib/audit";

const CELL = "max-md:block max-md:p-0 max-md:before:mr-1 max-md:before:font-medium max-md:before:text-stone-500 max-md:before:content-[attr(data-label)]";

/** What a change is about, linked when it is a claim or an article still to be found at that address. */
function Subject({ slug, e }: { slug: string; e: AuditEntry }) {
  const c = e.change;
  const t = useTranslations("audit.table");
  const words = useTranslations("audit");
  if (c.claimId) return <Link href={`/w/${slug}/claims/${c.claimId}`} className="text-brand-700 hover:underline">{t("claim")}</Link>;
  if (c.articleId) return <Link href={`/w/${slug}/articles/${c.articleId}`} className="text-brand-700 hover:underline">{t("article")}</Link>;
  const area = c.kind.slice(0, c.kind.indexOf("."));
  return <span className="text-stone-500">{words.has(`areas.${area}` as never) ? words(`areas.${area}` as never) : area}</span>;
}

export function AuditTable({ slug, entries, nextBefore, query, paged }: { slug: string; entries: AuditEntry[]; nextBefore: number | null; query: string; paged: boolean }) {
  const t = useTranslations("audit.table");
  const words = useTranslations("audit");
  const older = nextBefore ? `/w/${slug}/settings/audit?${new URLSearchParams([...new URLSearchParams(query), ["before", String(nextBefore)]]).toString()}` : null;
  return (
    <>
      {entries.length === 0 ? (
        <p className="text-sm text-stone-600">{query ? t("noneFiltered") : t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-stone-200 max-md:overflow-visible">
          <table className="w-full text-left text-sm max-md:block" aria-label={t("label")}>
            <thead className="border-b border-stone-200 text-stone-600 max-md:sr-only">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("when")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("who")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("kind")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("subject")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("summary")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 max-md:block">
              {entries.map((e) => (
                <tr key={e.change.seq} className="align-top max-md:flex max-md:flex-col max-md:gap-1 max-md:p-4">
                  <td data-label={t("when")} className={`whitespace-nowrap px-4 py-2 ${CELL}`}>
                    <Time value={e.change.createdAt} style="date-time" />
                    <span className="block text-xs text-stone-500">#{e.change.seq}</span>
                  </td>
                  <td data-label={t("who")} className={`px-4 py-2 ${CELL}`}>{e.actorName ?? <span className="text-stone-500">{e.change.actorId ? t("formerMember") : "Claimtrail"}</span>}</td>
                  <td data-label={t("kind")} className={`px-4 py-2 md:whitespace-nowrap ${CELL}`}>
                    {words.has(`kinds.${e.change.kind}` as never) ? words(`kinds.${e.change.kind}` as never) : <code className="text-xs">{e.change.kind}</code>}
                  </td>
                  <td data-label={t("subject")} className={`px-4 py-2 md:whitespace-nowrap ${CELL}`}>
                    <Subject slug={slug} e={e} />
                  </td>
                  <td data-label={t("summary")} className={`max-w-md break-words px-4 py-2 ${CELL}`}>{e.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("pages")} className="mt-4 flex gap-3 text-sm">
        {paged ? (
          <Link href={`/w/${slug}/settings/audit${query ? `?${query}` : ""}`} className="text-brand-700 hover:underline">
            {t("newest")}
          </Link>
        ) : null}
        {older ? (
          <Link href={older} className="text-brand-700 hover:underline">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
