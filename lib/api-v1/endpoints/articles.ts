import { z } from "zod";
import { getArticle } from "@/lib/articles/get-article";
import { articlePage, articlePageQuery } from "@/lib/articles/list-articles";
import { articlePatchSchema, editArticle } from "@/lib/articles/edit-article";
import { importArticle, importRequestSchema, MAX_BYTES } from "@/lib/articles/import";
import { ARTICLE_BODY_BYTES, INT4_MAX } from "@/lib/http/pipeline";
import { endpoint } from "../endpoint";
import { articleSchema, articleSummarySchema, articleUpdateResultSchema, importResultSchema, pageOf } from "../schemas";

/** Article imports carry up to 5 MB of content, JSON-escaped: their bodies may be up to 12 MiB. */
export const MAX_IMPORT_BODY_BYTES = ARTICLE_BODY_BYTES;

export const listArticles = endpoint({
  id: "listArticles",
  method: "GET",
  path: "/workspaces/{ws}/articles",
  tag: "Articles",
  summary: "List articles",
  description: "Newest first.",
  action: "workspace.view",
  query: articlePageQuery,
  responses: { 200: { description: "A page of articles.", schema: pageOf(articleSummarySchema, "ArticlePage") } },
  handler: async ({ access, query }) => {
    const page = await articlePage(access.workspace.id, query);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map(({ revision, ...r }) => ({
        ...r,
        version: revision,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        modifiedAt: r.modifiedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
    };
  },
});

export const createArticle = endpoint({
  id: "createArticle",
  method: "POST",
  path: "/workspaces/{ws}/articles",
  tag: "Articles",
  summary: "Import an article",
  description:
    "Imports plain text, Markdown, HTML, PDF or Word (`format`, else guessed from `filename`, else from the content: text or HTML). HTML is sanitised; metadata given here wins over what is read from the content. " +
    "For `pdf` and `docx`, `content` is the file's bytes in base64; a PDF keeps its page starts (`pageStarts` on the article). A PDF without a text layer (scanned), an encrypted PDF, and a file that isn't what it says are 400 naming `content`. " +
    "The language, unless given, is detected from the text (a BCP 47 code, or null when unsure). " +
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
    const result = await importArticle({ workspaceId: access.workspace.id, actorId: access.userId, filename, format, content, metadata, via: "api" });
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
  query: z.object({ revision: z.coerce.number().int().min(1).max(INT4_MAX, "No such revision.").optional().meta({ description: "An earlier revision to show." }) }),
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
      canonicalUrl: a.canonicalUrl,
      originalUrl: a.originalUrl,
      modifiedAt: a.modifiedAt?.toISOString() ?? null,
      version: a.revision,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      text: a.text,
      pageStarts: a.pageStarts,
      doc: a.doc,
      shownRevision: a.shownRevision,
      createdBy: a.createdBy,
      revisions: a.revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    };
  },
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
    const result = await editArticle(access, params.articleId, body);
    headers.set("etag", `"${result.revision}"`);
    return { id: params.articleId, version: result.revision, reanchored: result.reanchored };
  },
});
