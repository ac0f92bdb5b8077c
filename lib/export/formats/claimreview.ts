import { Prisma } from "@/lib/db/generated/client";
import { VERDICT_RATING } from "@/lib/claims/verdicts";
import { claimBatches, type ExportClaim, type ExportMention } from "../batches";
import { claimUrl, reviewUrl, type ExportContext } from "../context";
import { claimantIsOrganisation } from "./claimant";
import { CLAIMTRAIL_NS, RELATION_TERMS } from "./namespace";

export const SCHEMA_CONTEXT = "https://schema.org";

const day = (d: Date) => d.toISOString().slice(0, 10);

function creativeWork(m: ExportMention) {
  return {
    "@type": "CreativeWork",
    ...(m.article.url ? { url: m.article.url } : {}),
    headline: m.article.title,
    ...(m.article.publishedAt ? { datePublished: day(m.article.publishedAt) } : {}),
  };
}

/** Where the claim first appeared: the earliest-published mentioned article, else the first mention. */
function firstAppearance(mentions: ExportMention[]): ExportMention | undefined {
  const dated = mentions.filter((m) => m.article.publishedAt).sort((a, b) => a.article.publishedAt!.getTime() - b.article.publishedAt!.getTime());
  return dated[0] ?? mentions[0];
}

/**
 * One schema.org ClaimReview for an approved claim with a verdict.
 * `url` is the publisher's public page for it when the workspace (or the
 * instance) has a URL template, else the claim's page in the app.
 * `claimReviewed` is the statement as written, never the verdict. The rating
 * always names the workspace's label (`name` and `alternateName`); only
 * verdicts on the five-step scale carry `ratingValue` (5 = true … 1 = false)
 * with its bounds. The claimant is an Organization or a Person (claimant.ts);
 * the claim's date is its claim date, else its first appearance's.
 * Relations between claims, which schema.org has no property for, are full
 * IRIs in the Claimtrail namespace, pointing at the other claims' pages.
 */
export function claimReview(ctx: ExportContext, c: ExportClaim) {
  const verdict = c.verdict!;
  const rating = VERDICT_RATING[verdict];
  const mentions = c.mentions;
  const first = firstAppearance(mentions);
  const claimDate = c.claimDate ?? first?.article.publishedAt ?? null;
  const articles = new Map<string, ExportMention>();
  for (const m of mentions) if (!articles.has(m.article.id)) articles.set(m.article.id, m);
  const relations: Record<string, { "@id": string }[]> = {};
  for (const r of c.relations) {
    const term = RELATION_TERMS[r.type]?.[r.direction];
    if (!term) continue;
    (relations[`${CLAIMTRAIL_NS}${term}`] ??= []).push({ "@id": claimUrl(ctx, r.otherId) });
  }
  return {
    "@context": SCHEMA_CONTEXT,
    "@type": "ClaimReview",
    url: reviewUrl(ctx, c.id),
    claimReviewed: c.statement,
    author: { "@type": "Organization", name: ctx.workspace.name },
    ...(c.approvedAt ? { datePublished: day(c.approvedAt) } : {}),
    ...(mentions[0]?.article.language ? { inLanguage: mentions[0].article.language } : {}),
    reviewRating: {
      "@type": "Rating",
      name: ctx.labels[verdict],
      alternateName: ctx.labels[verdict],
      ...(rating !== null ? { ratingValue: rating, bestRating: 5, worstRating: 1 } : {}),
      ...(c.explanationText ? { ratingExplanation: c.explanationText } : {}),
    },
    itemReviewed: {
      "@type": "Claim",
      ...(c.claimant ? { author: { "@type": claimantIsOrganisation(c.claimant) ? "Organization" : "Person", name: c.claimant } } : {}),
      ...(claimDate ? { datePublished: day(claimDate) } : {}),
      ...(first ? { firstAppearance: creativeWork(first) } : {}),
      ...(articles.size ? { appearance: [...articles.values()].map(creativeWork) } : {}),
      ...(c.mergedFrom.length ? { sameAs: c.mergedFrom.map((id) => claimUrl(ctx, id)) } : {}),
      ...relations,
    },
  };
}

/**
 * Claims per batch: each batch's rows and objects are built while the next is
 * read, and at 1,000 they lived long enough to be promoted to the old
 * generation (the server grew ~200 MB during a 100k export); at 100 they die
 * young, for the same time (bench/export.bench.ts).
 */
const CLAIMREVIEW_BATCH = 100;

/** A JSON array of ClaimReviews, one per approved claim with a verdict in the set. */
export async function* claimReviewExport(ctx: ExportContext): AsyncGenerator<string> {
  yield "[";
  let first = true;
  for await (const batch of claimBatches(ctx.set, { links: true, size: CLAIMREVIEW_BATCH, where: Prisma.sql`c."reviewState" = 'approved' AND c."verdict" IS NOT NULL` })) {
    let chunk = "";
    for (const c of batch) {
      chunk += (first ? "\n" : ",\n") + JSON.stringify(claimReview(ctx, c));
      first = false;
    }
    if (chunk) yield chunk;
  }
  yield first ? "]\n" : "\n]\n";
}
