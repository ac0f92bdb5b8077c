import { claimBatches, type ExportClaim } from "../batches";
import { iso, verdictFields, type ExportContext } from "../context";

/** One JSON Lines record: a claim with its mentions, sources, review state and verdict. */
export function jsonlRecord(ctx: ExportContext, c: ExportClaim) {
  return {
    id: c.id,
    statement: c.statement,
    claimant: c.claimant,
    claimDate: iso(c.claimDate),
    reviewState: c.reviewState,
    ...verdictFields(ctx, c.verdict),
    explanation: c.explanationText,
    tags: c.tags,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    approvedAt: iso(c.approvedAt),
    mentions: c.mentions.map((m) => ({
      annotationId: m.annotationId,
      article: { id: m.article.id, title: m.article.title, url: m.article.url, publishedAt: iso(m.article.publishedAt) },
      quote: { exact: m.exact, prefix: m.prefix, suffix: m.suffix },
      start: m.start,
      end: m.end,
      status: m.status,
    })),
    sources: c.sources.map((s) => ({
      id: s.id,
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: iso(s.publishedAt),
      accessedAt: iso(s.accessedAt),
      kind: s.kind,
      stance: s.stance,
      note: s.note,
    })),
  };
}

/** JSON Lines: one claim per line, "\n" after each, in (createdAt, id) order. */
export async function* jsonlExport(ctx: ExportContext): AsyncGenerator<string> {
  for await (const batch of claimBatches(ctx.set)) {
    let chunk = "";
    for (const c of batch) chunk += JSON.stringify(jsonlRecord(ctx, c)) + "\n";
    yield chunk;
  }
}
