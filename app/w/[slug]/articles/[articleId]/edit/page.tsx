import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArticleEditor } from "@/components/articles/article-editor";
import { getArticle } from "@/lib/articles/get-article";
import { requirePageAccess } from "@/lib/auth/page-access";
import { DomainError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("articles.editor");
  return { title: t("pageTitle") };
}

export default async function EditArticlePage({ params }: { params: Promise<{ slug: string; articleId: string }> }) {
  const { slug, articleId } = await params;
  const access = await requirePageAccess(slug, "article.edit", `/w/${slug}/articles/${articleId}/edit`);
  const article = await getArticle(access.workspace.id, articleId).catch((err) => {
    if (err instanceof DomainError && err.status === 404) notFound();
    throw err;
  });
  const t = await getTranslations("articles.editor");
  return (
    <div>
      <h2 className="mb-4 text-lg font-semibold">{t("heading", { title: article.title })}</h2>
      <ArticleEditor
        slug={slug}
        articleId={articleId}
        doc={article.doc}
        revision={article.revision}
        metadata={{
          title: article.title,
          publisher: article.publisher,
          author: article.author,
          url: article.url,
          publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
          language: article.language,
          tags: article.tags,
          canonicalUrl: article.canonicalUrl,
          originalUrl: article.originalUrl,
          modifiedAt: article.modifiedAt ? article.modifiedAt.toISOString().slice(0, 10) : null,
        }}
      />
    </div>
  );
}
