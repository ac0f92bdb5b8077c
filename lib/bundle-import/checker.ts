import { CHANGE_DATA } from "@/lib/changes";
import { FEED_KIND_OF } from "@/lib/claims/claim-changes";
import { canonicalText, contentHash, type DocNode } from "@/lib/articles/document";
import { pageStartsProblem } from "@/lib/articles/page-starts";
import { invalid } from "@/lib/errors";
import type { FieldCode } from "@/lib/http/error-codes";
import { findUnstorableText } from "@/lib/validation/text";
import { apiRules, noNul } from "./api-rules";
import { IdMap } from "./ids";
import { releaseTexts } from "./memory";
import { coded, issueOf, shapeIssue, type AddIssue, type BundleIssue } from "./issue";
import { bundleSchema, ENTITY_SCHEMAS, SECTIONS, type Bundle, type BundleAnnotation, type BundleArticle, type BundlePerson, type SectionName } from "./schema";

export type { AddIssue, BundleIssue } from "./issue";

/** Texts kept past which the check gives their memory back once done with them (memory.ts, releaseTexts). */
const RELEASE_TEXTS_BYTES = 16 * 1024 * 1024;

/** Each section's bit in the checker's `sectionsOf` (eight sections, one byte). */
const SECTION_BIT = Object.fromEntries(SECTIONS.map((s, i) => [s, 1 << i])) as Record<SectionName, number>;
if (SECTIONS.length > 8) throw new Error("SECTION_BIT: more sections than bits in a byte");

/** Reporting stops here: a broken file would otherwise produce one line per row. */
export const MAX_ISSUES = 200;

/** What planning and applying need from a checked bundle, without its rows (plan.ts, apply.ts). */
export interface BundleSummary {
  workspace: { verdictLabels: Record<string, string>; verdictLabelsByLocale?: Record<string, Record<string, string>> };
  people: BundlePerson[];
  /**
   * No texts: each one is checked to hash to its `contentHash`, which planning compares instead. Kept whole,
   * the texts of a 100k-claim bundle held ~80 MB from the check to the end of the import (issue #11).
   */
  articles: { id: string; title: string; contentHash: string; revisions: number | null }[];
  /** Bundle article id → how many annotations the bundle puts on it. */
  annotationsPerArticle: Map<string, number>;
  counts: Record<SectionName, number>;
  /** The sections in the order the document holds them. */
  order: SectionName[];
  /** Bundle id → new id, allocated in the document's order (ids.ts). */
  ids: IdMap;
}

export type CheckResult = { ok: true; summary: BundleSummary; bundle: Bundle | null } | { ok: false; issues: BundleIssue[] };

type ArticleInfo = Pick<BundleArticle, "revision" | "text"> & { revisions?: { number: number; text: string }[] };
/** ArticleInfo with its texts as UTF-8 bytes, outside the JavaScript heap: what is kept until the highlights are checked. */
type StoredArticle = { revision: number; utf8: Buffer; revisions?: { number: number; utf8: Buffer }[] };

/**
 * Checks a bundle one entity at a time, as bundleEvents (stream.ts) reads it,
 * with every rule validateBundle applies to a whole one: the shape (each
 * entity with its section's zod schema, the header with the bundle's), ids
 * unique per section, every reference resolving inside the bundle (checked
 * when the section referred to has been read, so any section order works),
 * each article's text being its document's canonical text with the stated
 * hash, highlight offsets inside their text, and the API's field rules
 * (api-rules.ts). Nothing is read from the database.
 *
 * What it keeps is what the checks and the import need: ids (as the id map),
 * the articles' texts until the highlights are checked (quotes are checked
 * against them), the people, and references not yet resolvable. Entities themselves
 * are dropped once checked, unless `collect` (for whole bundles in memory).
 *
 * `unstorable: "throw"`: text PostgreSQL can't store is a 400 naming its path,
 * as the API's body check answers it (lib/http/pipeline.ts).
 */
