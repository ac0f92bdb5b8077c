import type { Prisma } from "@/lib/db/client";

/** An article's descriptive fields, as the article page and the articles list both show them. */
export const articleMetadataSelect = {
  id: true,
  title: true,
  publisher: true,
  author: true,
  url: true,
  publishedAt: true,
  language: true,
  tags: true,
  canonicalUrl: true,
  originalUrl: true,
  modifiedAt: true,
} as const satisfies Prisma.ArticleSelect;
