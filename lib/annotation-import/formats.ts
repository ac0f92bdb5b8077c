import { createHash } from "node:crypto";
import { z } from "zod";
import { CONTEXT_LENGTH } from "@/lib/anchoring";
import { withoutControlCharacters } from "@/lib/articles/import/control-chars";
import { DomainError, invalid, unprocessable, said, type Said } from "@/lib/errors";
import type { CodeParams, ErrorCode } from "@/lib/http/error-codes";
import { statementFromWords, withoutDirectionControls } from "@/lib/validation/text";
import { describeResult } from "./describe";
import { jsonErrorPlace } from "./json-position";

/**
 * Other tools' annotation files read into one shape: documents (a page or
 * text the tool annotated) holding spans. Nothing here touches the database;
 * plan.ts places the spans on articles through lib/anchoring.
 */
export const TOOLS = ["w3c", "hypothesis", "label-studio", "doccano"] as const;
export type Tool = (typeof TOOLS)[number];
export const TOOL_NAMES: Record<Tool, string> = { w3c: "W3C Web Annotation", hypothesis: "Hypothesis", "label-studio": "Label Studio", doccano: "doccano" };

/** A claim as our own W3C export writes it (one `ct:Claim` body, the same node in every annotation of that claim). */
export interface ImportedClaim {
  key: string;
  statement: string;
  claimant: string | null;
  tags: string[];
  reviewState: string | null;
  verdict: string | null;
}

export interface ImportedSpan {
  /** 1-based place in the file, for the report. */
  n: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the tool said the span is, in UTF-16 code units of its text: a hint for anchoring. */
  start?: number;
  end?: number;
  /** W3C positions count code points: converted against the article's text when it is known. */
  pointStart?: number;
  pointEnd?: number;
  note: string | null;
  tags: string[];
  creator: string | null;
  /** When the annotation was made, as the file says (W3C `created`, Hypothesis `created`): kept when it is a real date not in the future. */
  created?: Date;
  claim: ImportedClaim | null;
  /** Why the span can't be placed whatever the text (reported as orphaned), with its code for the reader's language. */
  problem?: Said;
  /** What was shortened or left out of it to fit Claimtrail's limits (a note, a tag, a claim's statement), for the report. */
  notices: Said[];
}

export interface ImportedDoc {
  /** The page the tool annotated (W3C target source, Hypothesis `uri`). */
  url?: string;
  /** Our own export names the article (`ct:article`). */
  articleId?: string;
  /** The annotated text itself (Label Studio, doccano): the article when none has it. */
  text?: string;
  title?: string;
  /** Document-level labels (doccano classification): the new article's tags. */
  articleTags?: string[];
  spans: ImportedSpan[];
}

/** A line of a JSON Lines file that was left out: the rest of the file is still read. */
export interface SkippedLine extends Coded {
  line: number;
  reason: string;
}

/** A report line's code and the values it names (ui.apiErrors): the reader's language, beside the English `reason`. */
export interface Coded {
  code: ErrorCode;
  params?: CodeParams;
}

/** The English reason and its code, as a skipped item carries them. */
export const skip = (s: Said): { reason: string } & Coded => ({ reason: s.en, code: s.code, ...(s.params ? { params: s.params } : {}) });

const isSaid = (v: unknown): v is Said => !!v && typeof v === "object" && "code" in v && "en" in v;

/** A Label Studio result that isn't a span Claimtrail can read (no `value`, a bad field): left out, the rest of the file is read. */
export interface SkippedResult extends Coded {
  /** 1-based places: the task in the file, the annotation in the task, the result in the annotation. */
  task: number;
  annotation: number;
  result: number;
  /** The JSON path of what is wrong, as in errors: `[1].annotations[0].result[2].value`. */
  field: string;
  reason: string;
}

/** A Label Studio task with no text to mark (none, or only an image, audio or other file address): left out, never made an article. */
export interface SkippedTask extends Coded {
  /** 1-based place of the task in the file. */
  task: number;
  /** The JSON path to give the text at: `[1].data.text`. */
  field: string;
  reason: string;
}

export interface ParsedFile {
  tool: Tool;
  docs: ImportedDoc[];
  /** JSON Lines only: lines that aren't JSON or aren't a record, reported by line number and not imported. */
  skipped: SkippedLine[];
  /** Label Studio only: results left out, reported by task and result. */
  skippedResults: SkippedResult[];
  /** Label Studio only: tasks without text, reported by task. */
  skippedTasks: SkippedTask[];
}

export const MAX_SPANS = 20_000;
const MAX_TAGS = 20;
const TAG_MAX = 40;
/** The limits of a highlight's note and a claim's statement and claimant (lib/annotations, lib/claims/schemas.ts). */
export const NOTE_MAX = 5000;
export const STATEMENT_MAX = 2000;
export const CLAIMANT_MAX = 300;

