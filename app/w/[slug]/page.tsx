import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { PendingLink } from "@/components/layout/pending-link";
import { Alert } from "@/components/ui/alert";
import { PagerLinks } from "@/components/ui/pager-links";
import { metaLine } from "@/components/ui/meta-line";
import { can } from "@/lib/auth/permissions";
import { requirePageAccess } from "@/lib/auth/page-access";
import { articlePage } from "@/lib/articles/list-articles";
import { onlyTheCursorIsWrong } from "@/lib/api-v1/pagination";
import { languageName } from "@/lib/format/language-name";
import { startHere } from "@/lib/workspaces/start-here";
import { StartHere } from "@/components/workspaces/start-here";
import { formatDate } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";
import { contentLang } from "@/lib/i18n/content-lang";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("articles.list");
  return { title: t("title") };
}

/** Articles a page shows: the newest first, then older ones a page at a time (`?cursor=`). */
const PAGE_SIZE = 50;

/** A page of the articles; a cursor that isn't one of ours (edited, or from another list) gives the first page, `stale`. */
async function page(workspaceId: string, cursor: string | undefined) {
  try {
    return { ...(await articlePage(workspaceId, { limit: PAGE_SIZE, cursor })), stale: false };
  } catch (err) {
    if (cursor && onlyTheCursorIsWrong(err)) return { ...(await articlePage(workspaceId, { limit: PAGE_SIZE })), stale: true };
    throw err;
  }
}

export default async function WorkspaceHome({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const { cursor } = await searchParams;
  const access = await requirePageAccess(slug, "workspace.view", `/w/${slug}`);
  const later = typeof cursor === "string" && cursor ? cursor : undefined;
  const [{ items: articles, nextCursor, stale }, start, locale] = await Promise.all([page(access.workspace.id, later), startHere(access), requestLocale()]);
  const canAdd = can(access.role, "article.create");
  const [t, common, uiLocale] = await Promise.all([getTranslations("articles.list"), getTranslations("common"), getLocale()]);
  return (
    <>
      <StartHere slug={slug} data={start} canAnnotate={can(access.role, "claim.create")} hasArticles={articles.length > 0} />
      <section aria-labelledby="articles-heading">
        <div className="flex items-center justify-between">
          <h2 id="articles-heading" className="text-lg font-semibold">
            {t("title")}
          </h2>
          {canAdd ? (
            <Link href={`/w/${slug}/import`} className={buttonClass("primary")}>
              {t("add")}
            </Link>
          ) : null}
        </div>
        {stale ? (
          <div className="mt-4">
            <Alert tone="info">{common("staleCursor")}</Alert>
          </div>
        ) : null}
        {articles.length === 0 ? (
          <div className="mt-6 rounded-xl border border-dashed border-stone-300 bg-white px-6 py-12 text-center">
            <h3 className="font-medium">{t("empty")}</h3>
            <p className="mt-1 text-sm text-stone-600">{canAdd ? t("emptyCanAdd") : t("emptyReader")}</p>
          </div>
        ) : (
          <ul className="mt-6 divide-y divide-stone-200 overflow-hidden rounded-xl bg-white ring-1 ring-stone-200" aria-label={t("title")}>
            {articles.map((a) => {
              const details = metaLine([
                a.publisher,
                a.author,
                a.publishedAt ? formatDate(a.publishedAt, locale, "day-short") : null,
                a.language ? languageName(a.language, uiLocale) : null,
                a.annotationCount ? t("highlights", { count: a.annotationCount }) : null,
              ]);
              return (
                <li key={a.id}>
                  <PendingLink href={`/w/${slug}/articles/${a.id}`} className="block px-5 py-4 hover:bg-stone-50 focus-visible:bg-stone-50">
                    <span className="block font-serif text-lg leading-snug text-stone-900" lang={contentLang(a.title, uiLocale, a.language)}>
                      {a.title}
                    </span>
                    {details ? <span className="mt-1 block text-sm text-stone-500">{details}</span> : null}
                  </PendingLink>
                </li>
              );
            })}
          </ul>
        )}
        <PagerLinks
          label={t("pageLabel")}
          links={[later && !stale ? { href: `/w/${slug}`, text: t("newest") } : null, nextCursor ? { href: `/w/${slug}?${new URLSearchParams({ cursor: nextCursor })}`, text: t("older") } : null]}
        />
      </section>
    </>
  );
}
