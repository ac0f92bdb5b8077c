import type { Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { invalid, said } from "@/lib/errors";
import { DEFAULT_LOCALE, LOCALES, isAppLocale, type AppLocale } from "@/lib/i18n/locales";
import { exportContext, type ExportContext } from "./context";
import { checkExportSet, exportSet } from "./export-set";
import { EXPORT_FORMATS, type ExportFiltersInput, type ExportFormat } from "./filters";
import { bundleExport } from "./formats/bundle";
import { claimReviewExport } from "./formats/claimreview";
import { csvExport } from "./formats/csv";
import { jsonlExport } from "./formats/jsonl";
import { w3cExport } from "./formats/w3c";

/** A piece of an export: text built in Node, or UTF-8 bytes of whole records streamed from PostgreSQL (copy-stream.ts). */
export type ExportChunk = string | Uint8Array;

export const FORMATS: Record<ExportFormat, { extension: string; contentType: string; write: (ctx: ExportContext) => AsyncGenerator<ExportChunk> }> = {
  bundle: { extension: "claimtrail.json", contentType: "application/json; charset=utf-8", write: bundleExport },
  jsonl: { extension: "jsonl", contentType: "application/jsonl; charset=utf-8", write: jsonlExport },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8; header=present", write: csvExport },
  w3c: { extension: "annotations.jsonld", contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8', write: w3cExport },
  claimreview: { extension: "claimreview.jsonld", contentType: "application/ld+json; charset=utf-8", write: claimReviewExport },
};

export function parseFormat(raw: string | null | undefined): ExportFormat {
  if (raw && (EXPORT_FORMATS as readonly string[]).includes(raw)) return raw as ExportFormat;
  const values = EXPORT_FORMATS.join(", ");
  throw invalid(said("choose_format", `Choose a format: ${values}.`, { values }), { format: said("one_of", `One of ${values}.`, { values }) });
}

/**
 * The language verdict labels are written in (`?locale=en|ru|uk`): the workspace's label in it,
 * else the built-in name in it. Without the parameter, `fallback`: the UI language of whoever
 * asks on the export page, English through API v1.
 */
export function exportLocale(params: URLSearchParams, fallback: AppLocale = DEFAULT_LOCALE): AppLocale {
  const raw = params.get("locale")?.trim();
  if (!raw) return fallback;
  if (isAppLocale(raw)) return raw;
  const values = LOCALES.join(", ");
  throw invalid(said("choose_language", `Choose a language: ${values}.`, { values }), { locale: said("one_of", `One of ${values}.`, { values }) });
}

/** "<workspace-slug>-<YYYY-MM-DD>.<extension>", the date in UTC. */
export function exportFilename(slug: string, format: ExportFormat, at = new Date()): string {
  return `${slug}-${at.toISOString().slice(0, 10)}.${FORMATS[format].extension}`;
}

/**
 * The export as string chunks, read a batch at a time: what the route streams
 * and what tests and scripts can collect. Filters are checked, and the set's
 * SQL run once, before the first chunk: a bad filter is a 400 from the
 * caller's point of view, never a download cut off after its header.
 */
export async function exportChunks(
  access: Access,
  format: ExportFormat,
  filters: URLSearchParams | ExportFiltersInput,
  exportedAt = new Date(),
  locale: AppLocale = DEFAULT_LOCALE,
  signal?: AbortSignal,
): Promise<AsyncGenerator<ExportChunk>> {
  const set = exportSet(access, filters);
  const [ctx] = await Promise.all([exportContext(access, set, exportedAt, locale, signal), checkExportSet(set)]);
  return FORMATS[format].write(ctx);
}

const withoutEmpty = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length)));

/** The whole export as one string: for small sets and tests only. */
export async function exportToString(access: Access, format: ExportFormat, filters: URLSearchParams | ExportFiltersInput = {}, exportedAt = new Date(), locale: AppLocale = DEFAULT_LOCALE): Promise<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let out = "";
  for await (const chunk of await exportChunks(access, format, filters, exportedAt, locale)) out += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

