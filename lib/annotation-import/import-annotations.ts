import { recordChanges, type ChangeInput } from "@/lib/changes";
import { z } from "zod";
import { anchorAll, describeSpan, type AnchorSelectors } from "@/lib/anchoring";
import { wordsKey } from "@/lib/annotations/live-twin";
import { trimSpan } from "@/lib/annotations/span";
import { detectLanguage } from "@/lib/articles/import/language";
import { parseArticleAsync } from "@/lib/articles/import/parse-file";
import { canonicalText, contentHash, type DocNode } from "@/lib/articles/document";
import { createArticleIn } from "@/lib/articles/create-article";
import { recordChange } from "@/lib/changes";
import { articleMetadataSchema, importedMetadataLine as line, type ArticleMetadata } from "@/lib/articles/metadata";
import { assertCan, can, type Access } from "@/lib/auth/permissions";
import { insertRows } from "@/lib/bundle-import/apply";
import { idFactory } from "@/lib/bundle-import/ids";
import { REVIEW_STATES } from "@/lib/claims/review-states";
import { VERDICTS } from "@/lib/claims/verdicts";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { DomainError, notFound, said, type Said } from "@/lib/errors";
import { MAX_CONTENT_BYTES } from "./limits";
import { id } from "@/lib/validation/id";
import { parseAnnotationFile, TOOL_NAMES, unitOffset, type ImportedDoc, type ImportedSpan, type Coded, type SkippedLine, type SkippedResult, type SkippedTask, type Tool } from "./formats";

export const importAnnotationsSchema = z.object({
  content: z.string({ error: "Give the annotation file's content." }).min(1, "The file is empty."),
  /** Place every annotation on this article instead of finding one. */
  articleId: id("Choose an article of this workspace.").optional(),
});
export type ImportAnnotationsInput = z.input<typeof importAnnotationsSchema>;

/** placed: where the tool said; moved: found elsewhere or with small differences; orphaned: not found (kept as an orphaned highlight when it has a quote and an article); duplicate: already highlighted. */
export type SpanOutcome = "placed" | "moved" | "orphaned" | "duplicate";

export interface ReportRow {
  n: number;
  status: SpanOutcome;
  quote: string;
  /** Where it is (or would be) in the article's text, UTF-16 code units. */
  start: number | null;
  end: number | null;
  article: { id: string | null; title: string } | null;
  creator: string | null;
  tags: string[];
  claim: string | null;
  reason: string | null;
  /** The reason's code and the values it names, for the reader's language (ui.apiErrors). */
  reasonCode: Coded | null;
  /** What was shortened to fit Claimtrail's limits (a note, a tag, a claim's statement): the rest of it imports. */
  notices: string[];
  /** Each notice's code and values, in the same order. */
  noticeCodes: Coded[];
  /** Whether importing writes it: placed and moved spans, and orphans with a quote and an article (as orphaned highlights). */
  stored: boolean;
}

export interface ImportReport {
  tool: Tool;
  toolName: string;
  dryRun: boolean;
  counts: Record<SpanOutcome, number>;
  articles: { id: string | null; title: string; status: "existing" | "new" }[];
  claims: number;
  rows: ReportRow[];
  /** JSON Lines lines left out (not JSON, not a record), by line number. */
  skipped: SkippedLine[];
  /** Label Studio results left out (no value, a bad field), by task and result. */
  skippedResults: SkippedResult[];
  /** Label Studio tasks left out (no text, or only an image/audio address), by task. */
  skippedTasks: SkippedTask[];
}

const QUOTE_SHOWN = 300;

/** A said reason's code and values, as a report row carries them. */
const coded = (s: Said): Coded => ({ code: s.code, ...(s.params ? { params: s.params } : {}) });

/** Sets a row's reason: the English (the API's), and its code for the reader's language. */
function because(row: ReportRow, why: Said): ReportRow {
  row.reason = why.en;
  row.reasonCode = coded(why);
  return row;
}
/** The longest quote a highlight holds (lib/annotations/highlight.ts). */
export const QUOTE_MAX = 20_000;

interface Target {
  /** null: created on apply. */
  id: string | null;
  title: string;
  text: string;
  revision: number;
  create?: { doc: DocNode; metadata: ArticleMetadata };
}

/** What comes of one span: the report row, and what to write when it is placed. */
interface Placement {
  row: ReportRow;
  span: ImportedSpan;
  target: Target | null;
  /** An orphan is written too (start/end null), as re-anchoring leaves one, so the reader lists it and nothing is lost. */
  write?: { start: number | null; end: number | null; exact: string; prefix: string; suffix: string; status: "exact" | "moved" | "fuzzy" | "orphaned" };
}