const count = (n: number) => n.toLocaleString("en");

/** The file's own creation time of an annotation: a valid date-time not in the future, else undefined (the import time is used). */
export function createdAt(value: unknown, now = Date.now()): Date | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) return undefined;
  // A real calendar day (Date would roll 30 February over into March); no zone given reads as UTC.
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1000 || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
  const t = Date.parse(m[6] ? value.trim() : `${value.trim()}Z`);
  if (!Number.isFinite(t) || t > now) return undefined;
  return new Date(t);
}

/**
 * A value cut to `max` UTF-16 units (never inside a character), saying so in
 * `notices`: an over-long note or statement is kept shortened rather than
 * refusing the annotation, but never silently.
 */
function shorten(value: string, max: number, what: string, code: ErrorCode, notices: Said[] | undefined, params: CodeParams = {}): string {
  if (value.length <= max) return value;
  const cut = /[\uD800-\uDBFF]/.test(value[max - 1]) ? max - 1 : max;
  notices?.push(said(code, `${what} shortened to ${count(cut)} characters (it had ${count(value.length)}).`, { ...params, kept: cut, had: value.length }));
  return value.slice(0, cut);
}

/** The text around [start, end) of `text`, as a TextQuoteSelector would hold it. */
function quoteAt(text: string, start: number, end: number) {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start), suffix: text.slice(end, end + CONTEXT_LENGTH) };
}

/** A code point offset → UTF-16 offset in `text`; undefined when beyond it. */
export function unitOffset(text: string, point: number): number | undefined {
  let unit = 0;
  for (let p = 0; p < point; p++) {
    if (unit >= text.length) return undefined;
    const c = text.charCodeAt(unit);
    unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
  }
  return unit;
}

/** Tags as a highlight holds them (at most MAX_TAGS of TAG_MAX characters), each shortening told in `notices`. */
function cleanTags(values: unknown[], notices?: Said[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    if (typeof v !== "string") continue;
    const whole = v.replace(/\s+/g, " ").trim();
    const t = shorten(whole, TAG_MAX, `Tag “${whole.slice(0, TAG_MAX)}…”`, "annotation_tag_shortened", notices, { tag: whole.slice(0, TAG_MAX) }).trim();
    if (t && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  if (seen.size > MAX_TAGS) notices?.push(said("annotation_tags_dropped", `Only the first ${MAX_TAGS} of its ${count(seen.size)} tags are kept.`, { max: MAX_TAGS, count: seen.size }));
  return [...seen.values()].slice(0, MAX_TAGS);
}

/**
 * A claim's statement from the words it marks: spacing made single, without direction controls (a statement may
 * not hold them, lib/claims/schemas.ts), shortened (and told) past the limit.
 */
function statementOf(words: string, notices: Said[]): string {
  return shorten(statementFromWords(words), STATEMENT_MAX, "Claim statement", "annotation_statement_shortened", notices);
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);

/** The zod issue's path as `rows[3].target`, prefixed. */
function pathOf(base: string, path: PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : `${s}.${String(k)}`), base);
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, base: string, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = pathOf(base, issue.path);
  throw unprocessable(`${what}: ${field} ${issue.message.replace(/^Invalid input: /, "")}.`, { [field]: issue.message });
}

/** Why `value` doesn't fit `schema`, naming the field under `base`; null when it fits. */
function whyNot<T extends z.ZodType>(schema: T, value: unknown): { data: z.output<T>; reason: null } | { data: null; reason: string; field: string } {
  const r = schema.safeParse(value);
  if (r.success) return { data: r.data, reason: null };
  const issue = r.error.issues[0];
  const field = pathOf("", issue.path).replace(/^\./, "") || "the record";
  return { data: null, reason: `${field} ${issue.message.replace(/^Invalid input: /, "")}`, field };
}

// ——— W3C Web Annotation (and Hypothesis, whose targets are W3C-shaped) ———

const quoteSelector = z.looseObject({ type: z.literal("TextQuoteSelector"), exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() });
const positionSelector = z.looseObject({ type: z.literal("TextPositionSelector"), start: z.number().int().min(0), end: z.number().int().min(0) });
const anySelector = z.looseObject({ type: z.string() });
const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const w3cTarget = z.union([
  z.string(),
  z.looseObject({ source: z.string().optional(), id: z.string().optional(), selector: oneOrMany(anySelector).optional() }),
]);

const w3cAnnotation = z.looseObject({
  type: z.union([z.literal("Annotation"), z.array(z.string()).refine((t) => t.includes("Annotation"), "must include Annotation")]),
  target: oneOrMany(w3cTarget),
  body: oneOrMany(z.union([z.string(), z.looseObject({})])).optional(),
  creator: oneOrMany(z.union([z.string(), z.looseObject({ name: z.string().optional(), nickname: z.string().optional() })])).optional(),
});

