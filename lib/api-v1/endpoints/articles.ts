import { z } from "zod";
import { getArticle } from "@/lib/articles/get-article";
import { listArticles as listArticlesOf } from "@/lib/articles/list-articles";
import { FORMATS, importArticle, importMetadataSchema, importRequestSchema, MAX_BYTES, parseArticle } from "@/lib/articles/import";
import { articleMetadataSchema } from "@/lib/articles/metadata";
import { updateArticle } from "@/lib/articles/update-article";
import { db } from "@/lib/db/client";
import { conflict, DomainError, invalid } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/problem";
import { endpoint } from "../endpoint";
import { decodeCursor, pageFrom, pageQuery } from "../pagination";
import { articleSchema, articleSummarySchema, articleUpdateResultSchema, importResultSchema, pageOf } from "../schemas";

/** Article imports carry up to 5 MB of content, JSON-escaped: their bodies may be up to 12 MiB. */
export const MAX_IMPORT_BODY_BYTES = 12 * 1024 * 1024;

const listArticlesQuery = z.object({
  q: z.string().trim().min(1).max(300).optional().meta({ description: "Substring of the title, case-insensitive." }),
  tag: z.string().trim().min(1).max(40).optional().meta({ description: "Only articles with this tag." }),
  ...pageQuery,
});

export const listArticles = endpoint({
  id: "listArticles",
  method: "GET",
  path: "/workspaces/{ws}/articles",
  tag: "Articles",
  summary: "List articles",
  description: "Newest first.",
  action: "workspace.view",
  query: listArticlesQuery,
  responses: { 200: { description: "A page of articles.", schema: pageOf(articleSummarySchema, "ArticlePage") } },
  handler: async ({ access, query }) => {
    let before: { createdAt: Date; id: string } | undefined;
    if (query.cursor) {
      const { key, id } = decodeCursor(query.cursor);
      const createdAt = new Date(key);
      if (Number.isNaN(createdAt.getTime())) throw invalid("That page cursor is not valid for this list.", { cursor: "Invalid cursor." });
      before = { createdAt, id };
    }
    const rows = await listArticlesOf(access.workspace.id, { q: query.q, tag: query.tag, before, limit: query.limit + 1 });
    return pageFrom(
      rows,
      query.limit,
      (r) => ({ key: r.createdAt.toISOString(), id: r.id }),
      ({ revision, ...r }) => ({
        ...r,
        version: revision,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      }),
    );
  },
});

export const createArticle = endpoint({
  id: "createArticle",
  method: "POST",
  path: "/workspaces/{ws}/articles",
  tag: "Articles",
  summary: "Import an article",
  description:
    "Imports plain text, Markdown or HTML (`format`, else guessed from `filename`, else from the content). HTML is sanitised; metadata given here wins over what is read from the content. " +
    `The content may be up to ${MAX_BYTES / 1024 / 1024} MB; the request body up to ${MAX_IMPORT_BODY_BYTES / 1024 / 1024} MiB. ` +
    "201 when stored; 200 with status `duplicate` when the same text is already in the workspace.",
  action: "article.create",
  body: importRequestSchema,
  maxBodyBytes: MAX_IMPORT_BODY_BYTES,
  status: 201,
  responses: {
    201: { description: "Imported.", schema: importResultSchema },
    200: { description: "The same text was already in the workspace; nothing was stored.", schema: importResultSchema },
  },
  example: { format: "markdown", content: "# Bridge to close\n\nThe bridge carries about 40,000 vehicles a day, the council leader said.", tags: ["transport"] },
  handler: async ({ access, body, params }) => {
    const { filename, format, content, ...metadata } = body;
    const result = await importArticle({ workspaceId: access.workspace.id, actorId: access.userId, filename, format, content, metadata });
    const created = result.status === "created";
    return Response.json(result, {
      status: created ? 201 : 200,
      headers: created ? { location: `/api/v1/workspaces/${params.ws}/articles/${result.article.id}` } : {},
    });
  },
});

