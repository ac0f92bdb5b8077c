import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FileImport } from "@/components/articles/file-import";
import { BundleImport } from "@/components/articles/bundle-import";
import { AnnotationImport } from "@/components/articles/annotation-import";
import { recentArticleChoices } from "@/lib/articles/list-articles";
import { PasteArticleForm } from "@/components/articles/paste-article-form";
import { UrlImport } from "@/components/articles/url-import";
import { requirePageAccess } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("articles.importPage");
  return { title: t("title") };
}

export default async function ImportPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  // The bookmarklet's ?url= and ?quote= (one value each; anything odd is just left out).
  const { url, quote } = await searchParams;
  const access = await requirePageAccess(slug, "article.create", `/w/${slug}/import`);
  const t = await getTranslations("articles.importPage");
  return (
    <div>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/w/${slug}`} className="text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </nav>
      <h2 className="mt-3 text-lg font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-stone-600">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <div className="mt-6">
        <UrlImport slug={slug} initialUrl={typeof url === "string" ? url.slice(0, 2000) : undefined} quote={typeof quote === "string" ? quote.slice(0, 1000) : undefined} />
      </div>
      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <PasteArticleForm slug={slug} />
        <FileImport slug={slug} />
      </div>
      <div className="mt-8">
        <AnnotationImport slug={slug} articles={await recentArticleChoices(access.workspace.id)} />
      </div>
      {can(access.role, "workspace.import") && (
        <div className="mt-8">
          <BundleImport slug={slug} />
        </div>
      )}
    </div>
  );
}
