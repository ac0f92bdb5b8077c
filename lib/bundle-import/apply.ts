import { CHANGE_DATA } from "@/lib/changes";
import { FEED_KIND_OF, subjectsOf, type ClaimChangeKind } from "@/lib/claims/claim-changes";
import { detectLanguage } from "@/lib/articles/import/language";
import { importedMetadataLine as line } from "@/lib/articles/metadata";
import { db } from "@/lib/db/client";
import { transactionConnection } from "@/lib/db/transaction-connection";
import { Prisma } from "@/lib/db/generated/client";
import type { BundleSummary } from "./checker";
import { checkWhole } from "./checker";
import { rewriteEventData } from "./event-refs";
import { recordChange } from "@/lib/changes";
import { relationWritten } from "./already-here";
import { idFactory } from "./ids";
import { planImport, type ImportPlan } from "./plan";
import type { Bundle, BundleAnnotation, BundleArticle, BundlePerson, SectionName } from "./schema";

export interface ImportResult {
  plan: ImportPlan;
  /** Bundle article/claim id → new id (reused articles and claims already here: the existing id). */
  articles: Record<string, string>;
  claims: Record<string, string>;
}

/** A bundle's entities read again, for the sections asked, in the document's order: one batch per chunk read. */
export type BundleReader = (sections: readonly SectionName[]) => AsyncIterable<{ section: SectionName; value: unknown }[]>;

/** The sections with rows, in the order they are written (each refers only to those before it, annotations' claims aside). */
const WRITE_ORDER = ["articles", "annotations", "claims", "sources", "relations", "events", "comments"] as const satisfies readonly SectionName[];

/** What an import is doing: writing a section's rows, linking highlights to their claims, or making the derived data. */
export type ImportStep = (typeof WRITE_ORDER)[number] | "links" | "derived";

/**
 * Rows per statement. Through Prisma, a statement's parameters are copied
 * several times on the way to the driver (serialised, then read back), and
 * those copies were most of what an import held: at 1,000 rows (and 1 M
 * characters of articles) a 100k-claim bundle peaked near 1.8 GB; smaller
 * statements kept that small for about the same time (bench/export.bench.ts).
 * The rows now skip Prisma (insertRows); node-postgres still makes one copy
 * of a statement's values, which this keeps small too.
 */
const CHUNK = 250;
/** Article rows carry whole documents: a chunk of them stops at about this many characters of text. */
const ARTICLE_CHUNK_CHARS = 256 * 1024;
/** Annotation → claim links set per statement once the claims are in; also claims per derived-data refresh. */
const LINK_CHUNK = 5000;
/**
 * How long the import's one transaction may stay open: 30 minutes, plus 10 ms per entity of the bundle.
 *
 * An import is all or nothing, so a limit that cuts off a valid import loses all of its work; the limit
 * is only there so that a run that hangs (a stuck request, a lost client) doesn't hold a connection and
 * its locks for ever. It scales with the bundle: a 100k-claim bundle (836,000 entities) wrote for
 * ~17 minutes on 2 cores at load 4–16 (bench/results/import-2026-12-02.md), after which the fixed
 * 30 minutes (the limit before, counted from the start of the writing) expired; it now gets
 * 30 + 139 ≈ 170 minutes, about ten times that. A small bundle
 * keeps the 30 minutes it always had.
 */
export function importTimeoutMs(counts: Record<SectionName, number>): number {
  const entities = Object.values(counts).reduce((n, c) => n + c, 0);
  return IMPORT_TIMEOUT_BASE_MS + entities * IMPORT_TIMEOUT_PER_ENTITY_MS;
}
export const IMPORT_TIMEOUT_BASE_MS = 30 * 60_000;
const IMPORT_TIMEOUT_PER_ENTITY_MS = 10;
/** How a value is written: every column goes as text and is cast in SQL. */
type Kind = "text" | "int" | "ints" | "time" | "json" | "tags" | "status" | "annotationEventKind";
const CAST: Record<Kind, (col: string) => string> = {
  text: (c) => c,
  int: (c) => `${c}::int`,
  time: (c) => `${c}::timestamp(3)`,
  json: (c) => `${c}::jsonb`,
  tags: (c) => `ARRAY(SELECT jsonb_array_elements_text(${c}::jsonb))`,
  ints: (c) => `ARRAY(SELECT e::int FROM jsonb_array_elements_text(${c}::jsonb) WITH ORDINALITY AS t(e, i) ORDER BY i)`,
  status: (c) => `${c}::"AnchorStatus"`,
  annotationEventKind: (c) => `${c}::"AnnotationEventKind"`,
};
type Cell = string | number | null;

