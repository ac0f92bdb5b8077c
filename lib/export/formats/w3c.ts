import { REVIEW_STATE_LABELS } from "@/lib/claims/review-states";
import { Prisma } from "@/lib/db/generated/client";
import { keysetPages, readAhead, type ExportClaim, type ExportMention, type Keyed } from "../batches";
import { exportRows } from "../rows";
import { claimUrl, iso, verdictFields, type ExportContext } from "../context";
import { describeSpan } from "@/lib/anchoring/selectors";
import { pageAt } from "@/lib/articles/page-starts";
import { CodePointIndex } from "./code-points";
import { CLAIMTRAIL_NS } from "./namespace";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/**
 * The collection's @context: the W3C one plus the `ct:` prefix for
 * Claimtrail's own terms; `ct:page` and `ct:article` are declared IRIs, so a
 * JSON-LD processor reads them as links, not as strings.
 */
export const W3C_CONTEXT = [ANNO_CONTEXT, { ct: CLAIMTRAIL_NS, "ct:page": { "@type": "@id" }, "ct:article": { "@type": "@id" } }] as const;

/** oa:assessing is in the W3C vocabulary but has no short term in its context, so it is written as a compact IRI. */
export const ASSESSING = "oa:assessing";

export const annotationUrn = (id: string) => `urn:claimtrail:annotation:${id}`;
export const articleUrn = (id: string) => `urn:claimtrail:article:${id}`;
export const claimUrn = (id: string) => `urn:claimtrail:claim:${id}`;
export const userUrn = (id: string) => `urn:claimtrail:user:${id}`;

/**
 * The mention's selectors as the W3C model defines them, over the article's
 * current canonical text: the position in code points (the model's MUST; the
 * app stores UTF-16 code units), and the quote being the text at that
 * position now, after any re-anchoring (the stored quote is the one first
 * made; after a fuzzy re-anchoring it differs from the text there). An
 * orphaned mention has no position, only the quote as first made.
 */