interface Selected {
  url?: string;
  exact?: string;
  prefix: string;
  suffix: string;
  start?: number;
  end?: number;
}

/** The first target that selects text: its quote and position (either may be missing). */
function selectText(targets: z.output<typeof w3cTarget>[], base: string, what: string): Selected {
  let url: string | undefined;
  for (const [i, t] of targets.entries()) {
    if (typeof t === "string") {
      url ??= t;
      continue;
    }
    url ??= t.source ?? t.id;
    let found: Selected | null = null;
    for (const [j, raw] of (t.selector ?? []).entries()) {
      const at = `${base}.target[${i}].selector[${j}]`;
      if (raw.type === "TextQuoteSelector") {
        const q = parseWith(quoteSelector, raw, at, what);
        found = { ...(found ?? { prefix: "", suffix: "" }), exact: q.exact, prefix: q.prefix ?? "", suffix: q.suffix ?? "" };
      } else if (raw.type === "TextPositionSelector") {
        const p = parseWith(positionSelector, raw, at, what);
        found = { ...(found ?? { prefix: "", suffix: "" }), start: p.start, end: p.end };
      }
    }
    if (found) return { ...found, url: t.source ?? t.id ?? url };
  }
  return { url, prefix: "", suffix: "" };
}

/** Our own export's claim node, when the annotation carries one. */
function claimOf(bodies: unknown[], notices: Said[]): ImportedClaim | null {
  for (const b of bodies) {
    if (!b || typeof b !== "object") continue;
    const node = b as Record<string, unknown>;
    if (node.type !== "ct:Claim" || !str(node["ct:statement"])) continue;
    const tags = cleanTags(bodies.filter((x): x is Record<string, unknown> => !!x && typeof x === "object" && (x as Record<string, unknown>).purpose === "tagging").map((x) => x.value), notices);
    const claimant = str(node["ct:claimant"]);
    return {
      key: str(node.id) ?? String(node["ct:statement"]),
      statement: shorten(withoutDirectionControls(String(node["ct:statement"])).trim(), STATEMENT_MAX, "Claim statement", "annotation_statement_shortened", notices),
      claimant: claimant === null ? null : shorten(claimant.trim(), CLAIMANT_MAX, "Claimant", "annotation_claimant_shortened", notices),
      tags,
      reviewState: str(node["ct:reviewState"]),
      verdict: str(node["ct:verdict"]),
    };
  }
  return null;
}

function creatorName(creators: z.output<typeof w3cAnnotation>["creator"]): string | null {
  const c = creators?.[0];
  if (!c) return null;
  if (typeof c === "string") return c;
  return str(c.name) ?? str(c.nickname);
}

const ARTICLE_URN = /^urn:claimtrail:article:([a-z0-9]{1,64})$/;

function fromW3c(items: unknown[], base: string): ParsedFile {
  const byDoc = new Map<string, ImportedDoc>();
  for (const [i, raw] of items.entries()) {
    const at = `${base}[${i}]`;
    const a = parseWith(w3cAnnotation, raw, at, "Not a W3C Web Annotation");
    const sel = selectText(a.target, at, "Not a W3C Web Annotation");
    const bodies = a.body ?? [];
    const notices: Said[] = [];
    const claim = claimOf(bodies, notices);
    const textual = bodies.filter((b): b is Record<string, unknown> => !!b && typeof b === "object" && (b.type === "TextualBody" || typeof b.value === "string"));
    const tags = claim ? [] : cleanTags(textual.filter((b) => b.purpose === "tagging").map((b) => b.value), notices);
    const notes = [
      ...bodies.filter((b): b is string => typeof b === "string"),
      ...textual.filter((b) => b.purpose === undefined || b.purpose === "commenting" || (!claim && b.purpose === "describing")).map((b) => String(b.value ?? "")),
    ].filter((s) => s.trim());
    const urn = typeof (raw as Record<string, unknown>)["ct:article"] === "string" ? ((raw as Record<string, unknown>)["ct:article"] as string) : undefined;
    const articleId = (urn ?? sel.url)?.match(ARTICLE_URN)?.[1];
    const key = articleId ? `a:${articleId}` : `u:${sel.url ?? ""}`;
    let doc = byDoc.get(key);
    if (!doc) byDoc.set(key, (doc = { url: sel.url && !ARTICLE_URN.test(sel.url) ? sel.url : undefined, articleId, spans: [] }));
    doc.spans.push({
      n: i + 1,
      exact: sel.exact ?? "",
      prefix: sel.prefix,
      suffix: sel.suffix,
      pointStart: sel.start,
      pointEnd: sel.end,
      note: notes.length ? shorten(notes.join("\n\n"), NOTE_MAX, "Note", "annotation_note_shortened", notices) : null,
      tags,
      creator: creatorName(a.creator),
      created: createdAt((raw as Record<string, unknown>).created),
      claim,
      problem: sel.exact === undefined && sel.start === undefined ? said("annotation_no_selector", "No TextQuoteSelector or TextPositionSelector in its target.") : undefined,
      notices,
    });
  }
  return { tool: "w3c", docs: [...byDoc.values()], skipped: [], skippedResults: [], skippedTasks: [] };
}

