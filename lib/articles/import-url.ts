import { said } from "@/lib/errors";
import { z } from "zod";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { createArticle, type CreateArticleResult } from "./create-article";
import { calendarDateSchema, parseCalendarDate } from "./dates";
import { UrlImportError } from "./import/fetch-url";
import { loadUrlArticle } from "./import/url-article";
import { articleMetadataSchema, optionalTitleSchema } from "./metadata";

const fields = articleMetadataSchema.shape;

/**
 * One page to import, with the metadata as reviewed: a field sent wins (blank
 * or null clears it), a field left out takes what the page says.
 */
export const urlImportSchema = z.object({
  url: z.string({ error: "Give the page's address." }).trim().min(1, "Give the page's address.").max(2000, "Keep the address under 2,000 characters."),
  title: optionalTitleSchema,
  publisher: fields.publisher,
  author: fields.author,
  publishedAt: fields.publishedAt,
  modifiedAt: calendarDateSchema.nullish(),
  language: fields.language,
  canonicalUrl: fields.url,
  tags: fields.tags.optional(),
});

export type UrlImportInput = z.output<typeof urlImportSchema>;
export type UrlImportResult = CreateArticleResult & { finalUrl: string };

const date = (v: string | null) => (v ? parseCalendarDate(v) : null);

/** Fetches the page again (what is stored is what the server read, never what a client sends as the page) and stores it. */
export async function importUrl(access: Access, input: UrlImportInput): Promise<UrlImportResult> {
  assertCan(access, "article.create");
  const page = await loadUrlArticle(input.url);
  const found = page.metadata;
  const pick = <K extends keyof typeof found>(key: K, given: (typeof found)[K] | undefined) => (given === undefined ? found[key] : given);
  if (!page.text.trim()) throw new UrlImportError("empty", said("url_no_text", "No article text was found on the page."), input.url);
  const result = await createArticle({
    workspaceId: access.workspace.id,
    actorId: access.userId,
    doc: page.doc,
    metadata: {
      title: input.title ?? found.title ?? "Untitled article",
      publisher: pick("publisher", input.publisher),
      author: pick("author", input.author),
      url: pick("canonicalUrl", input.canonicalUrl) ?? page.finalUrl,
      publishedAt: input.publishedAt === undefined ? date(found.publishedAt) : input.publishedAt,
      language: pick("language", input.language),
      tags: input.tags ?? [],
    },
    via: "url",
    source: {
      originalUrl: page.url,
      canonicalUrl: pick("canonicalUrl", input.canonicalUrl) ?? page.finalUrl,
      modifiedAt: input.modifiedAt === undefined ? date(found.modifiedAt) : input.modifiedAt,
    },
  });
  return { ...result, finalUrl: page.finalUrl };
}
