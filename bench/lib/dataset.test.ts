import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalText, contentHash, type DocNode } from "@/lib/articles/document";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { generateWorkspace, type GeneratedWorkspace } from "./dataset";

/**
 * The scale dataset must be data the app could have written: highlights at
 * their real offsets, docs that give the stored text, merge chains that end at
 * a standing claim, search vectors filled in. Checked at a small size; the
 * bench generates the same shapes at 10k–1M.
 */
let database: TestDatabase;
let ws: GeneratedWorkspace;
let client: pg.Client;

beforeAll(async () => {
  // A database of its own: the generator drops and rebuilds the big tables' secondary indexes, which would
  // lock and slow the tables the other test files are using at the same time.
  database = await createTestDatabase();
  const url = database.url;
  ws = await generateWorkspace(url, { claims: 2000, seed: 3, batch: 300, workers: 3, rebuildIndexes: true }); // several batches side by side, a short last one; as at 1M
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 300_000);
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("generateWorkspace", () => {
  it("makes the announced numbers of claims, articles and highlights", async () => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM "Claim" WHERE "workspaceId" = $1)::int AS claims,
              (SELECT count(*) FROM "Article" WHERE "workspaceId" = $1)::int AS articles,
              (SELECT count(*) FROM "Annotation" WHERE "workspaceId" = $1)::int AS highlights,
              (SELECT count(*) FROM "ArticleRevision" r JOIN "Article" a ON a.id = r."articleId" WHERE a."workspaceId" = $1)::int AS revisions,
              (SELECT count(*) FROM "Claim" WHERE "workspaceId" = $1
                 AND "searchVector" IS DISTINCT FROM "claim_search_document"(id, statement, claimant, language))::int AS unindexed`,
      [ws.workspaceId],
    );
    expect(rows[0]).toEqual({ claims: 2000, articles: 40, highlights: 4000, revisions: 40, unindexed: 0 });
  });

  it("anchors every highlight at its real offsets, and each article's doc gives its text", async () => {
    const articles = await client.query<{ id: string; text: string; doc: DocNode; contentHash: string }>(
      `SELECT id, text, doc, "contentHash" FROM "Article" WHERE "workspaceId" = $1`,
      [ws.workspaceId],
    );
    const byId = new Map(articles.rows.map((a) => [a.id, a.text]));
    for (const a of articles.rows) {
      expect(canonicalText(a.doc)).toBe(a.text);
      expect(a.contentHash).toBe(contentHash(a.text));
    }
    const highlights = await client.query<{ articleId: string; exact: string; prefix: string; suffix: string; start: number; end: number }>(
      `SELECT "articleId", exact, prefix, suffix, start, "end" FROM "Annotation" WHERE "workspaceId" = $1`,
      [ws.workspaceId],
    );
    for (const h of highlights.rows) {
      const text = byId.get(h.articleId)!;
      expect(text.slice(h.start, h.end)).toBe(h.exact);
      expect(text.slice(h.start - 32, h.start)).toBe(h.prefix);
      expect(text.slice(h.end, h.end + 32)).toBe(h.suffix);
    }
  });

  it("gives hot claims 200 mentions in different articles, and typical claims two", async () => {
    const { rows } = await client.query<{ id: string; mentions: number; articles: number }>(
      `SELECT "claimId" AS id, count(*)::int AS mentions, count(DISTINCT "articleId")::int AS articles FROM "Annotation" WHERE "claimId" = ANY($1) GROUP BY 1`,
      [[...ws.hotClaimIds, ws.typicalClaimId]],
    );
    const m = new Map(rows.map((r) => [r.id, r]));
    expect(ws.hotClaimIds.length).toBeGreaterThan(0);
    for (const id of ws.hotClaimIds) expect(m.get(id)).toMatchObject({ mentions: 201, articles: Math.min(200, ws.articles) });
    expect(m.get(ws.typicalClaimId)!.mentions).toBe(2);
  });

  it("makes merge chains that end at a standing claim holding the merged claims' mentions", async () => {
    const { rows } = await client.query<{ id: string; depth: number; standing: boolean }>(
      `WITH RECURSIVE up AS (
         SELECT id, "mergedIntoId", 0 AS depth FROM "Claim" WHERE id = $1
         UNION ALL SELECT c.id, c."mergedIntoId", up.depth + 1 FROM "Claim" c JOIN up ON c.id = up."mergedIntoId")
       SELECT id, depth, ("mergedIntoId" IS NULL) AS standing FROM up ORDER BY depth DESC LIMIT 1`,
      [ws.mergedClaimId],
    );
    expect(rows[0]).toMatchObject({ id: ws.chainSurvivorId, standing: true });
    expect(rows[0].depth).toBeGreaterThanOrEqual(2);
    const orphaned = await client.query(
      `SELECT count(*)::int AS n FROM "Annotation" a JOIN "Claim" c ON c.id = a."claimId" WHERE a."workspaceId" = $1 AND (c."mergedIntoId" IS NOT NULL)`,
      [ws.workspaceId],
    );
    expect(orphaned.rows[0].n).toBe(0);
  });

  it("keeps approved claims approvable: verdict, explanation and a source", async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "Claim" c WHERE c."workspaceId" = $1 AND c."reviewState" = 'approved' AND c."mergedIntoId" IS NULL
         AND (c.verdict IS NULL OR c."explanationText" = '' OR NOT EXISTS (SELECT 1 FROM "Source" s WHERE s."claimId" = c.id))`,
      [ws.workspaceId],
    );
    expect(rows[0].n).toBe(0);
  });

  it("fills in the link counts the triggers would have kept", async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "Claim" c WHERE c."workspaceId" = $1 AND (
         c."articleCount" <> (SELECT count(DISTINCT "articleId") FROM "Annotation" WHERE "claimId" = c.id AND "deletedAt" IS NULL)
         OR c."relationCount" <> (SELECT count(*) FROM "ClaimRelation" WHERE "fromId" = c.id OR "toId" = c.id))`,
      [ws.workspaceId],
    );
    expect(rows[0].n).toBe(0);
  });

  it("fills in the postings and words Claim's insert trigger would have written", async () => {
    const { rows } = await client.query(
      `SELECT
         (SELECT count(*)::int FROM "Claim" c CROSS JOIN LATERAL "claim_search_impacts"(c."searchVector") i
           WHERE c."workspaceId" = $1 AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
             AND NOT EXISTS (SELECT 1 FROM "ClaimSearchTerm" t WHERE t."claimId" = c.id AND t.lexeme = i.lexeme AND t.impact = i.impact)) AS missing,
         (SELECT count(*)::int FROM "ClaimSearchTerm" t JOIN "Claim" c ON c.id = t."claimId"
           WHERE t."workspaceId" = $1 AND (c."deletedAt" IS NOT NULL OR c."mergedIntoId" IS NOT NULL)) AS fallen,
         (SELECT count(*)::int FROM "ClaimSearchTerm" t WHERE t."workspaceId" = $1) AS postings,
         (SELECT count(*)::int FROM "ClaimSearchTerm" t WHERE t."workspaceId" = $1
            AND NOT EXISTS (SELECT 1 FROM "SearchLexeme" l WHERE l."workspaceId" = $1 AND l.lexeme = t.lexeme)) AS unknown`,
      [ws.workspaceId],
    );
    expect(rows[0]).toMatchObject({ missing: 0, fallen: 0, unknown: 0 });
    expect(rows[0].postings).toBeGreaterThan(2000);
  });

  it("numbers the change feed as its commit trigger would: 1…n in id order, the counter at n", async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct, min(seq)::int AS first, max(seq)::int AS last,
              bool_and(seq = rn) AS in_order, (SELECT seq::int FROM "ChangeCounter" WHERE "workspaceId" = $1) AS counter
         FROM (SELECT seq, row_number() OVER (ORDER BY id) AS rn FROM "Change" WHERE "workspaceId" = $1) c`,
      [ws.workspaceId],
    );
    expect(rows[0].n).toBeGreaterThan(4000);
    expect(rows[0]).toMatchObject({ distinct: rows[0].n, first: 1, last: rows[0].n, in_order: true, counter: rows[0].n });
  });

  it("writes news-like statements with a wide vocabulary", async () => {
    const { rows } = await client.query<{ statement: string }>(`SELECT statement FROM "Claim" WHERE "workspaceId" = $1`, [ws.workspaceId]);
    const distinct = new Set(rows.map((r) => r.statement));
    expect(distinct.size).toBeGreaterThan(1990);
    const vocabulary = new Set(rows.flatMap((r) => r.statement.toLowerCase().match(/[\p{L}-]+/gu) ?? []));
    expect(vocabulary.size).toBeGreaterThan(400);
  });
});
