import type { CodeParams, ErrorCode } from "@/lib/http/error-codes";
import { z } from "zod";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { findByCanonicalUrl } from "./create-article";
import { UrlImportError, type UrlErrorKind } from "./import/fetch-url";
import { loadUrlArticle, type UrlMetadata } from "./import/url-article";

export const MAX_URLS = 20;

/** Up to 20 addresses, one per entry; blank entries are dropped. */
export const urlPreviewRequestSchema = z.object({
  urls: z
    .array(z.string({ error: "Each address must be text." }).trim().max(2000, "Keep each address under 2,000 characters."), { error: "Give a list of addresses." })
    .transform((urls) => [...new Set(urls.filter(Boolean))])
    .refine((urls) => urls.length > 0, { message: "Paste at least one address.", params: { code: "required" } })
    .refine((urls) => urls.length <= MAX_URLS, { message: `Paste at most ${MAX_URLS} addresses at a time.`, params: { code: "too_many", limit: MAX_URLS } }),
});

export type UrlPreview =
  | {
      url: string;
      status: "ok";
      finalUrl: string;
      metadata: UrlMetadata;
      /** The start of the article's text. */
      excerpt: string;
      characters: number;
      /** Already in the workspace (same canonical address or same text). */
      duplicate: { id: string; title: string } | null;
    }
  | { url: string; status: "error"; kind: UrlErrorKind; message: string; code: ErrorCode; codeParams?: CodeParams };

async function previewOne(workspaceId: string, url: string): Promise<UrlPreview> {
  try {
    const a = await loadUrlArticle(url);
    const duplicate =
      (await findByCanonicalUrl(db, workspaceId, a.metadata.canonicalUrl ?? a.finalUrl)) ??
      (await db.article.findUnique({ where: { workspaceId_contentHash: { workspaceId, contentHash: a.hash } }, select: { id: true, title: true } }));
    const excerpt = a.text.slice(0, 280).replace(/\s+/g, " ").trim();
    return { url, status: "ok", finalUrl: a.finalUrl, metadata: a.metadata, excerpt: a.text.length > 280 ? `${excerpt}…` : excerpt, characters: a.text.length, duplicate };
  } catch (err) {
    if (err instanceof UrlImportError) {
      return { url, status: "error", kind: err.kind, message: err.message, code: err.said.code, ...(err.said.params ? { codeParams: err.said.params } : {}) };
    }
    throw err;
  }
}

/**
 * Fetches and reads each address for review before anything is saved: the
 * metadata found, the start of the text, and whether the workspace already
 * has it. Each address succeeds or fails on its own; nothing is stored.
 */
export async function previewUrlImport(access: Access, urls: string[]): Promise<UrlPreview[]> {
  assertCan(access, "article.create");
  const results: UrlPreview[] = new Array(urls.length);
  let next = 0;
  // Two at a time: fetching waits on the network, reading a page is CPU the machine shares.
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      results[i] = await previewOne(access.workspace.id, urls[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}