export class BundleChecker {
  private readonly shapeIssues: BundleIssue[] = [];
  private readonly issues: BundleIssue[] = [];
  private readonly header = new Map<string, unknown>();
  private readonly complete = new Set<string>();
  /** Per id, by its number in the id map: the sections that hold it, one bit each (SECTION_BIT). */
  private sectionsOf = new Uint8Array(1024);
  private readonly articles = new Map<string, StoredArticle>();
  /** The last article's texts as strings: a bundle's highlights come article by article. */
  private decoded: { id: string; info: ArticleInfo } | null = null;
  /** Set once both articles and annotations are read: texts are no longer kept (`articles` keeps revisions only). */
  private textsDone = false;
  private readonly hashes = new Map<string, number>();
  private readonly emails = new Map<string, number>();
  private readonly people = new Map<string, BundlePerson>();
  /** References to people made before the people section has ended, each place as its path. */
  private readonly personRefs = new PendingRefs<string>((path) => path, personUnknown, (id) => this.people.has(id));
  /**
   * References to claims made before the claims section has ended, each place as one number (claimRefAt),
   * written out as a path only for a claim found missing. A bundle puts its highlights before its claims, so
   * this holds every highlight's claim reference until the claims are read: as path strings, 199,000 of them
   * at 100k claims held ~45 MB of the check's peak (issue #11).
   */
  private readonly claimRefs = new PendingRefs<number>(claimRefPath, claimUnknown, (id) => this.isClaim(id));
  private pendingAnnotations: [number, BundleAnnotation][] = [];
  private readonly collected: Partial<Record<SectionName, unknown[]>> = {};
  private readonly summary: BundleSummary = {
    workspace: { verdictLabels: {} },
    people: [],
    articles: [],
    annotationsPerArticle: new Map(),
    counts: Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<SectionName, number>,
    order: [],
    ids: new IdMap(),
  };

  constructor(private readonly opts: { collect?: boolean; unstorable?: "throw" } = {}) {
    if (opts.collect) for (const s of SECTIONS) this.collected[s] = [];
  }

  private readonly add: AddIssue = (path, message, code) => {
    if (this.issues.length < MAX_ISSUES) this.issues.push(issueOf(path, message, code));
  };

  private unstorable(value: unknown, prefix: string) {
    if (this.opts.unstorable !== "throw") return;
    const bad = findUnstorableText(value);
    if (bad) throw invalid("Some fields are invalid.", { [bad.path === "_" ? prefix : `${prefix}.${bad.path}`]: bad.why });
  }

  /** A reference to a person at `path`: checked now if people were read, else when they are. */
  private person(path: string, id: string | null) {
    if (id === null) return;
    if (this.complete.has("people")) {
      if (!this.people.has(id)) this.add(path, ...personUnknown(id));
    } else this.personRefs.hold(id, path);
  }

  private isClaim(id: string): boolean {
    const n = this.summary.ids.numberIfKnown(id);
    return n >= 0 && (this.sectionsOf[n] & SECTION_BIT.claims) !== 0;
  }

  /** A reference to a claim from entity `i` of `site`'s section: checked now if claims were read, else when they are. */
  private claimRef(site: ClaimRefSite, i: number, id: string) {
    if (this.complete.has("claims")) {
      if (!this.isClaim(id)) this.add(claimRefPath(claimRefAt(site, i)), ...claimUnknown(id));
    } else this.claimRefs.hold(id, claimRefAt(site, i));
  }

  /** A top-level key read to its end (a section's items came before, one by one). */
  key(key: string, value: unknown): void {
    this.unstorable(value, key);
    this.complete.add(key);
    this.header.set(key, value);
    if ((SECTIONS as string[]).includes(key) && Array.isArray(value)) this.summary.order.push(key as SectionName);
    if (key === "articles") {
      const pending = this.pendingAnnotations;
      this.pendingAnnotations = [];
      for (const [i, a] of pending) this.annotationChecks(a, i);
    }
    // Highlights are all checked against their texts: the texts aren't needed any more (the summary keeps them as bytes).
    if ((key === "articles" || key === "annotations") && this.complete.has("articles") && this.complete.has("annotations")) {
      this.textsDone = true;
      let textBytes = 0;
      for (const a of this.articles.values()) textBytes += a.utf8.length + (a.revisions ?? []).reduce((n, v) => n + v.utf8.length, 0);
      this.articles.clear();
      this.decoded = null;
      // Worth a full collection only when there is much to give back.
      if (textBytes >= RELEASE_TEXTS_BYTES) releaseTexts();
    }
    if (key === "people") this.personRefs.resolve(this.add);
    if (key === "claims") this.claimRefs.resolve(this.add);
  }

