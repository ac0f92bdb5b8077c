import { Prisma } from "@/lib/db/generated/client";
import { VERDICT_RATING, type Verdict } from "@/lib/claims/verdicts";
import type { ExportClaim, ExportMention } from "../batches";
import { copyTuples } from "../copy-stream";
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

/** A timestamp(3) (stored UTC) as toISOString's text, which `new Date` reads back exactly. */
const isoText = (col: string) => `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const date = (b: Buffer | null) => (b === null ? null : new Date(b.toString("utf8")));
const text = (b: Buffer | null) => (b === null ? null : b.toString("utf8"));
const json = <T>(b: Buffer | null, none: T): T => (b === null ? none : (JSON.parse(b.toString("utf8")) as T));

/**
 * The reviewed claims, each with what `claimReview` reads of it, from one
 * query streamed by COPY (copy-stream.ts): a claim's mentions (their
 * articles), relations to live claims and merged claims come as JSON beside
 * it, read claim by claim by index as the claim's row is made. The rows come
 * in (createdAt, id) order straight from an index (`inIndexOrder`: no sort of
 * the whole set first), so the first goes out at once and the app writes
 * reviews while PostgreSQL reads the next claims. Aggregating each kind over
 * the whole set first (hash joins, as the other formats do) cost the same
 * database CPU at 100k but sent nothing until all of it was done, so the two
 * halves ran one after the other. Orders are claimBatches': claims by
 * (createdAt, id), mentions by (createdAt, id), relations by the relation's
 * (createdAt, id).
 */
export function reviewedClaimsSql(ctx: ExportContext): Prisma.Sql {
  const { set } = ctx;
  const live = (alias: string) => Prisma.raw(`${alias}."deletedAt" IS NULL AND ${alias}."mergedIntoId" IS NULL`);
  // The mentions come from the index on (claimId, createdAt, id, articleId, deletedAt, workspaceId) alone.
  return Prisma.sql`
    SELECT c."id", c."statement", c."claimant", ${Prisma.raw(isoText(`c."claimDate"`))}, c."verdict", c."explanationText", ${Prisma.raw(isoText(`c."approvedAt"`))},
      (SELECT json_agg(json_build_array(ar."id", ar."title", ar."url", ${Prisma.raw(isoText(`ar."publishedAt"`))}, ar."language") ORDER BY a."createdAt", a."id")::text
        FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId" WHERE a."claimId" = c."id" AND ${set.mentions}),
      (SELECT json_agg(json_build_array(x."type", x."direction", x."otherId") ORDER BY x."createdAt", x."id")::text FROM (
        SELECT r."type", 'outgoing' AS "direction", r."toId" AS "otherId", r."createdAt", r."id"
        FROM "ClaimRelation" r JOIN "Claim" t ON t."id" = r."toId" AND ${live("t")} WHERE r."fromId" = c."id"
        UNION ALL
        SELECT r."type", 'incoming', r."fromId", r."createdAt", r."id"
        FROM "ClaimRelation" r JOIN "Claim" f ON f."id" = r."fromId" AND ${live("f")} WHERE r."toId" = c."id"
      ) x),
      (SELECT json_agg(mc."id" ORDER BY mc."createdAt", mc."id")::text FROM "Claim" mc WHERE mc."mergedIntoId" = c."id")
    FROM "Claim" c WHERE ${set.claims} AND c."reviewState" = 'approved' AND c."verdict" IS NOT NULL
    ORDER BY c."createdAt", c."id"`;
}

type ArticleTuple = [id: string, title: string, url: string | null, publishedAt: string | null, language: string | null];

/** A row of reviewedClaimsSql as the ExportClaim `claimReview` reads (fields it doesn't read left empty). */
function reviewedClaim(row: (Buffer | null)[]): ExportClaim {
  const [id, statement, claimant, claimDate, verdict, explanationText, approvedAt, mentions, relations, merged] = row;
  return {
    id: text(id)!,
    statement: text(statement)!,
    claimant: text(claimant),
    claimDate: date(claimDate),
    reviewState: "approved",
    verdict: text(verdict) as Verdict,
    explanationText: text(explanationText) ?? "",
    tags: [],
    createdAt: new Date(0),
    updatedAt: new Date(0),
    approvedAt: date(approvedAt),
    mentions: json<ArticleTuple[]>(mentions, []).map(([articleId, title, url, publishedAt, language]) => ({
      annotationId: "",
      article: { id: articleId, title, url, publishedAt: publishedAt === null ? null : new Date(publishedAt), language },
      creator: null,
      exact: "",
      prefix: "",
      suffix: "",
      start: null,
      end: null,
      status: "exact",
      note: null,
      createdAt: new Date(0),
    })),
    sources: [],
    relations: json<[string, "outgoing" | "incoming", string][]>(relations, []).map(([type, direction, otherId]) => ({ type, direction, otherId })),
    mergedFrom: json<string[]>(merged, []),
  };
}

/** A JSON array of ClaimReviews, one per approved claim with a verdict in the set. */
export async function* claimReviewExport(ctx: ExportContext): AsyncGenerator<string> {
  const rows = copyTuples(reviewedClaimsSql(ctx), { inIndexOrder: true, signal: ctx.signal });
  // The query runs before any byte goes out: the file is the data as of its start (a change committed after the
  // first byte is in none of it), and a failure is an error answer, not a cut-off file.
  let batch = await rows.next();
  let out = "[";
  let first = true;
  try {
    while (!batch.done) {
      for (const row of batch.value) {
        out += (first ? "\n" : ",\n") + JSON.stringify(claimReview(ctx, reviewedClaim(row)));
        first = false;
      }
      yield out;
      out = "";
      batch = await rows.next();
    }
  } finally {
    await rows.return(undefined);
  }
  yield `${out}${first ? "]\n" : "\n]\n"}`;
}
