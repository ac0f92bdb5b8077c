import { invalid } from "@/lib/errors";
import { isStorableDate, DATE_MESSAGE } from "./dates";
import type { DocNode } from "./document";
import type { ArticleMetadata } from "./metadata";
import { jsonProblem, textProblem } from "./safe-text";

/**
 * The last check before an article (or a new revision) is written, whatever
 * called: the document nests at most MAX_DOC_DEPTH nodes and holds no NUL or
 * lone surrogate, the metadata's text neither, and the date is in range.
 * Callers that validated with docSchema and articleMetadataSchema never hit
 * it; code paths that build documents themselves (imports, the CLI, seeds)
 * get a 400 naming the field instead of a database error.
 */
export function assertStorableArticle(doc: DocNode, metadata: ArticleMetadata): void {
  const problem = jsonProblem(doc);
  if (problem) throw invalid(problem.message, { doc: problem.message });
  for (const field of ["title", "publisher", "author", "url", "language"] as const) {
    const value = metadata[field];
    const message = typeof value === "string" ? textProblem(value) : null;
    if (message) throw invalid(`${field}: ${message}`, { [field]: message });
  }
  for (const tag of metadata.tags) {
    const message = textProblem(tag);
    if (message) throw invalid(`tags: ${message}`, { tags: message });
  }
  if (metadata.publishedAt && !isStorableDate(metadata.publishedAt)) throw invalid(`publishedAt: ${DATE_MESSAGE}`, { publishedAt: DATE_MESSAGE });
}