  /** One entity of a section, in order. */
  item(section: SectionName, value: unknown): void {
    const i = this.summary.counts[section]++;
    const path = `${section}.${i}`;
    this.unstorable(value, path);
    const parsed = ENTITY_SCHEMAS[section].safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (this.shapeIssues.length < MAX_ISSUES) this.shapeIssues.push(shapeIssue([path], issue));
      }
      return;
    }
    const row = parsed.data as { id: string };
    this.collected[section]?.push(row);
    // After a shape issue only shape issues are reported (as for a whole bundle): the rest isn't checked.
    if (this.shapeIssues.length) return;
    // Every id goes into the id map, which numbers it; events and people don't use theirs (the feed numbers its
    // changes; people are matched by email), but one table of ids costs less than a second one to find duplicates.
    const n = this.summary.ids.number(row.id);
    if (n >= this.sectionsOf.length) {
      const grown = new Uint8Array(Math.max(n + 1, this.sectionsOf.length * 2));
      grown.set(this.sectionsOf);
      this.sectionsOf = grown;
    }
    if (this.sectionsOf[n] & SECTION_BIT[section]) this.add(`${path}.id`, `Duplicate id "${row.id}" in ${section}.`, coded("bundle_duplicate_id", { id: row.id, section }));
    else this.sectionsOf[n] |= SECTION_BIT[section];
    noNul(this.add, row, path);
    this.check(section, row, i, path);
  }

  private check(section: SectionName, row: unknown, i: number, p: string) {
    switch (section) {
      case "people": {
        const person = row as BundlePerson;
        const email = person.email.trim().toLowerCase();
        if (this.emails.has(email)) this.add(`${p}.email`, `Duplicate email "${person.email}" (also people.${this.emails.get(email)}).`, coded("bundle_duplicate_email", { email: person.email, other: `people.${this.emails.get(email)}` }));
        else this.emails.set(email, i);
        if (!this.people.has(person.id)) this.people.set(person.id, person);
        this.summary.people.push(person);
        apiRules.people(person, i, this.add);
        return;
      }
      case "articles": {
        const a = row as BundleArticle;
        if (canonicalText(a.doc as unknown as DocNode) !== a.text) this.add(`${p}.text`, "The text is not the document's canonical text.", coded("bundle_text_not_canonical"));
        if (contentHash(a.text) !== a.contentHash) this.add(`${p}.contentHash`, "The content hash is not the SHA-256 of the text.", coded("bundle_hash_mismatch"));
        const pageProblem = a.pageStarts ? pageStartsProblem(a.pageStarts, a.text.length) : null;
        if (pageProblem) this.add(`${p}.pageStarts`, pageProblem, coded("bundle_page_starts"));
        if (this.hashes.has(a.contentHash)) this.add(`${p}.contentHash`, `Same text as articles.${this.hashes.get(a.contentHash)}.`, coded("bundle_same_text", { other: `articles.${this.hashes.get(a.contentHash)}` }));
        else this.hashes.set(a.contentHash, i);
        this.person(`${p}.createdById`, a.createdById);
        if (a.revisions) {
          const numbers = new Set<number>();
          a.revisions.forEach((v, j) => {
            const q = `${p}.revisions.${j}`;
            if (numbers.has(v.number)) this.add(`${q}.number`, `Duplicate revision number ${v.number}.`, coded("bundle_duplicate_revision", { number: v.number }));
            numbers.add(v.number);
            if (v.number > a.revision) this.add(`${q}.number`, `Revision ${v.number} is after the article's revision ${a.revision}.`, coded("bundle_revision_after", { number: v.number, revision: a.revision }));
            if (canonicalText(v.doc as unknown as DocNode) !== v.text) this.add(`${q}.text`, "The text is not the document's canonical text.", coded("bundle_text_not_canonical"));
            if (contentHash(v.text) !== v.contentHash) this.add(`${q}.contentHash`, "The content hash is not the SHA-256 of the text.", coded("bundle_hash_mismatch"));
            this.person(`${q}.createdById`, v.createdById);
          });
          if (!numbers.has(a.revision)) this.add(`${p}.revisions`, `The article's current revision ${a.revision} is missing.`, coded("bundle_revision_missing", { revision: a.revision }));
        }
        apiRules.articles(a, i, this.add);
        if (!this.articles.has(a.id)) {
          // Only what highlights are checked against: the texts, not the documents.
          const stored: StoredArticle = { revision: a.revision, utf8: Buffer.from(a.text, "utf8"), revisions: a.revisions?.filter((v) => v.number !== a.revision).map((v) => ({ number: v.number, utf8: Buffer.from(v.text, "utf8") })) };
          this.articles.set(a.id, stored);
        }
        this.summary.articles.push({ id: a.id, title: a.title, contentHash: a.contentHash, revisions: a.revisions?.length ?? null });
        return;
      }
      case "annotations": {
        const a = row as BundleAnnotation;
        // Only a document naming the section twice gets here: its texts are gone, and such a bundle isn't one.
        if (this.textsDone) return this.add(p, "The annotations section appears more than once.", coded("bundle_annotations_twice"));
        this.summary.annotationsPerArticle.set(a.articleId, (this.summary.annotationsPerArticle.get(a.articleId) ?? 0) + 1);
        if (a.claimId !== null) this.claimRef(0, i, a.claimId);
        this.person(`${p}.createdById`, a.createdById);
        if (this.articles.has(a.articleId) || this.complete.has("articles")) this.annotationChecks(a, i);
        else this.pendingAnnotations.push([i, a]);
        return;
      }
      case "claims": {
        const c = row as Bundle["claims"][number];
        for (const key of ["assigneeId", "createdById", "approvedById"] as const) this.person(`${p}.${key}`, c[key]);
        apiRules.claims(c, i, this.add);
        return;
      }
      case "sources": {
        const s = row as Bundle["sources"][number];
        this.claimRef(1, i, s.claimId);
        this.person(`${p}.createdById`, s.createdById);
        apiRules.sources(s, i, this.add);
        return;
      }
      case "relations": {
        const r = row as Bundle["relations"][number];
        this.claimRef(2, i, r.fromId);
        this.claimRef(3, i, r.toId);
        if (r.fromId === r.toId) this.add(`${p}.toId`, "A claim can't be related to itself.", coded("bundle_relation_self"));
        this.person(`${p}.createdById`, r.createdById);
        apiRules.relations(r, i, this.add);
        return;
      }
      case "events": {
        const e = row as Bundle["events"][number];
        this.claimRef(4, i, e.claimId);
        this.person(`${p}.actorId`, e.actorId);
        // The event becomes a typed change of the feed: its data must fit that kind.
        const fits = CHANGE_DATA[FEED_KIND_OF[e.kind]].safeParse(e.kind === "commented" ? { ...e.data, mentioned: [] } : e.data);
        if (!fits.success) {
          const issue = fits.error.issues[0];
          this.add([`${p}.data`, ...issue.path.map(String)].join("."), `Not a valid “${e.kind}” event: ${issue.message}`, coded("bundle_event_data", { kind: e.kind }));
        }
        apiRules.events(e, i, this.add);
        return;
      }
      case "comments": {
        const c = row as Bundle["comments"][number];
        this.claimRef(5, i, c.claimId);
        this.person(`${p}.authorId`, c.authorId);
        apiRules.comments(c, i, this.add);
        return;
      }
    }
  }

  private article(id: string): ArticleInfo | undefined {
    if (this.decoded?.id === id) return this.decoded.info;
    const stored = this.articles.get(id);
    if (!stored) return undefined;
    const info = { revision: stored.revision, text: stored.utf8.toString("utf8"), revisions: stored.revisions?.map((v) => ({ number: v.number, text: v.utf8.toString("utf8") })) };
    this.decoded = { id, info };
    return info;
  }

  /** What needs the annotation's article (read before it, or at the end). */
  private annotationChecks(a: BundleAnnotation, i: number) {
    const p = `annotations.${i}`;
    // Its texts: the current one, and the earlier revisions' (a position may count in the revision it was anchored to).
    const article = this.article(a.articleId);
    if (!article) this.add(`${p}.articleId`, `Article "${a.articleId}" is not in articles.`, coded("bundle_article_unknown", { id: a.articleId }));
    if (a.anchoredRevision > (article?.revision ?? Infinity)) this.add(`${p}.anchoredRevision`, "Anchored to a revision after the article's current one.", coded("bundle_anchor_after"));
    const position = a.selectors.find((s) => s.type === "TextPositionSelector");
    if (position) {
      if (a.status === "orphaned") this.add(`${p}.selectors`, "An orphaned highlight has no position.", coded("bundle_orphan_position"));
      if (position.end <= position.start) this.add(`${p}.selectors`, "The position's end must be after its start.", coded("bundle_position_order"));
      else if (article && a.anchoredRevision === article.revision && position.end > article.text.length) this.add(`${p}.selectors`, "The position is past the end of the article's text.", coded("bundle_position_past_end"));
    } else if (a.status !== "orphaned") this.add(`${p}.selectors`, "Only an orphaned highlight may lack a TextPositionSelector.", coded("bundle_position_missing"));
    apiRules.annotations(a, i, article, this.add);
  }

  /** After the whole document: the header's shape and rules, and the references still open. */
  finish(): CheckResult {
    const shell: Record<string, unknown> = Object.fromEntries(this.header);
    const parsed = bundleSchema.safeParse(shell);
    const shape = [
      ...(parsed.success ? [] : parsed.error.issues.map((i) => shapeIssue([], i))),
      ...this.shapeIssues,
    ];
    if (shape.length || !parsed.success) return { ok: false, issues: shape.slice(0, MAX_ISSUES) };
    const head = parsed.data;
    const issues: BundleIssue[] = [];
    const add: AddIssue = (path, message, code) => {
      if (issues.length < MAX_ISSUES) issues.push(issueOf(path, message, code));
    };
    for (const key of ["format", "version", "exportedAt", "workspace", "filters", "tags"]) noNul(add, shell[key], key);
    apiRules.header(head, add);
    for (const [i, a] of this.pendingAnnotations) this.annotationChecks(a, i);
    this.pendingAnnotations = [];
    this.personRefs.resolve(this.add);
    this.claimRefs.resolve(this.add);
    for (const issue of this.issues) if (issues.length < MAX_ISSUES) issues.push(issue);
    if (issues.length) return { ok: false, issues };
    this.summary.workspace = { verdictLabels: head.workspace.verdictLabels, verdictLabelsByLocale: head.workspace.verdictLabelsByLocale };
    const bundle = this.opts.collect ? ({ ...head, ...this.collected } as Bundle) : null;
    return { ok: true, summary: this.summary, bundle };
  }
}