// ——— Hypothesis ———

const hypothesisRow = z.looseObject({
  uri: z.string(),
  target: z.array(z.looseObject({ source: z.string().optional(), selector: z.array(anySelector).optional() })),
  user: z.string().optional(),
  user_info: z.looseObject({ display_name: z.string().nullish() }).nullish(),
  text: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  document: z.looseObject({ title: z.union([z.string(), z.array(z.string())]).nullish() }).nullish(),
});

/** "acct:jane@hypothes.is" → "jane"; another authority is kept whole. */
function hypothesisUser(user: string | undefined, display: string | null | undefined): string | null {
  if (display?.trim()) return display.trim();
  if (!user) return null;
  const bare = user.replace(/^acct:/, "");
  return bare.endsWith("@hypothes.is") ? bare.slice(0, -"@hypothes.is".length) : bare;
}

function fromHypothesis(rows: unknown[], base: string): ParsedFile {
  const byUri = new Map<string, ImportedDoc>();
  for (const [i, raw] of rows.entries()) {
    const at = `${base}[${i}]`;
    const r = parseWith(hypothesisRow, raw, at, "Not a Hypothesis annotation");
    const sel = selectText(r.target, at, "Not a Hypothesis annotation");
    const url = r.uri;
    let doc = byUri.get(url);
    const title = Array.isArray(r.document?.title) ? r.document.title[0] : r.document?.title;
    if (!doc) byUri.set(url, (doc = { url, title: title ?? undefined, spans: [] }));
    // A page note (no selector) marks no words: it can't become a highlight.
    const notices: Said[] = [];
    doc.spans.push({
      n: i + 1,
      exact: sel.exact ?? "",
      prefix: sel.prefix,
      suffix: sel.suffix,
      start: sel.start,
      end: sel.end,
      note: r.text?.trim() ? shorten(r.text, NOTE_MAX, "Note", "annotation_note_shortened", notices) : null,
      tags: cleanTags(r.tags ?? [], notices),
      creator: hypothesisUser(r.user, r.user_info?.display_name),
      created: createdAt((raw as Record<string, unknown>).created),
      claim: null,
      problem: sel.exact === undefined && sel.start === undefined ? said("annotation_page_note", "A page note: it marks no words.") : undefined,
      notices,
    });
  }
  return { tool: "hypothesis", docs: [...byUri.values()], skipped: [], skippedResults: [], skippedTasks: [] };
}

// ——— Label Studio ———

const lsResult = z.looseObject({
  type: z.string().optional(),
  from_name: z.string().optional(),
  value: z.looseObject({
    start: z.number().int().optional(),
    end: z.number().int().optional(),
    text: z.string().optional(),
    labels: z.array(z.string()).optional(),
  }),
});
const lsTask = z.looseObject({
  id: z.union([z.number(), z.string()]).optional(),
  data: z.record(z.string(), z.unknown()),
  annotations: z
    .array(
      z.looseObject({
        // Each result is read on its own (fromLabelStudio): one that isn't a span is left out, not the whole file.
        result: z.array(z.unknown()),
        completed_by: z.union([z.number(), z.string(), z.looseObject({ email: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional() })]).nullish(),
        was_cancelled: z.boolean().optional(),
      }),
    )
    .default([]),
});

/** Labels that make a span a claim rather than a tag (case and spacing ignored). */
export const CLAIM_LABELS = ["claim", "check-worthy claim", "checkworthy claim", "factual claim"];
const isClaimLabel = (label: string) => CLAIM_LABELS.includes(label.replace(/[\s_]+/g, " ").trim().toLowerCase());

function lsCreator(c: z.output<typeof lsTask>["annotations"][number]["completed_by"]): string | null {
  if (c === null || c === undefined) return null;
  if (typeof c === "number") return `Label Studio user ${c}`;
  if (typeof c === "string") return c;
  const name = [c.first_name, c.last_name].filter((s) => s?.trim()).join(" ");
  return name || c.email || null;
}

/**
 * Offsets as Label Studio's editor counts them (UTF-16, JavaScript), or as
 * its Python side does (code points), whichever gives the text it recorded.
 */
