import { invalid, said } from "@/lib/errors";

/**
 * Control characters in imported text. A stray NUL or other C0 control (a
 * bad export, a copy from a terminal, a page with a broken template) carries
 * no text and PostgreSQL refuses NUL outright, so they are taken out and the
 * text around them kept. Tab, line feed, carriage return and form feed are
 * whitespace the converters already handle. A file that is mostly NULs is
 * not text with a stray one but binary, or text saved as UTF-16: that gets a
 * precise reason instead of being stripped into nonsense.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
/** Above this share of binary signs, the content is binary (or UTF-16), not text with a stray control character. */
const BINARY_SHARE = 0.01;
const SAMPLE = 64 * 1024;
const CONTROLS_ONLY = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
const CONTROLS_OR_UNDECODABLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g;

/**
 * How many binary signs the first 64 KB hold when they make it binary rather than text; 0 otherwise.
 * Signs are control characters, and with `undecodable` U+FFFD too: a fetched page was decoded by its
 * declared charset, so those are bytes no charset reads; an uploaded file may just be Latin-1 read as UTF-8.
 */
export function binarySigns(content: string, opts: { undecodable?: boolean } = {}): number {
  const sample = content.slice(0, SAMPLE);
  const signs = sample.match(opts.undecodable ? CONTROLS_OR_UNDECODABLE : CONTROLS_ONLY)?.length ?? 0;
  return signs > 8 && signs / sample.length > BINARY_SHARE ? signs : 0;
}

/** The text with control characters (other than tab, line breaks and form feed) removed. */
export function withoutControlCharacters(content: string): string {
  return content.replace(CONTROL, "");
}

/** Uploaded or pasted text, control characters removed; a 400 naming `content` when it is binary. */
export function cleanTextContent(content: string, what: string): string {
  if (binarySigns(content)) {
    throw invalid(`${what} is not a text file: it is full of NUL and other control characters (a binary file, or text saved as UTF-16).`, {
      content: said("file_binary", "This is binary, or text saved as UTF-16: save it as UTF-8 text, or upload a PDF or .docx as such."),
    });
  }
  return withoutControlCharacters(content);
}
