import { z } from "zod";
import { importedLine, isOneLine } from "@/lib/validation/text";
import { calendarDateSchema } from "./dates";
import { storableText } from "./safe-text";

/**
 * Titles, publishers, authors and tags are one line (N14b-7), as names are: they are shown in one-line places
 * (lists, headings, exports' cells, notification e-mail), where a line break or a direction control would break
 * or disguise them. A person typing one is told (code one_line); imported metadata is collapsed onto one line
 * instead (importedMetadataLine).
 */
const ONE_LINE = { message: "Write it on one line, without tabs, control or invisible direction characters.", params: { code: "one_line" } };

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max} characters.`)
    .superRefine(storableText)
    .refine(isOneLine, ONE_LINE)
    .transform((v) => v || null)
    .nullish();

/** A well-formed BCP 47 tag (language, then script, region, variants in that order): "zz-invalid-123" is not. */
export function isLanguageTag(v: string): boolean {
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(v)) return false;
  try {
    return Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
}

/** Article metadata as people enter it (forms, API, CLI, JSON import). */
export const articleMetadataSchema = z.object({
  title: z.string().trim().min(1, "Give the article a title.").max(300, "Keep the title under 300 characters.").superRefine(storableText).refine(isOneLine, ONE_LINE),
  publisher: optionalText(200, "publisher"),
  author: optionalText(200, "author"),
  url: z
    .string()
    .trim()
    .max(2000, "Keep the URL under 2,000 characters.")
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), { message: "Use a full http:// or https:// address.", params: { code: "invalid_url" } })
    .superRefine(storableText)
    .transform((v) => v || null)
    .nullish(),
  /** A real calendar date, years 1000–9999 (lib/articles/dates.ts). */
  publishedAt: calendarDateSchema.nullish(),
  language: z
    .string()
    .trim()
    .refine((v) => v === "" || isLanguageTag(v), { message: "Use a language code like en or pt-BR.", params: { code: "invalid_language" } })
    .transform((v) => v || null)
    .nullish(),
  tags: z
    .array(z.string().trim().min(1).max(40, "Keep each tag under 40 characters.").superRefine(storableText).refine(isOneLine, ONE_LINE))
    .max(20, "Use at most 20 tags.")
    .transform((tags) => [...new Set(tags)])
    .default([]),
});

/** A title that may be left out (imports guess one from the text): blank means "not given". */
export const optionalTitleSchema = z
  .string()
  .trim()
  .max(300, "Keep the title under 300 characters.")
  .superRefine(storableText)
  .refine(isOneLine, ONE_LINE)
  .transform((v) => v || null)
  .nullish();

/** An imported (not typed) title, publisher, author or tag on one line; anything else as it is. */
export function importedMetadataLine<T>(value: T): T {
  return (typeof value === "string" ? importedLine(value) : value) as T;
}

export type ArticleMetadataInput = z.input<typeof articleMetadataSchema>;
export type ArticleMetadata = z.output<typeof articleMetadataSchema>;