/**
 * Rows into a table as one statement with one parameter per column (arrays,
 * unnest): Prisma's createMany built a statement with a parameter per value,
 * which cost it about 0.5 s and hundreds of MB per thousand rows. Dates stay
 * the bundle's ISO strings (UTC, as the columns store them). Sent on the
 * transaction's own connection where it can be had, without Prisma's copies
 * of the parameters (lib/db/transaction-connection.ts).
 */
export async function insertRows(tx: Prisma.TransactionClient, table: string, columns: [string, Kind][], rows: Cell[][]): Promise<void> {
  if (!rows.length) return;
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map(([, kind], i) => CAST[kind](`u.${aliases[i]}`)).join(", ");
  const params = columns.map((_, i) => rows.map((r) => (r[i] === null ? null : String(r[i]))));
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(", ")}) AS u(${aliases.join(", ")})`;
  const conn = await transactionConnection(tx);
  if (conn) await conn.query(sql, params);
  else await tx.$executeRawUnsafe(sql, ...params);
}
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * What the triggers skipped while claimtrail.bulk was on, made once over the import's rows by the same
 * functions they call (migration bulk_import_derived): every claim written (documents with their highlights'
 * quotes, link counts; their search terms are posted by the claims' update trigger) and every article with a
 * linked highlight (claim progress). The setting goes off first, so what follows is maintained as usual.
 */
async function bulkDerived(tx: Prisma.TransactionClient, claims: string[], articles: string[]): Promise<void> {
  await tx.$executeRaw`SELECT set_config('claimtrail.bulk', 'off', true)`;
  for (let i = 0; i < claims.length; i += LINK_CHUNK) await tx.$executeRaw`SELECT "bulk_derived_refresh"(${claims.slice(i, i + LINK_CHUNK)}::text[], '{}'::text[])`;
  await tx.$executeRaw`SELECT "bulk_derived_refresh"('{}'::text[], ${articles}::text[])`;
}

/** Reads a bundle held in memory (tests, small bundles). */
export function wholeBundleReader(bundle: Bundle): BundleReader {
  return async function* (sections) {
    for (const section of sections) {
      const rows = bundle[section] as unknown[];
      for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK).map((value) => ({ section, value }));
    }
  };
}

/**
 * Writes a bundle held in memory into the workspace (see applyChecked). The
 * bundle must have passed validateBundle.
 */
export async function applyImport(workspaceId: string, bundle: Bundle, opts: Parameters<typeof applyChecked>[3] = {}): Promise<ImportResult> {
  const checked = checkWhole(bundle);
  if (!checked.ok) throw new Error(`applyImport: the bundle is not valid (${checked.issues[0]?.path}: ${checked.issues[0]?.message})`);
  return applyChecked(workspaceId, checked.summary, wholeBundleReader(bundle), opts);
}

/**
 * Writes a checked bundle into the workspace in one transaction, reading its
 * entities again through `read` (a streamed bundle is never held whole): the
 * plan is made again inside the transaction (so it matches what is written),
 * every row gets the new id allocated when it was checked (in the bundle's
 * order), references are rewritten, and timestamps, versions, review states,
 * verdicts and revisions are kept as they are in the bundle. Rows go in
 * chunks; highlights are written before their claims exist (the bundle puts
 * annotations before claims), so their claims are linked once the claims are
 * in. Any failure rolls everything back: nothing is half-written.
 *
 * When the document holds the sections in the usual order they are read in
 * one pass; otherwise once per section, in the order they are written.
 */
export async function applyChecked(
  workspaceId: string,
  summary: BundleSummary,
  read: BundleReader,
  opts: {
    timeoutMs?: number;
    actorId?: string | null;
    /** Tests only: derived data kept by the triggers statement by statement, to compare with the import's one refresh. */
    perStatementDerived?: boolean;
    /** Told as each step starts (the CLI says it: a 100k import writes for minutes). */
    onStep?: (step: ImportStep) => void;
  } = {},
): Promise<ImportResult> {
  const result = await db.$transaction(
    async (tx) => {
      // Claims' search documents and link counts, and articles' claim progress, are made once at the end
      // (bulkDerived below), not by the triggers on every statement: at 100k claims those made each document
      // twice (claim insert, then highlight link) and recounted articles per link statement, ~1 h of the import.
      const deferred = !opts.perStatementDerived;
      if (deferred) await tx.$executeRaw`SELECT set_config('claimtrail.bulk', 'on', true)`;
      /** Articles whose highlights are linked to a claim: their claim progress is counted at the end. */
      const linkedArticles = new Set<string>();
      const { plan, users, reused, skipped, labels, alreadyHere } = await planImport(tx, workspaceId, summary, read, { lock: true });
      const ids = summary.ids;
      /** A claim already here (already-here.ts): the claim here, else undefined. */
      const claimHere = (old: string) => alreadyHere.claims.get(ids.number(old));
      const claimNew = (row: { claimId: string }) => claimHere(row.claimId) === undefined;
      const people = new Map<string, BundlePerson>(summary.people.map((p) => [p.id, p]));
      const user = (old: string | null) => (old === null ? null : (users.get(old) ?? null));
      const articleId = (old: string) => reused.get(old)?.id ?? ids.get(old);
      /** Any bundle id as it is here: a reused article's, a claim already here's, else its new id. */
      const entityId = (old: string) => reused.get(old)?.id ?? claimHere(old) ?? ids.get(old);
      const claimsOut: Record<string, string> = {};
      const relationsMade = new Set<string>();
      // Held until the claims are in: as id numbers (ids.ts), 200,000 links at 100k claims being ~25 MB as strings.
      const links: { annotation: number[]; claim: number[] } = { annotation: [], claim: [] };
      const revisionId = idFactory();

      /** Raw entities of one section, written CHUNK at a time (articles also by size). */
      class Writer<T> {
        private rows: T[] = [];
        private chars = 0;
        constructor(
          private readonly write: (rows: T[]) => Promise<unknown>,
          private readonly keep: (row: T) => boolean = () => true,
          private readonly size: (row: T) => number = () => 0,
        ) {}
        async add(row: T) {
          if (!this.keep(row)) return;
          this.rows.push(row);
          this.chars += this.size(row);
          if (this.rows.length >= CHUNK || this.chars >= ARTICLE_CHUNK_CHARS) await this.flush();
        }
        async flush() {
          if (!this.rows.length) return;
          const rows = this.rows;
          this.rows = [];
          this.chars = 0;
          await this.write(rows);
        }
      }

      const writers: Record<(typeof WRITE_ORDER)[number], Writer<never>> = {
        articles: new Writer<BundleArticle>(
          async (chunk) => {
            // A bundle from elsewhere may not say an article's language: it is detected, as on any import.
            const languages = await Promise.all(chunk.map((a) => a.language ?? detectLanguage(a.text)));
            await insertRows(
              tx,
              "Article",
              [["id", "text"], ["workspaceId", "text"], ["title", "text"], ["publisher", "text"], ["author", "text"], ["url", "text"], ["publishedAt", "time"], ["language", "text"], ["tags", "tags"], ["pageStarts", "ints"], ["doc", "json"], ["text", "text"], ["contentHash", "text"], ["revision", "int"], ["createdById", "text"], ["createdAt", "time"], ["updatedAt", "time"]],
              chunk.map((a, i) => [ids.get(a.id), workspaceId, line(a.title), line(a.publisher), line(a.author), a.url, a.publishedAt, languages[i], json(a.tags.map(line)), json(a.pageStarts ?? []), json(a.doc), a.text, a.contentHash, a.revision, user(a.createdById), a.createdAt, a.updatedAt]),
            );
            // Without revisions in the bundle, the current text is the one revision kept.
            const revisions = chunk.flatMap((a) =>
              (a.revisions ?? [{ number: a.revision, title: a.title, contentHash: a.contentHash, createdById: a.createdById, createdAt: a.updatedAt, doc: a.doc, text: a.text }]).map((v) => ({ articleId: ids.get(a.id), v })),
            );
            for (let i = 0; i < revisions.length; i += CHUNK) {
              await insertRows(
                tx,
                "ArticleRevision",
                [["id", "text"], ["articleId", "text"], ["number", "int"], ["title", "text"], ["doc", "json"], ["text", "text"], ["contentHash", "text"], ["createdById", "text"], ["createdAt", "time"]],
                revisions.slice(i, i + CHUNK).map(({ articleId, v }) => [revisionId(), articleId, v.number, line(v.title), json(v.doc), v.text, v.contentHash, user(v.createdById), v.createdAt]),
              );
            }
          },
          (a) => !skipped.has(a.id) && !reused.has(a.id),
          (a) => a.text.length * 2 + (a.revisions ?? []).reduce((n, v) => n + v.text.length * 2, 0),
        ),
        annotations: new Writer<BundleAnnotation>(
          (chunk) =>
            insertRows(
              tx,
              "Annotation",
              // claimId: linked once the claims are in (below).
              [["id", "text"], ["workspaceId", "text"], ["articleId", "text"], ["note", "text"], ["exact", "text"], ["prefix", "text"], ["suffix", "text"], ["start", "int"], ["end", "int"], ["status", "status"], ["anchoredRevision", "int"], ["createdById", "text"], ["createdAt", "time"], ["updatedAt", "time"]],
              chunk.map((a) => {
                const quote = a.selectors.find((s) => s.type === "TextQuoteSelector")!;
                const position = a.selectors.find((s) => s.type === "TextPositionSelector");
                const onto = reused.get(a.articleId);
                const n = ids.number(a.id);
                const id = ids.idOf(n);
                if (a.claimId !== null) {
                  links.annotation.push(n);
                  links.claim.push(ids.number(a.claimId));
                  linkedArticles.add(articleId(a.articleId)!);
                }
                // On a reused article (identical text) the offsets hold for its current revision.
                const anchored = onto ? onto.revision : a.anchoredRevision;
                return [id, workspaceId, articleId(a.articleId), a.note, quote.exact, quote.prefix, quote.suffix, position?.start ?? null, position?.end ?? null, a.status, anchored, user(a.createdById), a.createdAt, a.updatedAt];
              }),
            ),
          (a) => !skipped.has(a.articleId) && !alreadyHere.annotations.has(ids.number(a.id)),
        ),
        claims: new Writer<Bundle["claims"][number]>(
          (chunk) =>
            insertRows(
              tx,
              "Claim",
              [["id", "text"], ["workspaceId", "text"], ["statement", "text"], ["claimant", "text"], ["claimDate", "time"], ["reviewState", "text"], ["verdict", "text"], ["explanation", "json"], ["explanationText", "text"], ["tags", "tags"], ["assigneeId", "text"], ["createdById", "text"], ["approvedById", "text"], ["approvedAt", "time"], ["version", "int"], ["createdAt", "time"], ["updatedAt", "time"]],
              chunk.map((c) => {
                const id = ids.get(c.id);
                claimsOut[c.id] = id;
                return [id, workspaceId, c.statement, c.claimant, c.claimDate, c.reviewState, c.verdict, json(c.explanation), c.explanationText, json(c.tags), user(c.assigneeId), user(c.createdById), user(c.approvedById), c.approvedAt, c.version, c.createdAt, c.updatedAt];
              }),
            ),
          // A claim already here is the claim here (claimsOut says which); the one here is kept as it is.
          (c) => {
            const here = claimHere(c.id);
            if (here !== undefined) claimsOut[c.id] = here;
            return here === undefined;
          },
        ),
        sources: new Writer<Bundle["sources"][number]>((chunk) =>
          insertRows(
            tx,
            "Source",
            [["id", "text"], ["claimId", "text"], ["url", "text"], ["title", "text"], ["publisher", "text"], ["publishedAt", "time"], ["accessedAt", "time"], ["kind", "text"], ["stance", "text"], ["note", "text"], ["createdById", "text"], ["createdAt", "time"]],
            chunk.map((s) => [ids.get(s.id), ids.get(s.claimId), s.url, s.title, s.publisher, s.publishedAt, s.accessedAt, s.kind, s.stance, s.note, user(s.createdById), s.createdAt]),
          ),
          claimNew,
        ),
        relations: new Writer<Bundle["relations"][number]>(
          (chunk) =>
            insertRows(
              tx,
              "ClaimRelation",
              [["id", "text"], ["workspaceId", "text"], ["fromId", "text"], ["toId", "text"], ["type", "text"], ["note", "text"], ["createdById", "text"], ["createdAt", "time"]],
              chunk.map((r) => [ids.get(r.id), workspaceId, entityId(r.fromId), entityId(r.toId), r.type, r.note, user(r.createdById), r.createdAt]),
            ),
          (r) => relationWritten(r, ids, alreadyHere.claims, relationsMade),
        ),
        // A claim's history is its part of the change feed: each event becomes the matching typed change
        // (validated when the bundle was checked), keeping its time; seq is given at this transaction's commit.
        events: new Writer<Bundle["events"][number]>((chunk) =>
          insertRows(
            tx,
            "Change",
            [["workspaceId", "text"], ["kind", "text"], ["claimId", "text"], ["articleId", "text"], ["subjectId", "text"], ["data", "json"], ["actorId", "text"], ["createdAt", "time"]],
            chunk.map((e) => {
              const data = rewriteEventData(e.kind, e.data as Record<string, unknown>, rewrite);
              const actor = e.actorId === null ? null : user(e.actorId);
              // An actor not matched here is kept by name in the event itself.
              if (e.actorId !== null && actor === null) {
                const p = people.get(e.actorId)!;
                data.originalActor = { name: p.name, email: p.email.trim().toLowerCase() };
              }
              const kind = FEED_KIND_OF[e.kind];
              const typed = CHANGE_DATA[kind].parse(e.kind === "commented" ? { ...data, mentioned: [] } : data) as Record<string, unknown>;
              const { articleId, subjectId } = subjectsOf(kind as ClaimChangeKind, typed);
              return [workspaceId, kind, ids.get(e.claimId), articleId, subjectId, json(typed), actor, e.createdAt];
            }),
          ),
          claimNew,
        ),
        comments: new Writer<Bundle["comments"][number]>((chunk) =>
          insertRows(
            tx,
            "ClaimComment",
            [["id", "text"], ["claimId", "text"], ["authorId", "text"], ["body", "json"], ["bodyText", "text"], ["createdAt", "time"], ["updatedAt", "time"]],
            chunk.map((c) => [ids.get(c.id), ids.get(c.claimId), user(c.authorId), json(c.body), c.bodyText, c.createdAt, c.updatedAt]),
          ),
          claimNew,
        ),
      } as unknown as Record<(typeof WRITE_ORDER)[number], Writer<never>>;
      const rewrite = { entity: entityId, user: (old: string) => user(old) };

      const present = summary.order.filter((s): s is (typeof WRITE_ORDER)[number] => (WRITE_ORDER as readonly string[]).includes(s));
      const usual = present.every((s, i) => i === 0 || WRITE_ORDER.indexOf(s) > WRITE_ORDER.indexOf(present[i - 1]));
      const passes: (typeof WRITE_ORDER)[number][][] = usual ? [[...WRITE_ORDER]] : WRITE_ORDER.map((s) => [s]);
      for (const sections of passes) {
        let current: (typeof WRITE_ORDER)[number] | null = null;
        for await (const batch of read(sections)) {
          for (const { section, value } of batch) {
            const s = section as (typeof WRITE_ORDER)[number];
            if (!writers[s]) continue;
            // A section is written whole before the next one starts, so what a row refers to is already in.
            if (current !== s && current !== null) await writers[current].flush();
            if (current !== s) opts.onStep?.(s);
            current = s;
            await writers[s].add(value as never);
          }
        }
        for (const s of sections) await writers[s].flush();
      }

      const idsOf = (numbers: number[]) => numbers.map((n) => ids.idOf(n));
      // A claim already here gets the highlights its bundle claim has on other words.
      const claimIdsOf = (numbers: number[]) => numbers.map((n) => alreadyHere.claims.get(n) ?? ids.idOf(n));
      if (links.annotation.length) opts.onStep?.("links");
      for (let i = 0; i < links.annotation.length; i += LINK_CHUNK) {
        await tx.$executeRaw`
          UPDATE "Annotation" a SET "claimId" = l."claimId"
          FROM unnest(${idsOf(links.annotation.slice(i, i + LINK_CHUNK))}::text[], ${claimIdsOf(links.claim.slice(i, i + LINK_CHUNK))}::text[]) AS l("id", "claimId")
          WHERE a."id" = l."id"`;
      }
      if (deferred) {
        opts.onStep?.("derived");
        await bulkDerived(tx, Object.values(claimsOut), [...linkedArticles]);
      }
      if (labels) await tx.workspace.update({ where: { id: workspaceId }, data: { verdictLabels: labels as Record<string, Record<string, string>> } });
      // One event for the whole bundle: its rows are its own history (a change each would flood the feed with thousands).
      await recordChange(tx, {
        kind: "import.completed",
        workspaceId,
        actorId: opts.actorId ?? null,
        data: { kind: "bundle", articles: plan.create.articles, claims: plan.create.claims, annotations: plan.create.annotations },
      });

      return {
        plan,
        articles: Object.fromEntries(summary.articles.filter((a) => !skipped.has(a.id)).map((a) => [a.id, articleId(a.id)])),
        claims: claimsOut,
      };
    },
    { timeout: opts.timeoutMs ?? importTimeoutMs(summary.counts), maxWait: 10_000 },
  );
  await analyseAfterImport(result.plan);
  return result;
}

/** Rows an import writes past which the planner's statistics are refreshed at once (analyseAfterImport). */
export const ANALYSE_AFTER_ROWS = 1_000;
/** The tables an import fills: those it writes, and the search terms its claims' documents post. */
export const IMPORTED_TABLES = ["Article", "ArticleRevision", "Annotation", "Claim", "Source", "ClaimRelation", "ClaimComment", "Change", "ClaimSearchTerm", "SearchLexeme"] as const;

/**
 * After a large import, fresh planner statistics for the tables it filled (ANALYZE samples each
 * table, a few seconds at 100k claims). Without them the planner costs the new workspace's rows
 * from statistics that don't know them until autovacuum gets round to it (never, where it is off):
 * a black-box tester's bundle export of a freshly imported 18k-claim workspace ran for 9 minutes
 * on one query, and 9.7 s after ANALYZE; its pages were about twice as slow. The import has
 * committed by then: a failure here is logged, not reported as the import's.
 */
export async function analyseAfterImport(plan: Pick<ImportPlan, "create">): Promise<void> {
  const rows = plan.create.articles + plan.create.revisions + plan.create.annotations + plan.create.claims + plan.create.sources + plan.create.relations + plan.create.comments;
  if (rows < ANALYSE_AFTER_ROWS) return;
  try {
    await db.$executeRawUnsafe(`ANALYZE ${IMPORTED_TABLES.map((t) => `"${t}"`).join(", ")}`);
  } catch (err) {
    console.error("Statistics after the import could not be refreshed (autovacuum will)", err);
  }
}
