import { z } from "zod";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { conflict, DomainError, invalidInput } from "@/lib/errors";
import { getArticle } from "./get-article";
import { FORMATS, importMetadataSchema, importRequestSchema, parseArticleAsync } from "./import";
import { articleMetadataSchema, importedMetadataLine as line } from "./metadata";
import { articleSourceSchema, updateArticle } from "./update-article";

/**
 * A partial edit: only the metadata fields given change, and a new body
 * (`content` in `format`) replaces the text only when sent. The API and
 * scripts use it; the editor sends the whole document (updateArticle).
 */
export const articlePatchSchema = importMetadataSchema.partial().extend({
  ...articleSourceSchema.shape,
  version: z.number({ error: "Send the article version (revision) you based this change on." }).int().min(1),
  /** A new body; without it the text stays and only metadata changes. */
  content: importRequestSchema.shape.content.optional(),
  format: z.enum(FORMATS, { error: `Use one of: ${FORMATS.join(", ")}.` }).optional(),
});

export type ArticlePatch = z.output<typeof articlePatchSchema>;

/** Saves a new revision (re-anchoring highlights, in updateArticle's one transaction); a stale version is 409 with `currentVersion`. */
export async function editArticle(access: Access, articleId: string, patch: ArticlePatch): Promise<{ revision: number; reanchored: number }> {
  assertCan(access, "article.edit");
  const current = await getArticle(access.workspace.id, articleId);
  if (current.revision !== patch.version) {
    throw conflict(`The article was edited since (you had version ${patch.version}, it is now ${current.revision}). Fetch it again and redo your change.`, {}, { currentVersion: current.revision });
  }
  const { version, content, format, canonicalUrl, modifiedAt, ...given } = patch;
  const source = { canonicalUrl, modifiedAt };
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== null));
  // Stored values nobody is typing now are put on one line (a title stored before the one-line rule, or imported
  // on two lines), so a change of another field isn't refused for them; what is given here must be one line.
  const merged = articleMetadataSchema.safeParse({
    title: line(current.title),
    publisher: line(current.publisher),
    author: line(current.author),
    url: current.url,
    publishedAt: current.publishedAt,
    language: current.language,
    tags: current.tags.map(line),
    ...defined,
  });
  if (!merged.success) throw invalidInput("Some fields are invalid.", merged.error);
  // Nothing to change (no body, every field as it is): no new revision, as a save of an unchanged form would not make one.
  const same = (k: string, v: unknown) => JSON.stringify(v ?? null) === JSON.stringify((current as Record<string, unknown>)[k] ?? null);
  const unchanged = content === undefined && Object.entries(merged.data).every(([k, v]) => same(k, v)) && Object.entries(source).every(([k, v]) => v === undefined || same(k, v));
  if (unchanged) return { revision: current.revision, reanchored: 0 };
  // Off the request thread where it can be (Markdown in a worker; HTML in slices), so a large body doesn't stall other requests.
  const doc = content === undefined ? current.doc : (await parseArticleAsync({ format: format ?? "text", content, hasTitle: true })).doc;
  try {
    return await updateArticle(access, articleId, { baseRevision: version, doc, metadata: merged.data, source });
  } catch (err) {
    // Someone saved between our read and the write: say which version is current now.
    if (err instanceof DomainError && err.status === 409 && err.extra.currentVersion === undefined && !err.fields.doc) {
      const now = await db.article.findUnique({ where: { id: articleId }, select: { revision: true } });
      throw conflict(err.message, err.fields, { currentVersion: now?.revision ?? current.revision });
    }
    throw err;
  }
}
