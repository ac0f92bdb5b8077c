import { canonicalText, contentHash, type DocNode } from "@/lib/articles/document";
import { checkApiRules } from "./api-rules";
import { bundleSchema, type Bundle } from "./schema";

/** One thing wrong with a bundle: where (a dotted path, e.g. "annotations.3.claimId") and what. */
export interface BundleIssue {
  path: string;
  message: string;
}

export type Validation = { ok: true; bundle: Bundle } | { ok: false; issues: BundleIssue[] };

/** Reporting stops here: a broken file would otherwise produce one line per row. */
export const MAX_ISSUES = 200;

/**
 * Checks a parsed JSON value is a bundle that can be imported as it is:
 * the shape (zod), then what the shape can't say: ids unique per section,
 * every reference resolving inside the bundle, each article's text being
 * its document's canonical text with the stated hash, highlight offsets
 * inside the text they point into, and every field within the rules the API
 * applies to it (api-rules.ts). Nothing is read from the database.
 */
export function validateBundle(input: unknown): Validation {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message })),
    };
  }
  const b = parsed.data;
  const issues: BundleIssue[] = [];
  const add = (path: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
  };

  const index = <T extends { id: string }>(section: string, rows: T[]) => {
    const map = new Map<string, T>();
    rows.forEach((r, i) => {
      if (map.has(r.id)) add(`${section}.${i}.id`, `Duplicate id "${r.id}" in ${section}.`);
      else map.set(r.id, r);
    });
    return map;
  };
  const articles = index("articles", b.articles);
  index("annotations", b.annotations);
  const claims = index("claims", b.claims);
  index("sources", b.sources);
  index("relations", b.relations);
  index("events", b.events);
  index("comments", b.comments);
  const people = index("people", b.people);
  const emails = new Map<string, number>();
  b.people.forEach((p, i) => {
    const email = p.email.trim().toLowerCase();
    if (emails.has(email)) add(`people.${i}.email`, `Duplicate email "${p.email}" (also people.${emails.get(email)}).`);
    else emails.set(email, i);
  });

  const person = (path: string, value: string | null) => {
    if (value !== null && !people.has(value)) add(path, `Person "${value}" is not in people.`);
  };
  const claimRef = (path: string, value: string) => {
    if (!claims.has(value)) add(path, `Claim "${value}" is not in claims.`);
  };

  const hashes = new Map<string, number>();
  b.articles.forEach((a, i) => {
    const p = `articles.${i}`;
    if (canonicalText(a.doc as unknown as DocNode) !== a.text) add(`${p}.text`, "The text is not the document's canonical text.");
    if (contentHash(a.text) !== a.contentHash) add(`${p}.contentHash`, "The content hash is not the SHA-256 of the text.");
    if (hashes.has(a.contentHash)) add(`${p}.contentHash`, `Same text as articles.${hashes.get(a.contentHash)}.`);
    else hashes.set(a.contentHash, i);
    person(`${p}.createdById`, a.createdById);
    if (a.revisions) {
      const numbers = new Set<number>();
      a.revisions.forEach((v, j) => {
        const q = `${p}.revisions.${j}`;
        if (numbers.has(v.number)) add(`${q}.number`, `Duplicate revision number ${v.number}.`);
        numbers.add(v.number);
        if (v.number > a.revision) add(`${q}.number`, `Revision ${v.number} is after the article's revision ${a.revision}.`);
        if (canonicalText(v.doc as unknown as DocNode) !== v.text) add(`${q}.text`, "The text is not the document's canonical text.");
        if (contentHash(v.text) !== v.contentHash) add(`${q}.contentHash`, "The content hash is not the SHA-256 of the text.");
        person(`${q}.createdById`, v.createdById);
      });
      if (!numbers.has(a.revision)) add(`${p}.revisions`, `The article's current revision ${a.revision} is missing.`);
    }
  });

  b.annotations.forEach((a, i) => {
    const p = `annotations.${i}`;
    const article = articles.get(a.articleId);
    if (!article) add(`${p}.articleId`, `Article "${a.articleId}" is not in articles.`);
    if (a.claimId !== null) claimRef(`${p}.claimId`, a.claimId);
    person(`${p}.createdById`, a.createdById);
    if (a.anchoredRevision > (article?.revision ?? Infinity)) add(`${p}.anchoredRevision`, "Anchored to a revision after the article's current one.");
    const position = a.selectors.find((s) => s.type === "TextPositionSelector");
    if (position) {
      if (a.status === "orphaned") add(`${p}.selectors`, "An orphaned highlight has no position.");
      if (position.end <= position.start) add(`${p}.selectors`, "The position's end must be after its start.");
      else if (article && a.anchoredRevision === article.revision && position.end > article.text.length) add(`${p}.selectors`, "The position is past the end of the article's text.");
    } else if (a.status !== "orphaned") add(`${p}.selectors`, "Only an orphaned highlight may lack a TextPositionSelector.");
  });

  b.claims.forEach((c, i) => {
    for (const key of ["assigneeId", "createdById", "approvedById"] as const) person(`claims.${i}.${key}`, c[key]);
  });
  b.sources.forEach((s, i) => {
    claimRef(`sources.${i}.claimId`, s.claimId);
    person(`sources.${i}.createdById`, s.createdById);
  });
  b.relations.forEach((r, i) => {
    claimRef(`relations.${i}.fromId`, r.fromId);
    claimRef(`relations.${i}.toId`, r.toId);
    if (r.fromId === r.toId) add(`relations.${i}.toId`, "A claim can't be related to itself.");
    person(`relations.${i}.createdById`, r.createdById);
  });
  b.events.forEach((e, i) => {
    claimRef(`events.${i}.claimId`, e.claimId);
    person(`events.${i}.actorId`, e.actorId);
  });
  b.comments.forEach((c, i) => {
    claimRef(`comments.${i}.claimId`, c.claimId);
    person(`comments.${i}.authorId`, c.authorId);
  });

  checkApiRules(b, add);

  return issues.length ? { ok: false, issues } : { ok: true, bundle: b };
}