function spanFromOffsets(text: string, start: number | undefined, end: number | undefined, recorded: string | undefined, points: boolean): { start: number; end: number } | Said {
  if (start === undefined || end === undefined) return said("annotation_no_offsets", "No start and end offsets.");
  if (start < 0 || end <= start) return said("annotation_offsets_empty", `Offsets ${start}–${end} mark no text.`, { start, end });
  const units = { start, end };
  const fromPoints = (() => {
    const s = unitOffset(text, start);
    const e = unitOffset(text, end);
    return s === undefined || e === undefined ? null : { start: s, end: e };
  })();
  const candidates = points ? [fromPoints, units] : [units, fromPoints];
  for (const c of candidates) {
    if (c && c.end <= text.length && (recorded === undefined || text.slice(c.start, c.end) === recorded)) return c;
  }
  if (end > text.length && (!fromPoints || fromPoints.end > text.length)) {
    return said("annotation_offsets_beyond", `Offsets ${start}–${end} are beyond the text (${[...text].length} characters).`, { start, end, length: [...text].length });
  }
  return said("annotation_offsets_mismatch", `The text at ${start}–${end} isn't the text recorded for the span.`, { start, end });
}

/** A value that is only a file's address (an image, audio or video task's data), not text to mark. */
const LONE_ADDRESS = /^\s*(?:(?:https?|s3|gs|azure-blob|file|data):\S+|\/data\/\S+)\s*$/i;
/** Task data fields that never hold the text: media addresses and the task's own title, address and id. */
const NOT_TEXT = new Set(["image", "audio", "video", "url", "title", "id", "ref_id"]);

/**
 * The text a Label Studio task's spans mark: `data.text`, else its one other
 * text field (Label Studio lets a project name it); a reason when there is none,
 * or only the address of an image, audio or text file Claimtrail doesn't fetch.
 */
function taskText(data: Record<string, unknown>): string | { reason: Said } {
  if (typeof data.text === "string" && data.text.trim()) {
    if (LONE_ADDRESS.test(data.text)) return { reason: said("annotation_task_address", "Its data.text is only an address (Claimtrail doesn't fetch it): put the text itself in data.text.") };
    return data.text;
  }
  const other = Object.entries(data).find(([k, v]) => !NOT_TEXT.has(k) && typeof v === "string" && v.trim() && !LONE_ADDRESS.test(v));
  if (other) return other[1] as string;
  const media = Object.entries(data).filter(([, v]) => typeof v === "string" && LONE_ADDRESS.test(v)).map(([k]) => `data.${k}`);
  return {
    reason: media.length
      ? said("annotation_task_media", `It has no text, only ${media.join(", ")} (a file's address, e.g. an image or audio task): give the text as data.text.`, { fields: media.join(", ") })
      : said("annotation_task_no_text", "It has no text: give the task's text as data.text."),
  };
}

/** Which results don't mark words: choices, ratings, relations (relations have no `value` at all). */
const isSpanResult = (raw: unknown) => !isObject(raw) || raw.type === undefined || raw.type === "labels" || raw.type === "hypertextlabels";

