import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Fragment } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { Time } from "@/components/ui/locale";
import { languageName } from "@/lib/format/language-name";
import { contentLang } from "@/lib/i18n/content-lang";

interface Props {
  slug: string;
  article: {
    id: string;
    title: string;
    publisher: string | null;
    author: string | null;
    url: string | null;
    publishedAt: Date | null;
    /** Pages imported by URL: the day the page says it was last updated, its canonical address, the address given. */
    modifiedAt?: Date | null;
    canonicalUrl?: string | null;
    originalUrl?: string | null;
    language: string | null;
    tags: string[];
    revision: number;
    shownRevision: number;
    revisions: { number: number; createdAt: Date; createdBy: { name: string } | null }[];
  };
  canEdit: boolean;
}

export function ArticleHeader({ slug, article, canEdit }: Props) {
  const t = useTranslations("reader.header");
  const locale = useLocale();
  const base = `/w/${slug}/articles/${article.id}`;
  const byline = [
    article.publisher,
    article.author ? t("byAuthor", { author: article.author }) : null,
    article.publishedAt ? <Time value={article.publishedAt} style="day" /> : null,
    article.modifiedAt ? (
      <span data-testid="article-updated">
        {t("updated")} <Time value={article.modifiedAt} style="day" />
      </span>
    ) : null,
  ].filter((part) => part !== null && part !== "");
  // The addresses a URL import recorded; the one given is shown only when it isn't the canonical one (a redirect, a tracking link).
  const canonical = article.canonicalUrl ?? null;
  const importedFrom = article.originalUrl && article.originalUrl !== article.canonicalUrl ? article.originalUrl : null;
  return (
    <header className="mb-8 max-w-3xl">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/w/${slug}`} className="text-brand-700 hover:underline">
          {t("allArticles")}
        </Link>
      </nav>
      <h1 className="mt-3 font-serif text-3xl leading-tight font-semibold tracking-tight text-stone-900" lang={contentLang(article.title, locale, article.language)}>
        {article.title}
      </h1>
      {byline.length ? (
        <p className="mt-2 text-stone-600">
          {byline.map((part, i) => (
            <Fragment key={i}>
              {i ? " · " : null}
              {part}
            </Fragment>
          ))}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        {article.url ? (
          <a href={article.url} target="_blank" rel="noopener noreferrer nofollow" className="max-w-xs truncate text-brand-700 hover:underline">
            {t("original")}
          </a>
        ) : null}
        {canonical ? (
          <a href={canonical} target="_blank" rel="noopener noreferrer nofollow" className="max-w-xs truncate text-brand-700 hover:underline" title={canonical}>
            {t("canonical")}
          </a>
        ) : null}
        {importedFrom ? (
          <a href={importedFrom} target="_blank" rel="noopener noreferrer nofollow" className="max-w-xs truncate text-brand-700 hover:underline" title={importedFrom}>
            {t("importedFrom")}
          </a>
        ) : null}
        {article.language ? (
          <span className="rounded bg-stone-100 px-2 py-0.5 text-stone-700" title={t("language", { code: article.language })} data-testid="article-language">
            {languageName(article.language, locale)}
          </span>
        ) : null}
        {article.tags.map((t) => (
          <span key={t} className="rounded-full bg-brand-50 px-2 py-0.5 text-brand-800">
            {t}
          </span>
        ))}
        <span className="text-stone-500">
          {t("revisionOf", { shown: article.shownRevision, latest: article.revision })}
        </span>
        {article.revisions.length > 1 ? (
          // Keyed by the revision shown, so choosing one closes the menu instead of leaving it open over the page.
          <details key={article.shownRevision} className="relative">
            <summary className="cursor-pointer text-brand-700 hover:underline">{t("history")}</summary>
            <ol className="absolute z-10 mt-1 w-64 rounded-lg bg-white p-1 shadow-lg ring-1 ring-stone-200">
              {article.revisions.map((r) => (
                <li key={r.number}>
                  <Link href={r.number === article.revision ? base : `${base}?revision=${r.number}`} className="block rounded px-2 py-1 hover:bg-stone-100" aria-current={r.number === article.shownRevision ? "page" : undefined}>
                    {t("revision", { number: r.number })}
                    <span className="block text-xs text-stone-500">
                      <Time value={r.createdAt} style="date-time" /> · {r.createdBy?.name ?? t("import")}
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          </details>
        ) : null}
        {canEdit && article.shownRevision === article.revision ? (
          <Link href={`${base}/edit`} className={buttonClass("secondary", "ml-auto py-1")}>
            {t("edit")}
          </Link>
        ) : null}
      </div>
    </header>
  );
}
