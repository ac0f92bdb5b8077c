import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArticleHeader } from "@/components/reader/article-header";
import { Reader } from "@/components/reader/reader";
import { StaticDocument } from "@/components/reader/static-document";
import { Alert } from "@/components/ui/alert";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { getArticle } from "@/lib/articles/get-article";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { uiLocale } from "@/lib/i18n/ui-locale";
import { contentLang } from "@/lib/i18n/content-lang";
import { can } from "@/lib/auth/permissions";
import { requirePageAccess } from "@/lib/auth/page-access";
import { DomainError } from "@/lib/errors";
import { findQuote } from "@/lib/anchoring/find-quote";
import { latestSeq } from "@/lib/changes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reader.page");
  return { title: t("metaTitle") };
}

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ slug: string; articleId: string }>; searchParams: Promise<{ revision?: string; quote?: string | string[] }> }) {
  const { slug, articleId } = await params;
  const { revision, quote } = await searchParams;
  const access = await requirePageAccess(slug, "workspace.view", `/w/${slug}/articles/${articleId}`);
  // A revision that can't exist (`?revision=-1`, `?revision=abc`) is a page that doesn't exist, not the current one in disguise.
  if (revision !== undefined && !/^\d+$/.test(revision)) notFound();
  const wanted = revision === undefined ? undefined : Number(revision);
  const article = await getArticle(access.workspace.id, articleId, wanted).catch((err) => {
    if (err instanceof DomainError && err.status === 404) notFound();
    throw err;
  });
  const current = article.shownRevision === article.revision;
  const t = await getTranslations("reader.page");
  // The article's words in their own language for screen readers, whatever the UI's (WCAG 3.1.2).
  const textLang = contentLang(article.text.slice(0, 2000), await uiLocale(), article.language);
  const header = <ArticleHeader slug={slug} article={article} canEdit={can(access.role, "article.edit")} />;
  if (!current) {
    return (
      <article>
        {header}
        <div className="mb-6 max-w-3xl">
          <Alert tone="info">
            {t.rich("earlierRevision", {
              link: (chunks) => (
                <Link href={`/w/${slug}/articles/${articleId}`} className="font-medium underline">
                  {chunks}
                </Link>
              ),
            })}
          </Alert>
        </div>
        <div lang={textLang}>
          <StaticDocument doc={article.doc} />
        </div>
      </article>
    );
  }
  // The seq first: a change committed while the page renders is then replayed, not lost.
  const liveSeq = await latestSeq(access.workspace.id);
  const [snapshot, verdictLabels] = await Promise.all([listAnnotations(access, articleId), uiLocale().then((locale) => getVerdictLabels(access.workspace.id, locale))]);
  // Words selected where the article was found (the bookmarklet): ready to become a claim.
  const quoted = typeof quote === "string" && quote.trim() ? quote : null;
  const quoteSpan = quoted ? findQuote(article.text, quoted) : null;
  return (
    <article>
      {header}
      {quoted && !quoteSpan ? (
        <div className="mb-6 max-w-3xl">
          <Alert tone="info">{t("quoteNotFound")}</Alert>
        </div>
      ) : null}
      <Reader
        quoteSpan={quoteSpan}
        // A new text starts the reader afresh; an edit of the title or other details only (a new
        // revision, the same text) must not: it would close a Mark-as-claim form being typed.
        key={article.shownRevision === article.revision ? `text:${article.contentHash}` : `revision:${article.shownRevision}`}
        slug={slug}
        articleId={articleId}
        doc={article.doc}
        text={article.text}
        lang={textLang}
        revision={article.revision}
        liveSeq={liveSeq}
        annotations={snapshot.annotations}
        currentUserId={access.userId}
        canAnnotate={can(access.role, "annotation.create")}
        canDeleteAny={can(access.role, "annotation.deleteAny")}
        canRestore={can(access.role, "annotation.restore")}
        verdictLabels={verdictLabels}
        pageStarts={article.pageStarts}
      />
    </article>
  );
}
