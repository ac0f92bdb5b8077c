import { z } from "zod";
import { importUrl, urlImportSchema } from "@/lib/articles/import-url";
import { MAX_URLS, previewUrlImport, urlPreviewRequestSchema } from "@/lib/articles/preview-url-import";
import { endpoint } from "../endpoint";

const ERROR_KINDS = ["invalid-url", "refused-address", "unreachable", "timeout", "not-found", "http-error", "too-many-redirects", "not-html", "too-big", "empty"] as const;

const KINDS_TEXT =
  "`not-found` (404/410), `http-error` (other non-2xx; 401–403 may be a paywall), `not-html`, `too-big` (over 5 MB), `timeout` (15 s), `unreachable`, " +
  "`refused-address` (a private, loopback, link-local or metadata address, unless its host is in IMPORT_ALLOW_HOSTS), `too-many-redirects` (over 5), " +
  "`empty` (no article text could be extracted: a paywall, a page built by JavaScript, not an article), `invalid-url` (only http and https).";

export const urlMetadataSchema = z
  .object({
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    author: z.string().nullable().meta({ description: "Several authors are joined with commas." }),
    publishedAt: z.string().nullable().meta({ description: "YYYY-MM-DD, the day the page gives." }),
    modifiedAt: z.string().nullable().meta({ description: "YYYY-MM-DD." }),
    language: z.string().nullable().meta({ description: "As the page declares it." }),
    canonicalUrl: z.string().nullable(),
  })
  .meta({ id: "UrlMetadata", description: "What the page says about itself: schema.org JSON-LD first, then OpenGraph/Twitter meta, then other <meta> and <time>. Each value is valid to store, or null." });

export const urlPreviewSchema = z
  .discriminatedUnion("status", [
    z.object({
      url: z.string(),
      status: z.literal("ok"),
      finalUrl: z.string().meta({ description: "Where the page was found after redirects." }),
      metadata: urlMetadataSchema,
      excerpt: z.string(),
      characters: z.int(),
      duplicate: z.object({ id: z.string(), title: z.string() }).nullable().meta({ description: "Already in the workspace: the same canonical address or the same text." }),
    }),
    z.object({
      url: z.string(),
      status: z.literal("error"),
      kind: z.enum(ERROR_KINDS),
      message: z.string(),
      code: z.string().meta({ description: "The reason's machine code (as a problem's `code`), e.g. url_timeout." }),
      codeParams: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: "The values the reason names, e.g. {\"seconds\": 15}." }),
    }),
  ])
  .meta({ id: "UrlPreview" });

export const urlImportResultSchema = z
  .object({
    status: z.enum(["created", "duplicate"]),
    article: z.object({ id: z.string(), title: z.string() }),
    finalUrl: z.string(),
  })
  .meta({ id: "UrlImportResult" });

export const previewUrlsEndpoint = endpoint({
  id: "previewUrlImport",
  method: "POST",
  path: "/workspaces/{ws}/articles/from-url/preview",
  tag: "Articles",
  summary: "Read pages for review before importing",
  description:
    `Fetches each address (up to ${MAX_URLS}) and reads its article and metadata, storing nothing. One result per address, in order; a failed one has \`kind\` and \`message\`: ${KINDS_TEXT}`,
  action: "article.create",
  body: urlPreviewRequestSchema,
  responses: { 200: { description: "One result per address.", schema: z.object({ results: z.array(urlPreviewSchema) }).meta({ id: "UrlPreviewList" }) } },
  example: { urls: ["https://news.example/2026/03/bridge-to-close"] },
  handler: async ({ access, body }) => ({ results: await previewUrlImport(access, body.urls) }),
});

export const importUrlEndpoint = endpoint({
  id: "importUrl",
  method: "POST",
  path: "/workspaces/{ws}/articles/from-url",
  tag: "Articles",
  summary: "Import an article from its address",
  description:
    "Fetches the page, extracts the article (Mozilla Readability) and stores it through the same sanitising path as HTML uploads. Metadata fields sent win (blank clears one); fields left out take what the page says. " +
    `201 when stored; 200 with status \`duplicate\` when the workspace has the same canonical address or the same text. A page that can't be imported is 422 with \`kind\`: ${KINDS_TEXT}`,
  action: "article.create",
  body: urlImportSchema,
  status: 201,
  responses: {
    201: { description: "Imported.", schema: urlImportResultSchema },
    200: { description: "Already in the workspace; nothing was stored.", schema: urlImportResultSchema },
    422: { description: "The page could not be imported: `kind` says why, `errors.url` in words." },
  },
  example: { url: "https://news.example/2026/03/bridge-to-close", tags: ["transport"] },
  handler: async ({ access, body, params }) => {
    const result = await importUrl(access, body);
    const created = result.status === "created";
    return Response.json(result, {
      status: created ? 201 : 200,
      headers: created ? { location: `/api/v1/workspaces/${params.ws}/articles/${result.article.id}` } : {},
    });
  },
});