function metadataFor(doc: ImportedDoc, guessTitle: string): ArticleMetadata {
  const ok = <T>(schema: z.ZodType<T>, v: unknown) => {
    const r = schema.safeParse(v);
    return r.success ? r.data : null;
  };
  const f = articleMetadataSchema.shape;
  return {
    // The file's titles and tags are put on one line, not refused (lib/articles/metadata.ts).
    title: ok(f.title, line(doc.title)) ?? ok(f.title, line(guessTitle)) ?? "Untitled article",
    publisher: null,
    author: null,
    url: ok(f.url, doc.url) ?? null,
    publishedAt: null,
    language: null,
    tags: (doc.articleTags ?? []).map(line).filter((t) => ok(f.tags, [t])),
  };
}

/** The page a tool annotated, spelled the ways it may be stored. */
function urlVariants(url: string): string[] {
  const bare = url.replace(/#.*$/, "");
  const out = new Set([url, bare, bare.endsWith("/") ? bare.slice(0, -1) : `${bare}/`]);
  return [...out];
}

/** Articles the file's documents go on: the one picked, else the one named, else by URL, else by text (created when new). */
async function resolveTargets(tx: Prisma.TransactionClient, access: Access, docs: ImportedDoc[], picked: string | undefined, parsedTexts: Map<ImportedDoc, { doc: DocNode; text: string; title: string }>) {
  const ws = access.workspace.id;
  const load = async (where: Prisma.ArticleWhereInput): Promise<Target | null> => {
    const a = await tx.article.findFirst({ where: { ...where, workspaceId: ws }, select: { id: true, title: true, text: true, revision: true }, orderBy: { createdAt: "asc" } });
    return a ? { id: a.id, title: a.title, text: a.text, revision: a.revision } : null;
  };
  const out = new Map<ImportedDoc, Target | null>();
  if (picked) {
    const target = await load({ id: picked });
    if (!target) throw notFound("Article not found");
    for (const d of docs) out.set(d, target);
    return out;
  }
  const byHash = new Map<string, Target>();
  for (const d of docs) {
    let target: Target | null = null;
    if (d.articleId) target = await load({ id: d.articleId });
    // The address a tool records is the one its user visited: the article's stored, canonical or original (pre-redirect) address.
    if (!target && d.url) {
      const urls = urlVariants(d.url);
      target = await load({ OR: [{ url: { in: urls } }, { canonicalUrl: { in: urls } }, { originalUrl: { in: urls } }] });
    }
    // No address, or one this workspace doesn't have (our own export names articles by ids of the
    // workspace it came from): the one article here whose text holds the document's quotes.
    if (!target && !parsedTexts.get(d)) target = await articleHolding(tx, ws, d, load);
    const parsed = parsedTexts.get(d);
    if (!target && parsed) {
      const hash = contentHash(parsed.text);
      target = byHash.get(hash) ?? (await load({ contentHash: hash }));
      if (!target) {
        // A new article's language is detected from its text, as on every import.
        const metadata = { ...metadataFor(d, parsed.title), language: await detectLanguage(parsed.text) };
        target = { id: null, title: metadata.title, text: parsed.text, revision: 1, create: { doc: parsed.doc, metadata } };
      }
      byHash.set(hash, target);
    }
    out.set(d, target);
  }
  return out;
}

/** Quotes at least this long say which article they come from; shorter ones ("the", "NATO") don't. */
const TELLING_QUOTE = 12;

/**
 * The article of this workspace that holds the document's three longest quotes, when exactly one
 * does: how a file that names its articles by another workspace's ids (or by none) finds the same
 * text here. Two or more candidates (the same passage in several articles) decide nothing.
 */
async function articleHolding(tx: Prisma.TransactionClient, ws: string, d: ImportedDoc, load: (where: Prisma.ArticleWhereInput) => Promise<Target | null>): Promise<Target | null> {
  const quotes = [...new Set(d.spans.map((s) => s.exact).filter((q) => q.length >= TELLING_QUOTE && q.length <= QUOTE_MAX))].sort((a, b) => b.length - a.length).slice(0, 3);
  if (!quotes.length) return null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Article"
    WHERE "workspaceId" = ${ws} AND ${Prisma.join(quotes.map((q) => Prisma.sql`strpos("text", ${q}) > 0`), " AND ")}
    LIMIT 2`;
  return rows.length === 1 ? load({ id: rows[0].id }) : null;
}

/** W3C positions count code points: in UTF-16 units of `text`, or none when they fall outside it. */
function hintFor(span: ImportedSpan, text: string): { start: number; end: number } | undefined {
  if (span.pointStart !== undefined && span.pointEnd !== undefined) {
    const start = unitOffset(text, span.pointStart);
    const end = unitOffset(text, span.pointEnd);
    return start !== undefined && end !== undefined && start < end ? { start, end } : undefined;
  }
  if (span.start !== undefined && span.end !== undefined) return { start: span.start, end: span.end };
  return undefined;
}

function place(docs: ImportedDoc[], targets: Map<ImportedDoc, Target | null>, existing: Map<string, Set<string>>): Placement[] {
  const placements: Placement[] = [];
  const seen = new Map<Target, Set<string>>();
  for (const d of docs) {
    const target = targets.get(d) ?? null;
    const base = (s: ImportedSpan): ReportRow => ({
      n: s.n,
      status: "orphaned",
      quote: s.exact.slice(0, QUOTE_SHOWN),
      start: null,
      end: null,
      article: target ? { id: target.id, title: target.title } : null,
      creator: s.creator,
      tags: s.tags,
      claim: s.claim?.statement.slice(0, QUOTE_SHOWN) ?? null,
      reason: null,
      reasonCode: null,
      notices: s.notices.map((x) => x.en),
      noticeCodes: s.notices.map(coded),
      stored: false,
    });
    if (!target) {
      const why = d.url
        ? said("annotation_no_article_url", `No article here has the address ${d.url}: pick the article to place these on.`, { url: d.url })
        : said("annotation_no_article", "No article here matches: pick the article to place these on.");
      for (const s of d.spans) placements.push({ row: because(base(s), why), span: s, target: null });
      continue;
    }
    const text = target.text;
    // A quote known only by its position is the text there now.
    const selectors: AnchorSelectors[] = d.spans.map((s) => {
      const hint = hintFor(s, text);
      const exact = s.exact || (hint && hint.end <= text.length ? text.slice(hint.start, hint.end) : "");
      return { quote: { exact, prefix: s.prefix, suffix: s.suffix }, ...(hint ? { position: hint } : {}) };
    });
    // A quote longer than a highlight holds is left out, not cut: a shorter quote would mark other words.
    const tooLong = selectors.map((sel) => sel.quote.exact.length > QUOTE_MAX);
    const anchors = anchorAll(text, selectors.map((sel, i) => (d.spans[i].problem || tooLong[i] ? { quote: { exact: "" } } : sel)));
    const taken = seen.get(target) ?? new Set<string>();
    seen.set(target, taken);
    const live = (target.id && existing.get(target.id)) || new Set<string>();
    for (const [i, s] of d.spans.entries()) {
      const row = base(s);
      if (!row.quote) row.quote = selectors[i].quote.exact.slice(0, QUOTE_SHOWN);
      if (tooLong[i]) {
        const length = selectors[i].quote.exact.length.toLocaleString("en");
        because(row, said("annotation_quote_too_long", `The quote has ${length} characters, more than the ${QUOTE_MAX.toLocaleString("en")} a highlight holds: left out.`, { length: selectors[i].quote.exact.length, max: QUOTE_MAX }));
        placements.push({ row, span: s, target });
        continue;
      }
      const a = anchors[i];
      const trimmed = a.status === "orphaned" ? null : trimSpan(text, a.start, a.end);
      if (!trimmed) {
        const quote = selectors[i].quote;
        because(row, s.problem ?? (quote.exact ? said("annotation_quote_not_found", "The quoted words aren't in the article.") : said("annotation_no_quote", "No quote to look for.")));
        const orphanKey = wordsKey(null, null, { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" });
        // With no words there is nothing to keep (left out); `stored` tells the report which orphans are kept.
        if (quote.exact.trim() && (live.has(orphanKey) || taken.has(orphanKey))) {
          row.status = "duplicate";
          because(row, live.has(orphanKey) ? said("annotation_orphan_kept", "Already kept as an orphaned highlight.") : said("annotation_marked_twice", "The file marks these words twice."));
        } else if (quote.exact.trim()) {
          taken.add(orphanKey);
          row.stored = true;
          const write = { start: null, end: null, exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "", status: "orphaned" as const };
          placements.push({ row, span: s, target, write });
          continue;
        }
        placements.push({ row, span: s, target });
        continue;
      }
      row.start = trimmed.start;
      row.end = trimmed.end;
      const key = `${trimmed.start}:${trimmed.end}`;
      if (live.has(key) || taken.has(key)) {
        row.status = "duplicate";
        because(row, live.has(key) ? said("annotation_already_highlighted", "These words are already highlighted.") : said("annotation_marked_twice", "The file marks these words twice."));
        placements.push({ row, span: s, target });
        continue;
      }
      taken.add(key);
      // A quote with no position to compare is placed where it is found, exactly.
      const status: "exact" | "moved" | "fuzzy" = a.status === "moved" && !selectors[i].position ? "exact" : (a.status as "exact" | "moved" | "fuzzy");
      row.status = status === "exact" ? "placed" : "moved";
      row.stored = true;
      if (status === "fuzzy") because(row, said("annotation_found_fuzzy", `Found with ${a.errors} ${a.errors === 1 ? "difference" : "differences"}.`, { count: a.errors ?? 0 }));
      else if (status === "moved") because(row, said("annotation_found_elsewhere", "Found elsewhere in the text."));
      const { quote } = describeSpan(text, trimmed.start, trimmed.end);
      placements.push({ row, span: s, target, write: { ...trimmed, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, status } });
    }
  }
  return placements.sort((x, y) => x.row.n - y.row.n);
}

/**
 * Imports another tool's annotations as highlights (lib/annotation-import/formats.ts
 * reads the file): each span is placed on its article through lib/anchoring
 * (quote and position, fuzzy when the text differs) and reported as placed,
 * moved, orphaned or duplicate. A dry run writes nothing; otherwise the new
 * articles, highlights (with their original creator, tool and tags), claims
 * and their history go in one transaction. An orphan with a quote on a known
 * article is written as an orphaned highlight (as re-anchoring leaves them),
 * so the reader lists it to place by hand; duplicates are not written.
 */
export async function importAnnotations(access: Access, input: ImportAnnotationsInput, opts: { dryRun: boolean }): Promise<ImportReport> {
  assertCan(access, "annotation.create");
  const { content, articleId } = importAnnotationsSchema.parse(input);
  if (Buffer.byteLength(content) > MAX_CONTENT_BYTES) {
    const mb = MAX_CONTENT_BYTES / 1024 / 1024;
    throw new DomainError(413, said("file_too_large_mb", `The file is larger than ${mb} MB.`, { mb }), { content: said("file_too_large_mb", "Too large.", { mb }) });
  }
  const parsed = parseAnnotationFile(content);
  // The texts a tool carries become articles: parsed (slow for big ones) before any transaction opens.
  const parsedTexts = new Map<ImportedDoc, { doc: DocNode; text: string; title: string }>();
  if (!articleId) {
    for (const d of parsed.docs) {
      if (d.text === undefined || !d.text.trim()) continue;
      const article = await parseArticleAsync({ format: "text", content: d.text, hasTitle: !!d.title });
      parsedTexts.set(d, { doc: article.doc, text: canonicalText(article.doc), title: article.guess.title });
    }
  }
  const willCreate = (t: Target | null) => !!t?.create;
  return db.$transaction(
    async (tx) => {
      const targets = await resolveTargets(tx, access, parsed.docs, articleId, parsedTexts);
      const existingIds = [...new Set([...targets.values()].filter((t): t is Target => !!t?.id).map((t) => t.id!))];
      // Locked like every write of an article's highlights (lib/annotations/live-twin.ts), and read again under the lock.
      if (!opts.dryRun && existingIds.length) {
        const locked = await tx.$queryRaw<{ id: string; text: string; revision: number }[]>`
          SELECT id, text, revision FROM "Article" WHERE id = ANY(${existingIds}::text[]) ORDER BY id FOR UPDATE`;
        const now = new Map(locked.map((a) => [a.id, a]));
        for (const t of new Set(targets.values())) {
          if (t?.id && now.has(t.id)) Object.assign(t, { text: now.get(t.id)!.text, revision: now.get(t.id)!.revision });
        }
      }
      const live = existingIds.length
        ? await tx.annotation.findMany({ where: { articleId: { in: existingIds }, deletedAt: null }, select: { articleId: true, start: true, end: true, exact: true, prefix: true, suffix: true } })
        : [];
      const existing = new Map<string, Set<string>>();
      for (const a of live) {
        const set = existing.get(a.articleId) ?? new Set<string>();
        // Orphans are told by their quote: importing a file twice keeps one of each.
        set.add(wordsKey(a.start, a.end, a));
        existing.set(a.articleId, set);
      }
      const placements = place(parsed.docs, targets, existing);
      const written = placements.filter((p) => p.write);
      const newTargets = [...new Set(written.map((p) => p.target!).filter(willCreate))];
      const claimKeys = new Set(written.filter((p) => p.span.claim).map((p) => p.span.claim!.key));
      const known = await knownClaims(tx, access.workspace.id, [...claimKeys]);
      if (newTargets.length) assertCan(access, "article.create");
      if (claimKeys.size) assertCan(access, "claim.create");

      if (!opts.dryRun && written.length) {
        for (const t of newTargets) {
          const created = await createArticleIn(tx, { workspaceId: access.workspace.id, actorId: access.userId, doc: t.create!.doc, metadata: t.create!.metadata, via: "annotations" });
          t.id = created.article.id;
          t.title = created.article.title;
        }
        await writeAll(tx, access, parsed.tool, written, known);
        // One event for the file (the articles it brought were recorded as they were made): a change per highlight would flood the feed.
        await recordChange(tx, {
          kind: "import.completed",
          workspaceId: access.workspace.id,
          actorId: access.userId,
          data: { kind: parsed.tool, articles: newTargets.length, claims: [...claimKeys].filter((k) => !known.has(k)).length, annotations: written.length },
        });
      }

      const counts: Record<SpanOutcome, number> = { placed: 0, moved: 0, orphaned: 0, duplicate: 0 };
      for (const p of placements) counts[p.row.status] += 1;
      const targetsUsed = [...new Set(placements.map((p) => p.target).filter((t): t is Target => !!t))];
      return {
        tool: parsed.tool,
        toolName: TOOL_NAMES[parsed.tool],
        dryRun: opts.dryRun,
        counts,
        articles: targetsUsed.map((t) => ({ id: t.id, title: t.title, status: t.create ? ("new" as const) : ("existing" as const) })),
        claims: [...claimKeys].filter((k) => !known.has(k)).length,
        rows: placements.map((p) => ({ ...p.row, article: p.target ? { id: p.target.id, title: p.target.title } : null })),
        skipped: parsed.skipped,
        skippedResults: parsed.skippedResults,
        skippedTasks: parsed.skippedTasks,
      };
    },
    { timeout: 5 * 60_000, maxWait: 10_000 },
  );
}

const CLAIM_URN = /^urn:claimtrail:claim:([a-z0-9]{1,64})$/;

/**
 * Claims the file names that are already here: one of this workspace's own
 * (its export imported back), or one an earlier import created from the same
 * claim (its `created` event keeps the file's id), so one claim's mentions
 * stay one claim however many imports bring them.
 */
async function knownClaims(tx: Prisma.TransactionClient, workspaceId: string, keys: string[]): Promise<Map<string, { id: string; version: number }>> {
  const out = new Map<string, { id: string; version: number }>();
  if (!keys.length) return out;
  const own = keys.map((k) => k.match(CLAIM_URN)?.[1]).filter((id): id is string => !!id);
  if (own.length) {
    const rows = await tx.claim.findMany({ where: { workspaceId, id: { in: own }, deletedAt: null, mergedIntoId: null }, select: { id: true, version: true } });
    for (const r of rows) out.set(`urn:claimtrail:claim:${r.id}`, r);
  }
  const rest = keys.filter((k) => !out.has(k));
  if (rest.length) {
    const rows = await tx.$queryRaw<{ key: string; id: string; version: number }[]>`
      SELECT DISTINCT ON (e."data"->>'importedId') e."data"->>'importedId' AS "key", c."id", c."version"
      FROM "Change" e JOIN "Claim" c ON c."id" = e."claimId"
      WHERE e."workspaceId" = ${workspaceId} AND e."kind" = 'claim.created' AND e."data"->>'importedId' = ANY(${rest}::text[])
        AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
      ORDER BY e."data"->>'importedId', e."id"`;
    for (const r of rows) out.set(r.key, { id: r.id, version: r.version });
  }
  return out;
}

/** Highlights, their history, the claims they are mentions of and those claims' history: one statement per table. */
async function writeAll(tx: Prisma.TransactionClient, access: Access, tool: Tool, written: Placement[], known: Map<string, { id: string; version: number }>) {
  const nextId = idFactory();
  const at = new Date().toISOString();
  const importedFrom = TOOL_NAMES[tool];
  const mayReview = can(access.role, "claim.review");
  const claimIds = new Map<string, string>();
  const claimRows: (string | null)[][] = [];
  const claimChanges: ChangeInput[] = [];
  const change = { workspaceId: access.workspace.id, actorId: access.userId };
  const annotationRows: (string | number | null)[][] = [];
  const annotationEvents: (string | null)[][] = [];
  for (const p of written) {
    const w = p.write!;
    const id = nextId();
    let claimId: string | null = null;
    const c = p.span.claim;
    const existing = c ? known.get(c.key) : undefined;
    if (c && existing) {
      claimId = existing.id;
      claimChanges.push({
        ...change,
        kind: "claim.mention-added",
        claimId,
        articleId: p.target!.id,
        subjectId: id,
        data: { annotationId: id, articleId: p.target!.id!, exact: w.exact, version: existing.version, importedFrom },
      });
    } else if (c) {
      claimId = claimIds.get(c.key) ?? null;
      if (!claimId) {
        claimId = nextId();
        claimIds.set(c.key, claimId);
        const verdict = c.verdict && (VERDICTS as readonly string[]).includes(c.verdict) ? c.verdict : null;
        let state = c.reviewState && (REVIEW_STATES as readonly string[]).includes(c.reviewState) ? c.reviewState : "unreviewed";
        // Approval is a reviewer's act: an annotator's import brings an approved claim in for review instead.
        if (state === "approved" && !mayReview) state = "in-review";
        claimRows.push([claimId, access.workspace.id, c.statement, c.claimant, state, verdict, JSON.stringify(c.tags), access.userId, state === "approved" ? access.userId : null, state === "approved" ? at : null, at, at]);
        claimChanges.push({
          ...change,
          kind: "claim.created",
          claimId,
          articleId: p.target!.id,
          subjectId: id,
          data: { annotationId: id, articleId: p.target!.id!, statement: c.statement, version: 1, importedFrom, importedId: c.key },
        });
      }
    }
    // A plain highlight is in the feed as itself (a claim's is in it as the claim's mention), so open
    // readers and webhooks hear of imported highlights like any other.
    if (!claimId) claimChanges.push({ ...change, kind: "annotation.created", articleId: p.target!.id, subjectId: id, data: { annotationId: id, exact: w.exact, claimId: null } });
    annotationRows.push([id, access.workspace.id, p.target!.id, p.span.note, w.exact, w.prefix, w.suffix, w.start, w.end, w.status, p.target!.revision, access.userId, p.span.creator, importedFrom, JSON.stringify(p.span.tags), claimId, p.span.created?.toISOString() ?? at, at]);
    annotationEvents.push([nextId(), id, access.userId, "created", JSON.stringify({ start: w.start, end: w.end, importedFrom, originalCreator: p.span.creator }), at]);
  }
  const CHUNK = 2000;
  for (let i = 0; i < claimRows.length; i += CHUNK) {
    await insertRows(
      tx,
      "Claim",
      [["id", "text"], ["workspaceId", "text"], ["statement", "text"], ["claimant", "text"], ["reviewState", "text"], ["verdict", "text"], ["tags", "tags"], ["createdById", "text"], ["approvedById", "text"], ["approvedAt", "time"], ["createdAt", "time"], ["updatedAt", "time"]],
      claimRows.slice(i, i + CHUNK),
    );
  }
  for (let i = 0; i < annotationRows.length; i += CHUNK) {
    await insertRows(
      tx,
      "Annotation",
      [["id", "text"], ["workspaceId", "text"], ["articleId", "text"], ["note", "text"], ["exact", "text"], ["prefix", "text"], ["suffix", "text"], ["start", "int"], ["end", "int"], ["status", "status"], ["anchoredRevision", "int"], ["createdById", "text"], ["originalCreator", "text"], ["importedFrom", "text"], ["tags", "tags"], ["claimId", "text"], ["createdAt", "time"], ["updatedAt", "time"]],
      annotationRows.slice(i, i + CHUNK),
    );
    await insertRows(tx, "AnnotationEvent", [["id", "text"], ["annotationId", "text"], ["actorId", "text"], ["kind", "annotationEventKind"], ["data", "json"], ["createdAt", "time"]], annotationEvents.slice(i, i + CHUNK));
  }
  for (let i = 0; i < claimChanges.length; i += CHUNK) await recordChanges(tx, claimChanges.slice(i, i + CHUNK));
}
