import { z } from "zod";
import { invalidInput } from "@/lib/errors";
import { SURROGATE_MESSAGE } from "@/lib/validation/text";
import { createArticle, type CreateArticleResult } from "../create-article";
import { articleMetadataSchema, importedMetadataLine as line, optionalTitleSchema, type ArticleMetadata } from "../metadata";
import { storableText } from "../safe-text";
import { canonicalText } from "../document";
import { detectLanguage } from "./language";
import { IMPORT_FORMATS, MAX_BYTES, parseArticleAsync, type MetadataGuess } from "./parse-file";

/** Metadata a person may give with an import; every field optional, blanks mean "not given". */
export const importMetadataSchema = articleMetadataSchema.extend({
  title: optionalTitleSchema,
  tags: articleMetadataSchema.shape.tags.optional(),
});

export type ImportMetadataInput = z.input<typeof importMetadataSchema>;

/** 5 MB of bytes in base64 (PDF and Word files travel so); text content is held to 5 MB when it is parsed. */
const MAX_CONTENT_CHARS = Math.ceil(MAX_BYTES / 3) * 4 + 4096;

// NUL and other control characters are not refused here: parsing takes them out of the text (control-chars.ts),
// and the content itself is never stored. Broken Unicode is refused, as everywhere.
const contentSchema = z
  .string({ error: "Paste some text or choose a file." })
  .refine((v) => v.length <= MAX_CONTENT_CHARS, { message: "Keep each file under 5 MB.", params: { code: "file_too_big", mb: 5 } })
  .refine((v) => v.isWellFormed(), SURROGATE_MESSAGE);

/** The request to import one article: pasted text or one file's content. */
export const importRequestSchema = z.object({
  filename: z.string().trim().max(255, "Keep the file name under 255 characters.").superRefine(storableText).optional(),
  // The union's own message: without it, a format none of its forms take ("rtf") was only "Invalid input".
  format: z
    .union([z.enum(IMPORT_FORMATS), z.literal("").transform(() => undefined)], { error: `Use one of: ${IMPORT_FORMATS.join(", ")}.` })
    .optional(),
  content: contentSchema,
  ...importMetadataSchema.shape,
});

const importArticleSchema = z.object({
  workspaceId: z.string().min(1),
  actorId: z.string().min(1).nullable(),
  filename: importRequestSchema.shape.filename,
  format: importRequestSchema.shape.format,
  content: z.string({ error: "Paste some text or choose a file." }),
  metadata: importMetadataSchema.optional(),
  /** Who called, for the change feed: "api" and "cli" win; otherwise the file's kind, or "paste" without a file name. */
  via: z.enum(["api", "cli"]).optional(),
});

export type ImportArticleInput = z.input<typeof importArticleSchema>;
export type ImportArticleResult = CreateArticleResult;

/**
 * Imports one article into a workspace: parses the content (plain text,
 * Markdown or HTML), guesses metadata from it, lets the given metadata win,
 * and stores it unless the same text is already there (then "duplicate").
 * Bad input is a 400 DomainError whose message names the file and the reason.
 */
export async function importArticle(input: ImportArticleInput): Promise<ImportArticleResult> {
  const parsedInput = importArticleSchema.safeParse(input);
  if (!parsedInput.success) {
    const named = invalidInput("Some fields are invalid.", parsedInput.error, (field) => field.replace(/^metadata\./, ""));
    const first = Object.entries(named.fields)[0];
    throw first ? invalidInput(`${first[0]}: ${first[1]}`, parsedInput.error, (field) => field.replace(/^metadata\./, "")) : named;
  }
  const { workspaceId, actorId, filename, format, content } = parsedInput.data;
  const given = parsedInput.data.metadata ?? {};
  // Cooperative: a 5 MB page takes seconds to convert, and other requests on this instance must not wait for it.
  const parsed = await parseArticleAsync({ filename, format, content, hasTitle: !!given.title });
  const metadata = mergeMetadata(parsed.guess, given);
  metadata.language ??= await detectLanguage(canonicalText(parsed.doc), valid(articleMetadataSchema.shape.language, parsed.guess.language));
  const via = parsedInput.data.via ?? (parsed.format === "pdf" || parsed.format === "docx" ? parsed.format : filename ? "file" : "paste");
  return createArticle({ workspaceId, actorId, doc: parsed.doc, metadata, pageStarts: parsed.pageStarts, via });
}

type GivenMetadata = z.output<typeof importMetadataSchema>;

const valid = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
};

/**
 * Given values win; each guessed value is kept only when it is valid on its own. The language is detected from the text unless given.
 * Guessed text (the file's own title, publisher, author) is put on one line first: a given value on two lines is refused.
 */
function mergeMetadata(guess: MetadataGuess, given: GivenMetadata): ArticleMetadata {
  const fields = articleMetadataSchema.shape;
  return {
    title: given.title ?? valid(fields.title, line(guess.title)) ?? "Untitled article",
    publisher: given.publisher ?? valid(fields.publisher, line(guess.publisher)) ?? null,
    author: given.author ?? valid(fields.author, line(guess.author)) ?? null,
    url: given.url ?? valid(fields.url, guess.url) ?? null,
    publishedAt: given.publishedAt ?? valid(fields.publishedAt, guess.publishedAt) ?? null,
    language: given.language ?? null,
    tags: given.tags ?? [],
  };
}
