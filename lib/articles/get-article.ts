import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { displayableDate } from "./dates";
import type { DocNode } from "./document";
import { articleMetadataSelect } from "./article-metadata-select";

/** Revision numbers are PostgreSQL integers: 1 to 2,147,483,647. */
export const REVISION_MAX = 2_147_483_647;

/** A revision number in a query string or body (`?revision=3`): 400 naming the field when it can't be one. */
export const revisionNumberSchema = z.coerce
  .number({ error: "Use a revision number." })
  .int("Use a whole revision number.")
  .min(1, "Revisions are numbered from 1.")
  .max(REVISION_MAX, "There is no revision with that number.");

/**
 * An article of the workspace, with its current document; `revision` picks an
 * earlier one. A revision number that can't exist (not a whole number from 1
 * to REVISION_MAX) is "not found" naming `revision`, not a database error; an
 * id holding NUL (which PostgreSQL can't compare) is plain "not found".
 */
export async function getArticle(workspaceId: string, articleId: string, revision?: number) {
  if (articleId.includes("\u0000")) throw notFound("Article not found");
  if (revision !== undefined && !revisionNumberSchema.safeParse(revision).success) {
    throw new DomainError(404, "Revision not found", { revision: `There is no revision ${String(revision)}: revisions are whole numbers from 1.` });
  }
  const article = await db.article.findFirst({
    where: { id: articleId, workspaceId },
    select: {
      ...articleMetadataSelect,
      pageStarts: true,
      doc: true,
      text: true,
      revision: true,
      contentHash: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      revisions: { orderBy: { number: "desc" }, select: { number: true, createdAt: true, title: true, createdBy: { select: { name: true } } } },
    },
  });
  if (!article) throw notFound("Article not found");
  // A date stored before dates were checked (migration 20261130_article_date_range nulls them) must not break the page.
  article.publishedAt = displayableDate(article.publishedAt);
  article.modifiedAt = displayableDate(article.modifiedAt);
  if (revision === undefined || revision === article.revision) return { ...article, doc: article.doc as unknown as DocNode, shownRevision: article.revision };
  const old = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number: revision } },
    select: { doc: true, text: true, title: true },
  });
  if (!old) throw notFound("Revision not found");
  // Page starts are kept for the current text only.
  return { ...article, title: old.title, doc: old.doc as unknown as DocNode, text: old.text, pageStarts: [], shownRevision: revision };
}
