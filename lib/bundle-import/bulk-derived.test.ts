import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { authorize } from "@/lib/auth/permissions";
import { attachMention } from "@/lib/claims";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { applyImport, type ImportResult } from "./apply";
import { importWorld } from "./import-world";
import type { Bundle } from "./schema";

type World = Awaited<ReturnType<typeof importWorld>>;
let w: World;
let bundle: Bundle;

beforeAll(async () => {
  w = await importWorld();
  bundle = await w.exportAll(w.admin);
});

/**
 * Everything the triggers derive from an import's rows, keyed by the bundle's ids (the two imports give
 * their rows different ids): claims' search documents, link counts and search terms, the workspace's
 * lexicon, tag and verdict tallies, and the articles' claim progress.
 */
async function derived(workspaceId: string, out: ImportResult) {
  const claims: Record<string, unknown> = {};
  for (const [bundleId, id] of Object.entries(out.claims)) {
    const [c] = await db.$queryRaw<{ doc: string | null; articleCount: number; relationCount: number }[]>`
      SELECT "searchVector"::text AS doc, "articleCount", "relationCount" FROM "Claim" WHERE id = ${id}`;
    const terms = await db.$queryRaw<{ lexeme: string; impact: number }[]>`
      SELECT lexeme, impact FROM "ClaimSearchTerm" WHERE "claimId" = ${id} ORDER BY lexeme`;
    claims[bundleId] = { ...c, terms };
  }
  const articles: Record<string, unknown> = {};
  for (const [bundleId, id] of Object.entries(out.articles)) {
    articles[bundleId] = await db.articleClaimProgress.findUnique({ where: { articleId: id }, select: { claims: true, withVerdict: true } });
  }
  const lexemes = (await db.searchLexeme.findMany({ where: { workspaceId }, select: { lexeme: true }, orderBy: { lexeme: "asc" } })).map((l) => l.lexeme);
  const tags = await db.workspaceTag.findMany({ where: { workspaceId }, select: { tag: true, claimCount: true }, orderBy: { tag: "asc" } });
  const tally = await db.workspaceClaimTally.findMany({ where: { workspaceId }, select: { verdict: true, reviewState: true, claimCount: true }, orderBy: [{ verdict: "asc" }, { reviewState: "asc" }] });
  const content = await db.workspaceContentTally.findUnique({ where: { workspaceId }, select: { articleCount: true, annotationCount: true } });
  return { claims, articles, lexemes, tags, tally, content };
}

describe("an import's derived data, made once at its end", () => {
  it("is what the triggers make statement by statement", async () => {
    const once = await makeWorkspace(w.admin);
    const perStatement = await makeWorkspace(w.admin);
    const a = await applyImport(once.workspace.id, structuredClone(bundle));
    const b = await applyImport(perStatement.workspace.id, structuredClone(bundle), { perStatementDerived: true });

    const got = await derived(once.workspace.id, a);
    expect(got).toEqual(await derived(perStatement.workspace.id, b));

    // Not vacuous: documents hold their highlights' quotes, counts and progress are there.
    const treaties = got.claims[w.treaties.id] as { doc: string; articleCount: number; relationCount: number; terms: unknown[] };
    expect(treaties.doc).toMatch(/'foreign':\d+A/); // the statement
    expect(treaties.doc).toMatch(/'guarante':[\dAB,]*\d+C/); // "security guarantees", its highlight in the second article
    expect(treaties.articleCount).toBe(2);
    expect(treaties.relationCount).toBe(1);
    expect(treaties.terms.length).toBeGreaterThan(5);
    const progress = Object.values(got.articles).filter((p) => p !== null) as { claims: number; withVerdict: number }[];
    expect(progress.length).toBe(bundle.articles.length);
    expect(progress.reduce((n, p) => n + p.claims, 0)).toBeGreaterThan(0);
    expect(progress.reduce((n, p) => n + p.withVerdict, 0)).toBeGreaterThan(0);
    expect(got.lexemes).toContain("guarante");
  });

  it("leaves the triggers on for what follows: a mention added after the import updates document, counts and progress", async () => {
    const { workspace } = await makeWorkspace(w.admin);
    const out = await applyImport(workspace.id, structuredClone(bundle));
    const [setting] = await db.$queryRaw<{ bulk: string | null }[]>`SELECT current_setting('claimtrail.bulk', true) AS bulk`;
    expect(setting.bulk ?? "").not.toBe("on");

    // The NATO claim is mentioned in the third article only; a highlight in the second is attached to it.
    const nato = out.claims[w.nato.id];
    const access = await authorize(w.admin.id, workspace.slug, "workspace.view");
    const before = await db.claim.findUniqueOrThrow({ where: { id: nato }, select: { articleCount: true, version: true } });
    expect(before.articleCount).toBe(1);
    const articleId = out.articles[w.articles[1]];
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { text: true, revision: true } });
    const progressBefore = await db.articleClaimProgress.findUnique({ where: { articleId } });
    const docOf = async () => (await db.$queryRaw<{ doc: string }[]>`SELECT "searchVector"::text AS doc FROM "Claim" WHERE id = ${nato}`)[0].doc;
    const quotesIn = (doc: string) => (doc.match(/\d+C/g) ?? []).length;
    const docBefore = await docOf();
    // A word no highlight has (the same words twice are refused): one from the article's second half.
    const half = Math.floor(article.text.length / 2);
    const found = /\b[A-Za-z]{8,}\b/.exec(article.text.slice(half))!;
    const words = found[0];
    const start = half + found.index;
    const highlight = await createAnnotation(access, articleId, { start, end: start + words.length, revision: article.revision });
    await attachMention(access, nato, { annotationId: highlight.id, version: before.version });

    const after = await db.claim.findUniqueOrThrow({ where: { id: nato }, select: { articleCount: true } });
    expect(after.articleCount).toBe(2);
    const docAfter = await docOf();
    expect(quotesIn(docAfter)).toBeGreaterThan(quotesIn(docBefore));
    // Its search terms follow the new document.
    const terms = (await db.claimSearchTerm.findMany({ where: { claimId: nato }, select: { lexeme: true } })).map((t) => t.lexeme).sort();
    expect(terms).toEqual([...docAfter.matchAll(/'([^']+)':/g)].map((m) => m[1]).sort());
    const progressAfter = await db.articleClaimProgress.findUniqueOrThrow({ where: { articleId } });
    expect(progressAfter.claims).toBe((progressBefore?.claims ?? 0) + 1);
  });
});
