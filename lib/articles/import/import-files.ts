import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { annotationToolOf, TOOL_NAMES } from "@/lib/annotation-import/formats";
import { DomainError } from "@/lib/errors";
import { importArticle, type ImportArticleInput } from "./import-article";
import { EXTENSIONS, MAX_BYTES, extensionOf, isBinaryFormat, type Format } from "./parse-file";
import { decodeTextFile } from "./decode-text-file";

/** What happened to one file, or one item of a .json list. */
export interface ImportOutcome {
  source: string;
  status: "created" | "duplicate" | "failed" | "skipped";
  article?: { id: string; title: string };
  reason?: string;
}

export interface ImportPathsInput {
  workspaceId: string;
  actorId: string | null;
  /** For the change feed: the command line says "cli"; otherwise each file's own kind. */
  via?: "cli";
  paths: string[];
}

const README = /^(readme|license|licence|changelog)(\.|$)/i;

/**
 * Bulk import from the file system: files, and folders searched recursively
 * for .txt, .md, .markdown, .html, .htm, .pdf, .docx and .json files (hidden ones and a
 * folder's README are skipped). Yields one outcome per file or list item, in
 * order; a bad file fails alone.
 */
export async function* importPaths(input: ImportPathsInput): AsyncGenerator<ImportOutcome> {
  for (const given of input.paths) {
    const info = await stat(given).catch(() => null);
    if (!info) {
      yield { source: given, status: "failed", reason: "No such file or folder." };
    } else if (info.isDirectory()) {
      yield* importFolder(input, given);
    } else {
      yield* importFile(input, given);
    }
  }
}

async function* importFolder(input: ImportPathsInput, dir: string): AsyncGenerator<ImportOutcome> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* importFolder(input, full);
    } else if (!entry.isFile()) {
      continue;
    } else if (README.test(entry.name)) {
      yield { source: full, status: "skipped", reason: "A folder's README or licence, not an article." };
    } else if (!EXTENSIONS[extensionOf(entry.name)] && extensionOf(entry.name) !== "json") {
      yield { source: full, status: "skipped", reason: "Not a .txt, .md, .html, .pdf, .docx or .json file." };
    } else {
      yield* importFile(input, full);
    }
  }
}

async function* importFile(input: ImportPathsInput, file: string): AsyncGenerator<ImportOutcome> {
  const name = path.basename(file);
  const ext = extensionOf(name);
  if (!EXTENSIONS[ext] && ext !== "json") {
    yield { source: file, status: "failed", reason: `${ext ? `A .${ext} file` : "A file without an extension"}: import .txt, .md, .html, .pdf, .docx or .json files.` };
    return;
  }
  const size = (await stat(file)).size;
  if (size > MAX_BYTES) {
    yield { source: file, status: "failed", reason: `The file is larger than 5 MB (${(size / 1024 / 1024).toFixed(1)} MB).` };
    return;
  }
  if (isBinaryFormat(EXTENSIONS[ext])) {
    const content = (await readFile(file)).toString("base64");
    yield await attempt(file, () => importArticle({ workspaceId: input.workspaceId, actorId: input.actorId, filename: name, content, via: input.via }));
    return;
  }
  // UTF-8 or UTF-16 as marked; a Windows-1251 or KOI8 file (common for Russian and Ukrainian texts) is read as such.
  const content = decodeTextFile(new Uint8Array(await readFile(file))).text;
  if (ext === "json") {
    yield* importJsonList(input, file, content);
    return;
  }
  yield await attempt(file, () => importArticle({ workspaceId: input.workspaceId, actorId: input.actorId, filename: name, content, via: input.via }));
}

const CONTENT_KEYS = { text: "text", html: "html", markdown: "markdown" } as const satisfies Record<string, Format>;

const jsonItemSchema = z.looseObject({
  text: z.string().optional(),
  html: z.string().optional(),
  markdown: z.string().optional(),
});

/** A .json file holding a list of {title, text|html|markdown, url, publisher, author, publishedAt, language, tags}. */
async function* importJsonList(input: ImportPathsInput, file: string, content: string): AsyncGenerator<ImportOutcome> {
  let list: unknown;
  try {
    list = JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (err) {
    yield { source: file, status: "failed", reason: `Not valid JSON: ${(err as Error).message}` };
    return;
  }
  const tool = annotationToolOf(list);
  if (tool) {
    yield { source: file, status: "failed", reason: `A ${TOOL_NAMES[tool]} annotation file, not articles: import it with import-annotations (or "Import annotations" on Add articles).` };
    return;
  }
  if (!Array.isArray(list)) list = [list];
  const items = list as unknown[];
  if (!items.length) {
    yield { source: file, status: "failed", reason: "The list is empty." };
    return;
  }
  for (const [i, raw] of items.entries()) {
    const source = `${file} #${i + 1}`;
    const item = jsonItemSchema.safeParse(raw);
    if (!item.success) {
      yield { source, status: "failed", reason: "Each item must be an object with a text, html or markdown field holding a string." };
      continue;
    }
    const { text, html, markdown, ...metadata } = item.data;
    const bodies = Object.entries({ text, html, markdown }).filter(([, v]) => v !== undefined) as [keyof typeof CONTENT_KEYS, string][];
    if (bodies.length !== 1) {
      yield { source, status: "failed", reason: bodies.length ? "Give only one of text, html or markdown." : "Give the article's text, html or markdown." };
      continue;
    }
    const [[key, body]] = bodies;
    const label = `${path.basename(file)} #${i + 1}`;
    yield await attempt(source, () =>
      importArticle({ workspaceId: input.workspaceId, actorId: input.actorId, filename: label, format: CONTENT_KEYS[key], content: body, metadata: metadata as ImportArticleInput["metadata"], via: input.via }),
    );
  }
}

/** One file or item: its outcome, whatever went wrong, so a bad file never stops the rest of the batch. */
async function attempt(source: string, run: () => ReturnType<typeof importArticle>): Promise<ImportOutcome> {
  try {
    const result = await run();
    return { source, status: result.status, article: result.article };
  } catch (err) {
    if (err instanceof DomainError) return { source, status: "failed", reason: err.message };
    return { source, status: "failed", reason: `Could not be imported: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}` };
  }
}
