import Link from "next/link";
import { useTranslations } from "next-intl";
import type { StartHere as StartHereData } from "@/lib/workspaces/start-here";

/**
 * The top of a workspace's landing page for someone new: in the demo
 * workspace, three steps through its finished fact-check; in a workspace
 * with articles but no claim yet, the one step to the first claim. Nothing
 * otherwise: people who know their way around see only their articles.
 */
export function StartHere({ slug, data, canAnnotate, hasArticles }: { slug: string; data: StartHereData; canAnnotate: boolean; hasArticles: boolean }) {
  const t = useTranslations("workspaces.startHere");
  const link = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";
  if (!data.demo) {
    if (!hasArticles || data.claims.total > 0 || !canAnnotate) return null;
    return (
      <p className="mb-6 rounded-xl bg-brand-50 px-5 py-4 text-sm text-stone-800 ring-1 ring-brand-100">
        {/* No link here: the Claims tab is right above, and a second "Claims" link would make two of the same name. */}
        {t.rich("nextStep", { lead: (chunks) => <strong className="font-semibold">{chunks}</strong>, b: (chunks) => <strong>{chunks}</strong> })}
      </p>
    );
  }
  const { claims, assigned, firstArticle } = data;
  const states = [
    claims.approved ? t("approved", { count: claims.approved }) : null,
    claims["in-review"] ? t("inReview", { count: claims["in-review"] }) : null,
    claims.unreviewed ? t("unreviewed", { count: claims.unreviewed }) : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="start-here-heading" className="mb-8 rounded-xl bg-brand-50 p-5 ring-1 ring-brand-100">
      <h2 id="start-here-heading" className="text-base font-semibold text-stone-900">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        {t("intro", { count: claims.total })}
        {states.length ? ` (${states.join(", ")})` : ""}.
      </p>
      <ol className="mt-4 grid gap-3 text-sm text-stone-700 md:grid-cols-3">
        <li className="rounded-lg bg-white p-4 ring-1 ring-stone-200">
          <span className="block font-semibold text-stone-900">{t("step1")}</span>
          <span className="mt-1 block">{t("step1Text")}</span>
          {firstArticle ? (
            <Link href={`/w/${slug}/articles/${firstArticle.id}`} className={`mt-2 inline-block ${link}`}>
              {t("openFirst")}
            </Link>
          ) : null}
        </li>
        <li className="rounded-lg bg-white p-4 ring-1 ring-stone-200">
          <span className="block font-semibold text-stone-900">{t("step2")}</span>
          <span className="mt-1 block">{t("step2Text")}</span>
          <Link href={`/w/${slug}/claims`} className={`mt-2 inline-block ${link}`}>
            {t("seeClaims")}
          </Link>
        </li>
        <li className="rounded-lg bg-white p-4 ring-1 ring-stone-200">
          <span className="block font-semibold text-stone-900">{t("step3")}</span>
          {assigned ? (
            <>
              <span className="mt-1 block">{t("assigned", { statement: assigned.statement })}</span>
              <Link href={`/w/${slug}/claims/${assigned.id}`} className={`mt-2 inline-block ${link}`}>
                {t("openYours")}
              </Link>
            </>
          ) : (
            <span className="mt-1 block">{t("step3Text")}</span>
          )}
        </li>
      </ol>
    </section>
  );
}