function fromLabelStudio(tasks: unknown[], base: string, fileKey: string): ParsedFile {
  const docs: ImportedDoc[] = [];
  const skippedResults: SkippedResult[] = [];
  const skippedTasks: SkippedTask[] = [];
  let n = 0;
  for (const [i, raw] of tasks.entries()) {
    const at = `${base}[${i}]`;
    const task = parseWith(lsTask, raw, at, "Not a Label Studio task");
    const text = taskText(task.data);
    if (typeof text !== "string") {
      skippedTasks.push({ task: i + 1, field: `${at}.data.text`, ...skip(text.reason) });
      continue;
    }
    const title = str(task.data.title) ?? undefined;
    const url = str(task.data.url) ?? undefined;
    const doc: ImportedDoc = { text, title, url, spans: [] };
    for (const [j, ann] of task.annotations.entries()) {
      if (ann.was_cancelled) continue;
      for (const [k, raw] of ann.result.entries()) {
        // Only span results (labels over text) mark words; choices, ratings and relations don't.
        if (!isSpanResult(raw)) continue;
        const parsed = lsResult.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const place = `${at}.annotations[${j}].result[${k}]`;
          const noValue = isObject(raw) && raw.value === undefined;
          skippedResults.push({
            task: i + 1,
            annotation: j + 1,
            result: k + 1,
            field: noValue ? `${place}.value` : pathOf(place, issue.path),
            ...skip(
              noValue
                ? said("annotation_result_no_value", "It has no value (no offsets, text or labels), so it marks no words.")
                : said("annotation_result_invalid", `${pathOf("", issue.path).replace(/^\./, "") || "The result"} ${issue.message.replace(/^Invalid input: /, "")}.`, { field: pathOf("", issue.path).replace(/^\./, "") || "value" }),
            ),
          });
          continue;
        }
        const r = parsed.data;
        if (r.value.start === undefined && r.value.end === undefined && r.value.text === undefined) continue;
        n += 1;
        const labels = r.value.labels ?? [];
        const claimLabel = labels.find(isClaimLabel);
        const notices: Said[] = [];
        const tags = cleanTags(labels.filter((l) => !isClaimLabel(l)), notices);
        const span = spanFromOffsets(text, r.value.start, r.value.end, r.value.text, false);
        const quote = isSaid(span) ? { exact: r.value.text ?? "", prefix: "", suffix: "" } : quoteAt(text, span.start, span.end);
        doc.spans.push({
          n,
          ...quote,
          ...(isSaid(span) ? {} : span),
          note: null,
          tags: claimLabel ? [] : tags,
          creator: lsCreator(ann.completed_by),
          claim: claimLabel ? { key: `ls:${fileKey}:${i}:${n}`, statement: statementOf(quote.exact, notices), claimant: null, tags, reviewState: null, verdict: null } : null,
          // A span whose offsets don't hold is still looked for by its recorded text; without one it is orphaned.
          problem: isSaid(span) && !r.value.text ? span : undefined,
          notices,
        });
      }
    }
    docs.push(doc);
  }
  if (!docs.length && skippedTasks.length) {
    const named = skippedTasks.slice(0, SKIPPED_NAMED);
    throw unprocessable(
      skippedTasks.length === 1
        ? `Label Studio file: task ${skippedTasks[0].task} has no text.`
        : `Label Studio file: no task has text (tasks ${named.map((s) => s.task).join(", ")}${skippedTasks.length > named.length ? ` and ${skippedTasks.length - named.length} more` : ""}).`,
      Object.fromEntries(named.map((s) => [s.field, said(s.code, s.reason, s.params)])),
    );
  }
  if (skippedResults.length && !docs.some((d) => d.spans.length)) {
    const named = skippedResults.slice(0, SKIPPED_NAMED);
    throw unprocessable(
      `No result of the file is a Label Studio span Claimtrail can read: ${named.map((s) => `${describeResult(s)}: ${s.reason}`).join(" ")}${skippedResults.length > named.length ? ` (and ${skippedResults.length - named.length} more)` : ""}`,
      Object.fromEntries(named.map((s) => [s.field, said(s.code, s.reason, s.params)])),
    );
  }
  return { tool: "label-studio", docs, skipped: [], skippedResults, skippedTasks };
}

// ——— doccano ———

const doccanoSpan = z.union([
  z.tuple([z.number().int(), z.number().int(), z.string()]),
  z.looseObject({ start_offset: z.number().int(), end_offset: z.number().int(), label: z.union([z.string(), z.number()]) }),
]);
const doccanoRecord = z.looseObject({
  text: z.string(),
  label: z.array(z.union([doccanoSpan, z.string()])).optional(),
  labels: z.array(z.union([doccanoSpan, z.string()])).optional(),
  entities: z.array(doccanoSpan).optional(),
  user: z.union([z.string(), z.number()]).optional(),
  title: z.string().optional(),
  url: z.string().optional(),
});

/**
 * doccano exports one record per line: a bad line (from a hand edit or a
 * truncated copy) is reported by its line number and left out, so the good
 * lines can still be imported. A JSON array of records is one value and is
 * refused whole, naming the element.
 */