/**
 * References to ids of a section not read yet, held by id until it ends, then reported where they name
 * nothing. Each place is kept as the caller's smallest form (`P`) and written out as a path only when reported;
 * the places kept per id are bounded however often one id is named.
 */
class PendingRefs<P> {
  private readonly byId = new Map<string, P | P[]>();
  constructor(
    private readonly pathOf: (place: P) => string,
    private readonly message: (id: string) => [string, FieldCode],
    private readonly known: (id: string) => boolean,
  ) {}

  hold(id: string, place: P) {
    const places = this.byId.get(id);
    // One place (the usual case) is kept bare: an array each would cost more than the place itself.
    if (places === undefined) this.byId.set(id, place);
    else if (!Array.isArray(places)) this.byId.set(id, [places, place]);
    else if (places.length < MAX_ISSUES) places.push(place);
  }

  /** Once the section has ended: reports each held place whose id it didn't have, then forgets them all. */
  resolve(add: AddIssue) {
    for (const [id, places] of this.byId) {
      if (this.known(id)) continue;
      for (const place of Array.isArray(places) ? places : [places]) add(this.pathOf(place), ...this.message(id));
    }
    this.byId.clear();
  }
}

/** The fields that name a claim, numbered by ClaimRefSite: a claim reference's path is `section.index.field`. */
const CLAIM_REF_SITES = [
  ["annotations", "claimId"],
  ["sources", "claimId"],
  ["relations", "fromId"],
  ["relations", "toId"],
  ["events", "claimId"],
  ["comments", "claimId"],
] as const;
type ClaimRefSite = 0 | 1 | 2 | 3 | 4 | 5;
/** A claim reference's place as one number: the entity's index in its section and the site (< 8). */
const claimRefAt = (site: ClaimRefSite, i: number) => i * 8 + site;
function claimRefPath(at: number): string {
  const [section, field] = CLAIM_REF_SITES[at % 8];
  return `${section}.${Math.floor(at / 8)}.${field}`;
}

const personUnknown = (id: string): [string, FieldCode] => [`Person "${id}" is not in people.`, coded("bundle_person_unknown", { id })];
const claimUnknown = (id: string): [string, FieldCode] => [`Claim "${id}" is not in claims.`, coded("bundle_claim_unknown", { id })];

/** Feeds a whole parsed bundle through the checker, section by section in its key order. */
export function checkWhole(input: unknown, checker = new BundleChecker({ collect: true })): CheckResult {
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    const parsed = bundleSchema.safeParse(input);
    return { ok: false, issues: parsed.success ? [issueOf("(root)", "Not a bundle.", coded("bundle_not_a_bundle"))] : parsed.error.issues.slice(0, MAX_ISSUES).map((i) => shapeIssue([], i)) };
  }
  for (const [key, value] of Object.entries(input)) {
    if ((SECTIONS as string[]).includes(key) && Array.isArray(value)) {
      for (const item of value) checker.item(key as SectionName, item);
      checker.key(key, []);
    } else checker.key(key, value);
  }
  return checker.finish();
}