export const getArticleEndpoint = endpoint({
  id: "getArticle",
  method: "GET",
  path: "/workspaces/{ws}/articles/{articleId}",
  tag: "Articles",
  summary: "Get an article",
  description: "With its canonical text (annotation offsets refer to it), document and revisions. `ETag` is the current version (revision).",
  action: "workspace.view",
  query: z.object({ revision: z.coerce.number().int().min(1).optional().meta({ description: "An earlier revision to show." }) }),
  responses: { 200: { description: "The article.", schema: articleSchema } },
  handler: async ({ access, params, query, headers }) => {
    const a = await getArticle(access.workspace.id, params.articleId, query.revision);
    headers.set("etag", `"${a.revision}"`);
    return {
      id: a.id,
      title: a.title,
      publisher: a.publisher,
      author: a.author,
      url: a.url,
      publishedAt: a.publishedAt?.toISOString() ?? null,
      language: a.language,
      tags: a.tags,
      version: a.revision,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      text: a.text,
      doc: a.doc,
      shownRevision: a.shownRevision,
      annotationsVersion: a.annotationsVersion,
      createdBy: a.createdBy,
      revisions: a.revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    };
  },
});

const articlePatchSchema = importMetadataSchema.partial().extend({
  version: z.number({ error: "Send the article version (revision) you based this change on." }).int().min(1),
  /** A new body; without it the text stays and only metadata changes. */
  content: importRequestSchema.shape.content.optional(),
  format: z.enum(FORMATS, { error: `Use one of: ${FORMATS.join(", ")}.` }).optional(),
});

export const updateArticleEndpoint = endpoint({
  id: "updateArticle",
  method: "PATCH",
  path: "/workspaces/{ws}/articles/{articleId}",
  tag: "Articles",
  summary: "Edit an article",
  description:
    "Changes metadata and/or replaces the body (`content` in `format`, default text). Saves a new revision and re-anchors every highlight in one transaction. " +
    "Send the version (revision) you based the change on, as `If-Match` or `version`; a stale one is 409 with `currentVersion`.",
  action: "article.edit",
  body: articlePatchSchema,
  versioned: true,
  maxBodyBytes: MAX_IMPORT_BODY_BYTES,
  responses: { 200: { description: "Saved.", schema: articleUpdateResultSchema } },
  example: { version: 1, title: "Bridge to close for a year", tags: ["transport", "council"] },
  handler: async ({ access, params, body, headers }) => {
    const current = await getArticle(access.workspace.id, params.articleId);
    const stale = () =>
      conflict(`The article was edited since (you had version ${body.version}, it is now ${current.revision}). Fetch it again and redo your change.`, {}, { currentVersion: current.revision });
    if (current.revision !== body.version) throw stale();
    const { version, content, format, ...given } = body;
    const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== null));
    const merged = articleMetadataSchema.safeParse({
      title: current.title,
      publisher: current.publisher,
      author: current.author,
      url: current.url,
      publishedAt: current.publishedAt,
      language: current.language,
      tags: current.tags,
      ...defined,
    });
    if (!merged.success) throw invalid("Some fields are invalid.", fieldErrors(merged.error));
    const doc = content === undefined ? current.doc : parseArticle({ format: format ?? "text", content, hasTitle: true }).doc;
    try {
      const result = await updateArticle(access, params.articleId, { baseRevision: version, doc, metadata: merged.data });
      headers.set("etag", `"${result.revision}"`);
      return { id: params.articleId, version: result.revision, reanchored: result.reanchored };
    } catch (err) {
      if (err instanceof DomainError && err.status === 409 && err.extra.currentVersion === undefined && !err.fields.doc) {
        const now = await db.article.findUnique({ where: { id: params.articleId }, select: { revision: true } });
        throw conflict(err.message, err.fields, { currentVersion: now?.revision ?? current.revision });
      }
      throw err;
    }
  },
});
