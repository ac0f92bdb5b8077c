import { zodFieldCodes, type FieldCodes } from "@/lib/http/error-codes";
import { articleMetadataSchema, optionalTitleSchema } from "./metadata";

/**
 * The details people may give each uploaded file before it is imported, as
 * typed into the form (empty = not given). Checked in the browser with the
 * import's own field rules (lib/articles/metadata.ts), so a mistake is shown at
 * its field, naming it, before anything is sent; the server checks again.
 */
export interface FileDetails {
  title: string;
  publisher: string;
  url: string;
  publishedAt: string;
}

export const EMPTY_FILE_DETAILS: FileDetails = { title: "", publisher: "", url: "", publishedAt: "" };

const fileDetailsSchema = articleMetadataSchema.pick({ publisher: true, url: true, publishedAt: true }).extend({ title: optionalTitleSchema });

/** The fields to send with the file (only those given), or each invalid field's message and code (for the reader's language). */
export function checkFileDetails(
  details: FileDetails,
): { ok: true; fields: Partial<FileDetails> } | { ok: false; errors: Partial<Record<keyof FileDetails, string>>; codes: FieldCodes } {
  const given = Object.fromEntries(Object.entries(details).filter(([, v]) => v.trim() !== "")) as Partial<FileDetails>;
  const parsed = fileDetailsSchema.safeParse(given);
  if (parsed.success) return { ok: true, fields: Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v.trim()])) };
  const errors: Partial<Record<keyof FileDetails, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof FileDetails;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, codes: zodFieldCodes(parsed.error.issues) };
}
