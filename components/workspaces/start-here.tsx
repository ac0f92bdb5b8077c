import Link from "next/link";
import type { StartHere as StartHereData } from "@/lib/workspaces/start-here";

/**
 * The top of a workspace's landing page for someone new: in the demo
 * workspace, three steps through its finished fact-check; in a workspace
 * with articles but no claim yet, the one step to the first claim. Nothing
 * otherwise: people who know their way around see only their articles.
 */
export function StartHere({ slug, data, canAnnotate, hasArticles }: { slug: string; data: StartHereData; canAnnotate: boolean; hasArticles: boolean }) {
  const link = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";
  if (!data.demo) {
    if (!hasArticles || data.claims.total > 0 || !canAnnotate) return null;
    return (
      <p className="mb-6 rounded-xl bg-brand-50 px-5 py-4 text-sm text-stone-800 ring-1 ring-brand-100">
        {/* No link here: the Claims tab is right above, and a second "Claims" link would make two of the same name. */}
        <strong className="font-semibold">Next step:</strong> open an article, select the words of a claim and choose <strong>Mark as claim</strong>. Its sources,
        verdict and review then live under Claims.
      </p>
    );
  }
  const { claims, assigned, firstArticle } = data;
  const states = [
    claims.approved ? `${claims.approved} approved` : null,
    claims["in-review"] ? `${claims["in-review"]} in review` : null,
    claims.unreviewed ? `${claims.unreviewed} unreviewed` : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="start-here-heading" className="mb-8 rounded-xl bg-brand-50 p-5 ring-1 ring-brand-100">
      <h2 id="start-here-heading" className="text-base font-semibold text-stone-900">
        Start here: a finished fact-check in three steps
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        This demo newsroom checked what three articles say about a (fictional) harbour bridge: {claims.total} {claims.total === 1 ? "claim" : "claims"}
        {states.length ? ` (${states.join(", ")})` : ""}.
      </p>
      <ol className="mt-4 grid gap-3 text-sm text-stone-700 md:grid-cols-3">
        <li className="rounded-lg bg-white p-4 ring-1 ring-stone-200">
          <span className="block font-semibold text-stone-900">1. Read an article</span>
          <span className="mt-1 block">The marked passages are claims, coloured by their verdict; click one to see its check.</span>
          {firstArticle ? (
            <Link href={`/w/${slug}/articles/${firstArticle.id}`} className={`mt-2 inline-block ${link}`}>
              Open the first article
            </Link>
          ) : null}
        </li>
        <li className="rounded-lg bg-white p-4 ring-1 ring-stone-200">
          <span className="block font-semibold text-stone-900">2. See how each was checked</span>
          <span className="mt-1 block">Sources, a verdict with its reasons and the review history; one claim is found in all three articles.</span>
          <Link href={`/w/${slug}/claims`} className={`mt-2 inline-block ${link}`}>
            See all claims
          </Link>
        </li>
        <li className="rounded-lg bg-white p-4 ring-1 ring-stone-200">
          <span className="block font-semibold text-stone-900">3. Check the next one yourself</span>
          {assigned ? (
            <>
              <span className="mt-1 block">
                “{assigned.statement}” is assigned to you: add a source, propose a verdict, then send it to review.
              </span>
              <Link href={`/w/${slug}/claims/${assigned.id}`} className={`mt-2 inline-block ${link}`}>
                Open your claim
              </Link>
            </>
          ) : (
            <span className="mt-1 block">Select a sentence in an article and choose Mark as claim.</span>
          )}
        </li>
      </ol>
    </section>
  );
}