/**
 * Bytes gathered before a piece of a download goes to the response. Every piece costs the same
 * whatever its size on its way out (a promise per step of the web stream Next pipes from, a
 * socket write and, when the client accepts gzip, a compression flush per piece), and COPY's
 * network chunks are a few KB: at 100k claims the app server cost as much CPU as PostgreSQL
 * writing the text. A quarter of a MB stays small beside the 150 MB an export may grow by.
 */
export const RESPONSE_PIECE_BYTES = 256 * 1024;

/** The chunks as UTF-8 bytes, joined into pieces of at least `size` bytes (the last one smaller). */
export async function* coalesce(chunks: AsyncGenerator<ExportChunk>, size = RESPONSE_PIECE_BYTES): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let held = 0;
  try {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      if (!bytes.byteLength) continue;
      parts.push(bytes);
      held += bytes.byteLength;
      if (held >= size) {
        yield parts.length === 1 ? parts[0] : Buffer.concat(parts, held);
        parts = [];
        held = 0;
      }
    }
    if (held) yield parts.length === 1 ? parts[0] : Buffer.concat(parts, held);
  } finally {
    await chunks.return(undefined);
  }
}

/**
 * A streamed download. The generator is pulled only as fast as the client
 * reads (backpressure), and stopped when the client goes away. The first
 * chunk is read before answering, so a failure there is still a proper error
 * response rather than a cut-off download.
 *
 * `signal` is the request's: it aborts when the client goes away, also before the answer starts (the first chunk
 * can take seconds at 100k claims), when the response body's cancel() never comes. Without it, a download dropped
 * that early left its queries running and their connections open until the server stopped (black-box, session 33).
 */
export async function exportResponse(access: Access, params: URLSearchParams, defaultLocale: AppLocale = DEFAULT_LOCALE, signal?: AbortSignal): Promise<Response> {
  const format = parseFormat(params.get("format"));
  const locale = exportLocale(params, defaultLocale);
  const exportedAt = new Date();
  // Aborted when the client stops reading, so the export's queries stop then, not at their next row.
  const reader = new AbortController();
  signal?.throwIfAborted();
  const chunks = coalesce(await exportChunks(access, format, params, exportedAt, locale, reader.signal));
  // Stops the queries (the reader's signal) and ends the generator, which gives its connections back; an async
  // generator takes return() after the step it is in, which the aborted queries end.
  const stop = () => {
    reader.abort();
    void chunks.return(undefined).catch(() => undefined);
  };
  signal?.addEventListener("abort", stop, { once: true });
  // Gone while the export was being set up: the listener came too late to hear it.
  if (signal?.aborted) stop();
  let first: IteratorResult<Uint8Array>;
  try {
    first = await chunks.next();
  } catch (err) {
    signal?.removeEventListener("abort", stop);
    throw err;
  }
  if (signal?.aborted) throw signal.reason;
  // Recorded once the export has started without error; how many rows it holds isn't known until it has streamed.
  const { filters } = exportSet(access, params);
  await db.$transaction((tx) =>
    recordChange(tx, { kind: "export.created", workspaceId: access.workspace.id, actorId: access.userId, data: { format, filters: withoutEmpty(filters), rows: null } }),
  );
  let pending: Uint8Array | null = first.done ? null : first.value;
  let done = Boolean(first.done);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending !== null) {
        controller.enqueue(pending);
        pending = null;
        return;
      }
      if (done) return controller.close();
      try {
        const next = await chunks.next();
        if (next.done) {
          done = true;
          signal?.removeEventListener("abort", stop);
          controller.close();
        } else controller.enqueue(next.value);
      } catch (err) {
        // Stopped because the client went away: nobody is left to tell, and nothing went wrong.
        if (reader.signal.aborted) {
          try {
            controller.close();
          } catch {
            // Already cancelled.
          }
          return;
        }
        console.error("Export failed while streaming", err);
        controller.error(err);
      }
    },
    async cancel() {
      signal?.removeEventListener("abort", stop);
      reader.abort();
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": FORMATS[format].contentType,
      "content-disposition": `attachment; filename="${exportFilename(access.workspace.slug, format, exportedAt)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
