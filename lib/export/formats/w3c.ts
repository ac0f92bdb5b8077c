import { REVIEW_STATE_LABELS } from "@/lib/claims/review-states";
import { claimBatches, type ExportClaim, type ExportMention } from "../batches";
import { claimUrl, iso, verdictFields, type ExportContext } from "../context";
import { CLAIMTRAIL_NS } from "./namespace";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** The collection's @context: the W3C one plus the `ct:` prefix for Claimtrail's own terms. */
export const W3C_CONTEXT = [ANNO_CONTEXT, { ct: CLAIMTRAIL_NS }] as const;

/** oa:assessing is in the W3C vocabulary but has no short term in its context, so it is written as a compact IRI. */
export const ASSESSING = "oa:assessing";

export const annotationUrn = (id: string) => `urn:claimtrail:annotation:${id}`;
export const articleUrn = (id: string) => `urn:claimtrail:article:${id}`;
export const claimUrn = (id: string) => `urn:claimtrail:claim:${id}`;

/**
 * One W3C Web Annotation for one mention. The target's source is the
 * article's own URL when it has one, else a stable URN; the selectors are the
 * stored ones (positions in UTF-16 code units of Claimtrail's canonical text;
 * an orphaned mention has only its quote). The bodies: the statement
 * (`describing`), the verdict's label (`oa:assessing`, when there is a verdict),
 * one per tag (`tagging`), and the claim itself as a `ct:Claim` with its
 * structured fields.
 */
export function webAnnotation(ctx: ExportContext, c: ExportClaim, m: ExportMention) {
  const v = verdictFields(ctx, c.verdict);
  return {
    id: annotationUrn(m.annotationId),
    type: "Annotation",
    motivation: c.verdict ? ASSESSING : "tagging",
    created: iso(m.createdAt),
    target: {
      type: "SpecificResource",
      source: m.article.url ?? articleUrn(m.article.id),
      selector: [
        ...(m.start !== null && m.end !== null ? [{ type: "TextPositionSelector", start: m.start, end: m.end }] : []),
        { type: "TextQuoteSelector", exact: m.exact, prefix: m.prefix, suffix: m.suffix },
      ],
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
        "ct:article": articleUrn(m.article.id),
        "ct:anchorStatus": m.status,
      },
    ],
  };
}

/**
 * A W3C AnnotationCollection holding every mention in the set, in one
 * embedded AnnotationPage (`first`; a page without `next` is the last). The
 * collection's `total` comes after the page, once the items are counted, so
 * the file streams.
 */
export async function* w3cExport(ctx: ExportContext): AsyncGenerator<string> {
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
  for await (const batch of claimBatches(ctx.set)) {
    let chunk = "";
    for (const c of batch) {
      for (const m of c.mentions) {
        chunk += (total === 0 ? "\n" : ",\n") + JSON.stringify(webAnnotation(ctx, c, m));
        total += 1;
      }
    }
    if (chunk) yield chunk;
  }
  yield `${total ? "\n" : ""}]},\n"total":${total}}\n`;
}