function fromDoccano(records: unknown[], base: string, lines: { lineOf: number[]; skipped: SkippedLine[] } | null, fileKey: string): ParsedFile {
  const docs: ImportedDoc[] = [];
  const skipped = [...(lines?.skipped ?? [])];
  let n = 0;
  for (const [i, raw] of records.entries()) {
    let rec: z.output<typeof doccanoRecord>;
    if (lines) {
      const r = whyNot(doccanoRecord, raw);
      if (!r.data) {
        skipped.push({ line: lines.lineOf[i], ...skip(said("annotation_line_not_doccano", `Not a doccano record: ${r.reason}.`, { field: r.field })) });
        continue;
      }
      rec = r.data;
    } else {
      rec = parseWith(doccanoRecord, raw, `${base}[${i}]`, "Not a doccano record");
    }
    const all = [...(rec.label ?? []), ...(rec.labels ?? []), ...(rec.entities ?? [])];
    const doc: ImportedDoc = { text: rec.text, title: rec.title, url: rec.url, articleTags: cleanTags(all.filter((l) => typeof l === "string")), spans: [] };
    for (const s of all) {
      if (typeof s === "string") continue;
      n += 1;
      const [start, end, label] = Array.isArray(s) ? s : [s.start_offset, s.end_offset, String(s.label)];
      // doccano is Python: offsets count code points.
      const span = spanFromOffsets(rec.text, start, end, undefined, true);
      const quote = isSaid(span) ? { exact: "", prefix: "", suffix: "" } : quoteAt(rec.text, span.start, span.end);
      const claim = isClaimLabel(label);
      const notices: Said[] = [];
      doc.spans.push({
        n,
        ...quote,
        ...(isSaid(span) ? {} : span),
        note: null,
        tags: claim ? [] : cleanTags([label], notices),
        creator: rec.user === undefined ? null : String(rec.user),
        claim: claim ? { key: `dc:${fileKey}:${i}:${n}`, statement: statementOf(quote.exact, notices), claimant: null, tags: [], reviewState: null, verdict: null } : null,
        problem: isSaid(span) ? span : undefined,
        notices,
      });
    }
    docs.push(doc);
  }
  skipped.sort((a, b) => a.line - b.line);
  if (!docs.length) throw unprocessable(`No line of the file is a doccano record: ${describeSkipped(skipped)}`, skippedErrors(skipped));
  return { tool: "doccano", docs, skipped, skippedResults: [], skippedTasks: [] };
}

// ——— detection ———