export function w3cSelectors(m: ExportMention, points: (text: string) => CodePointIndex = (text) => new CodePointIndex(text)) {
  const text = m.article.text;
  if (m.start === null || m.end === null || text === undefined || m.end > text.length) {
    return [{ type: "TextQuoteSelector", exact: m.exact, prefix: m.prefix, suffix: m.suffix }];
  }
  let quote;
  try {
    ({ quote } = describeSpan(text, m.start, m.end));
  } catch {
    // A stored span the text can't hold (never written by the app): the quote alone, rather than a failed download.
    return [{ type: "TextQuoteSelector", exact: m.exact, prefix: m.prefix, suffix: m.suffix }];
  }
  const index = points(text);
  return [
    { type: "TextPositionSelector", start: index.offset(m.start), end: index.offset(m.end) },
    { type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  ];
}

/**
 * One W3C Web Annotation for one mention. The target's source is the
 * article's own URL when it has one, else a stable URN. What belongs to this
 * mention (its creator, article and anchoring status) is on the annotation;
 * the bodies: the statement (`describing`), the verdict's label
 * (`oa:assessing`, when there is a verdict), one per tag (`tagging`), and the
 * claim itself as a `ct:Claim` with its structured fields, the same node in
 * every annotation of that claim.
 */
export function webAnnotation(ctx: ExportContext, c: ExportClaim, m: ExportMention, points?: (text: string) => CodePointIndex) {
  const v = verdictFields(ctx, c.verdict);
  const pdfPage = m.start === null ? null : pageAt(m.article.pageStarts, m.start);
  return {
    id: annotationUrn(m.annotationId),
    type: "Annotation",
    motivation: c.verdict ? ASSESSING : "tagging",
    // An annotation imported from another tool names who made it there (no account here, so no id).
    ...(m.originalCreator
      ? { creator: { type: "Person", name: m.originalCreator } }
      : m.creator
        ? { creator: { id: userUrn(m.creator.id), type: "Person", name: m.creator.name } }
        : {}),
    created: iso(m.createdAt),
    "ct:article": articleUrn(m.article.id),
    "ct:anchorStatus": m.status,
    // PDFs: the page (1-based) the mention starts on in the original file.
    ...(pdfPage !== null ? { "ct:pdfPage": pdfPage } : {}),
    target: {
      type: "SpecificResource",
      source: m.article.url ?? articleUrn(m.article.id),
      selector: w3cSelectors(m, points),
    },
    body: [
      { type: "TextualBody", value: c.statement, purpose: "describing", format: "text/plain" },
      ...(v.verdictLabel ? [{ type: "TextualBody", value: v.verdictLabel, purpose: ASSESSING, format: "text/plain" }] : []),
      ...c.tags.map((t) => ({ type: "TextualBody", value: t, purpose: "tagging" })),
      {
        id: claimUrn(c.id),
        type: "ct:Claim",
        "ct:page": claimUrl(ctx, c.id),
        "ct:statement": c.statement,
        ...(c.claimant ? { "ct:claimant": c.claimant } : {}),
        "ct:reviewState": c.reviewState,
        "ct:reviewStateLabel": REVIEW_STATE_LABELS[c.reviewState],
        ...(v.verdict ? { "ct:verdict": v.verdict, "ct:verdictLabel": v.verdictLabel } : {}),
        ...(v.rating !== null ? { "ct:rating": v.rating } : {}),
      },
    ],
  };
}

/** Articles per query for W3C: their texts and mentions are what memory holds at a time. */
export const W3C_ARTICLE_PAGE = 50;

type ArticlePage = Keyed & { title: string; url: string | null; publishedAt: Date | null; language: string | null; text: string; pageStarts: number[] };
type MentionRow = {
  annotationId: string;
  articleId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  status: ExportMention["status"];
  note: string | null;
  createdAt: Date;
  creatorId: string | null;
  creatorName: string | null;
  originalCreator: string | null;
  claimId: string;
  statement: string;
  claimant: string | null;
  reviewState: ExportClaim["reviewState"];
  verdict: ExportClaim["verdict"];
  tags: string[];
};

/**
 * A W3C AnnotationCollection holding every mention in the set, in one
 * embedded AnnotationPage (`first`; a page without `next` is the last). The
 * collection's `total` comes after the page, once the items are counted, so
 * the file streams. Mentions go article by article (articles in creation
 * order, each article's mentions in theirs), so each article's text is read
 * once and memory holds one page of articles' texts and mentions.
 */
export async function* w3cExport(ctx: ExportContext): AsyncGenerator<string> {
  const { set } = ctx;
  const collectionId = `urn:claimtrail:export:${ctx.workspace.id}:${ctx.exportedAt.getTime()}`;
  const head = {
    "@context": W3C_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: `${ctx.workspace.name}: claims`,
    generated: iso(ctx.exportedAt),
  };
  const page = { id: `${collectionId}:page:0`, type: "AnnotationPage", partOf: collectionId, startIndex: 0 };
  yield `${JSON.stringify(head).slice(0, -1)},\n"first":${JSON.stringify(page).slice(0, -1)},"items":[`;
  let total = 0;
  const articles = keysetPages<ArticlePage>(
    "ar",
    (after, take) =>
      exportRows<ArticlePage>(Prisma.sql`
        SELECT ar."id", ar."createdAt", ar."title", ar."url", ar."publishedAt", ar."language", ar."text", ar."pageStarts"
        FROM "Article" ar WHERE ${set.articles}${after} ORDER BY ar."createdAt", ar."id" LIMIT ${take}`),
    W3C_ARTICLE_PAGE,
  );
  for await (const batch of readAhead(articles)) {
    const ids = batch.map((a) => a.id);
    const byId = new Map(batch.map((a) => [a.id, a]));
    const rows = await exportRows<MentionRow>(Prisma.sql`
      SELECT a."id" AS "annotationId", a."articleId", a."exact", a."prefix", a."suffix", a."start", a."end", a."status"::text AS "status", a."note", a."createdAt", a."originalCreator",
        u."id" AS "creatorId", u."name" AS "creatorName",
        c."id" AS "claimId", c."statement", c."claimant", c."reviewState", c."verdict", c."tags"
      FROM "Annotation" a JOIN "Claim" c ON c."id" = a."claimId" LEFT JOIN "User" u ON u."id" = a."createdById"
      WHERE ${set.mentions} AND a."articleId" = ANY(${ids}::text[]) AND ${set.claims}
      ORDER BY array_position(${ids}::text[], a."articleId"), a."createdAt", a."id"`);
    // One code-point index per article text, however many highlights it holds.
    const indexes = new Map<string, CodePointIndex>();
    const points = (text: string) => {
      let index = indexes.get(text);
      if (!index) indexes.set(text, (index = new CodePointIndex(text)));
      return index;
    };
    let chunk = "";
    for (const r of rows) {
      const article = byId.get(r.articleId)!;
      const claim = { id: r.claimId, statement: r.statement, claimant: r.claimant, reviewState: r.reviewState, verdict: r.verdict, tags: r.tags } as ExportClaim;
      const mention: ExportMention = {
        annotationId: r.annotationId,
        article,
        creator: r.creatorId ? { id: r.creatorId, name: r.creatorName ?? "" } : null,
        originalCreator: r.originalCreator,
        exact: r.exact,
        prefix: r.prefix,
        suffix: r.suffix,
        start: r.start,
        end: r.end,
        status: r.status,
        note: r.note,
        createdAt: r.createdAt,
      };
      chunk += (total === 0 ? "\n" : ",\n") + JSON.stringify(webAnnotation(ctx, claim, mention, points));
      total += 1;
    }
    if (chunk) yield chunk;
  }
  yield `${total ? "\n" : ""}]},\n"total":${total}}\n`;
}