/** Which tool's annotation file a parsed JSON value is, if any: article imports refuse these rather than make articles of their notes. */
export function annotationToolOf(json: unknown): Tool | null {
  if (isObject(json) && Array.isArray(json.rows)) return json.rows.length ? classify(json.rows[0]) : "hypothesis";
  if (isObject(json) && (json.type === "AnnotationCollection" || json.type === "AnnotationPage")) return "w3c";
  return classify(Array.isArray(json) ? json[0] : json);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const isAnnotationType = (t: unknown) => t === "Annotation" || (Array.isArray(t) && t.includes("Annotation"));

interface JsonLines {
  items: unknown[];
  /** The 1-based line each item came from. */
  lineOf: number[];
  /** Lines that aren't JSON. */
  skipped: SkippedLine[];
}

/**
 * JSON.parse's reviver for every string in a file: control characters (a NUL escaped as \u0000 in a note,
 * a name or a label) are taken out, as from imported article text — PostgreSQL refuses NUL, and the import
 * answered 500 where the dry run had said all was well.
 */
function withoutControls(_key: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  // Half a UTF-16 pair (escaped as \ud800) is no character at all: refused, as in every other input, not stored as U+FFFD.
  if (!value.isWellFormed()) {
    const shown = value.toWellFormed().slice(0, 40);
    throw invalid(`The file holds a broken character (half of a UTF-16 pair) in “${shown}”.`, { content: "Contains a broken character." });
  }
  return withoutControlCharacters(value);
}

/** JSON Lines, line by line: null when no line is JSON (then it isn't JSON Lines at all). */
/**
 * Whether a file that doesn't parse is meant as one JSON document (a typo in
 * it), not JSON Lines: it opens an array, or its first line opens a value it
 * doesn't close (`{`, `{"rows": [`, `"type": "Annotation",`), as a
 * pretty-printed export does. A JSON Lines record is whole on its line.
 */
function oneDocument(body: string): boolean {
  const first = body.split(/\r?\n/).find((l) => l.trim())?.trim() ?? "";
  return first.startsWith("[") || /[{[,:]$/.test(first);
}

function parseJsonLines(content: string): JsonLines | null {
  const out: JsonLines = { items: [], lineOf: [], skipped: [] };
  for (const [i, line] of content.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    try {
      out.items.push(JSON.parse(line, withoutControls));
      out.lineOf.push(i + 1);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      const place = jsonErrorPlace(line, "line");
      out.skipped.push({ line: i + 1, ...skip(said("annotation_line_not_json", place ? `Not valid JSON (${place}).` : "Not valid JSON.")) });
    }
  }
  return out.items.length ? out : null;
}

const SKIPPED_NAMED = 5;

/** "line 3: …; line 7: …" for an error message (the first few). */
function describeSkipped(skipped: SkippedLine[]): string {
  const named = skipped.slice(0, SKIPPED_NAMED).map((s) => `line ${s.line}: ${s.reason}`);
  const more = skipped.length - named.length;
  return named.join(" ") + (more > 0 ? ` (and ${more} more lines)` : "");
}

function skippedErrors(skipped: SkippedLine[]): Record<string, Said> {
  return Object.fromEntries(skipped.slice(0, SKIPPED_NAMED).map((s) => [`line ${s.line}`, said(s.code, s.reason, s.params)]));
}

const UNKNOWN = "Not a format Claimtrail reads annotations from: give W3C Web Annotations, a Hypothesis API response, Label Studio JSON tasks or doccano JSONL.";

/** What kind of list `items` is, from its first element. */
function classify(first: unknown): Tool | null {
  if (!isObject(first)) return null;
  if (isObject(first.data) && ("annotations" in first || "predictions" in first)) return "label-studio";
  if (typeof first.uri === "string" && Array.isArray(first.target)) return "hypothesis";
  if (isAnnotationType(first.type)) return "w3c";
  if (typeof first.text === "string" && ("label" in first || "labels" in first || "entities" in first)) return "doccano";
  return null;
}

/** Reads an annotation file (JSON or JSON Lines) in any of the formats above. Bad input is a 4xx naming the field. */
export function parseAnnotationFile(content: string): ParsedFile {
  const body = content.replace(/^\uFEFF/, "");
  if (!body.trim()) {
    const why = said("file_empty", "The file is empty.");
    throw invalid(why, { content: why });
  }
  let json: unknown;
  let lines: JsonLines | null = null;
  try {
    json = JSON.parse(body, withoutControls);
  } catch (err) {
    if (err instanceof DomainError) throw err; // the reviver's refusal, not a parse error
    lines = oneDocument(body) ? null : parseJsonLines(body);
    if (!lines) {
      const place = jsonErrorPlace(body);
      const message = said("file_not_json", place ? `This file isn't valid JSON (${place}).` : "This file isn't valid JSON.");
      throw invalid(message, { content: message });
    }
    json = lines.items;
  }
  let items: unknown[];
  let base = "";
  if (Array.isArray(json)) {
    items = json;
  } else if (isObject(json) && Array.isArray(json.rows)) {
    items = json.rows;
    base = "rows";
  } else if (isObject(json) && (json.type === "AnnotationCollection" || json.type === "AnnotationPage")) {
    const page = json.type === "AnnotationPage" ? json : json.first;
    if (!isObject(page) || !Array.isArray(page.items)) {
      const field = json.type === "AnnotationPage" ? "items" : "first";
      throw unprocessable(`The ${String(json.type)} has no embedded page of items (${field}): export it with its annotations embedded.`, { [field]: "Give the annotations inline." });
    }
    if (json.type === "AnnotationCollection" && page.next !== undefined) {
      throw unprocessable("The collection has more pages (first.next): only a collection with its annotations in one embedded page can be read.", { "first.next": "Only one page is read." });
    }
    items = page.items;
    base = json.type === "AnnotationPage" ? "items" : "first.items";
  } else {
    items = [json];
  }
  if (!items.length) throw unprocessable(said("annotations_none", "The file holds no annotations."), { [base || "content"]: said("annotations_none", "Empty.") });
  // JSON Lines is told by its first good line (a bad first line mustn't hide the rest).
  const tool = isObject(json) && Array.isArray(json.rows) ? "hypothesis" : lines ? (items.map(classify).find((t) => t) ?? null) : classify(items[0]);
  if (!tool) {
    throw unprocessable(said("annotations_unknown_format", UNKNOWN), {
      [lines ? `line ${lines.lineOf[0]}` : `${base}[0]`]: said("annotations_unknown_format", "Not an annotation, task or record Claimtrail knows."),
    });
  }
  // Only doccano's own format is JSON Lines; other tools' files in lines are read whole, so any bad line refuses them.
  if (lines?.skipped.length && tool !== "doccano") throw unprocessable(`The file isn't JSON Lines throughout: ${describeSkipped(lines.skipped)}`, skippedErrors(lines.skipped));
  // Label Studio and doccano give a claim span no id of its own, so its key is its place in the file —
  // qualified by the file's digest: the same place in another file is another claim (unqualified, every
  // file's first claim span joined the claim of the first file imported), the same file again the same one.
  const fileKey = createHash("sha256").update(body).digest("base64url").slice(0, 16);
  const parsed =
    tool === "w3c"
      ? fromW3c(items, base)
      : tool === "hypothesis"
        ? fromHypothesis(items, base)
        : tool === "label-studio"
          ? fromLabelStudio(items, base, fileKey)
          : fromDoccano(items, base, lines, fileKey);
  const total = parsed.docs.reduce((s, d) => s + d.spans.length, 0);
  if (total > MAX_SPANS) throw unprocessable(said("annotations_too_many", `The file holds ${total.toLocaleString("en")} spans: import at most ${MAX_SPANS.toLocaleString("en")} at a time.`, { limit: MAX_SPANS }), {
      content: said("annotations_too_many", "Too many spans.", { limit: MAX_SPANS }),
    });
  if (total === 0) throw unprocessable(said("annotations_no_spans", `The ${TOOL_NAMES[tool]} file marks no spans of text.`), { content: said("annotations_no_spans", "No spans.") });
  return parsed;
}
