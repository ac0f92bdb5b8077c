import pg from "pg";
import { describe, expect, it } from "vitest";
import { anchorAll, describeSpan } from "@/lib/anchoring";
import { authorize } from "@/lib/auth/permissions";
import { readChanges } from "@/lib/changes";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { updateArticle } from "./update-article";

const PARAGRAPHS = Array.from({ length: 300 }, (_, i) => `Paragraph ${i}: the council reported figure ${i * 7} for the harbour bridge.`);

async function articleWithHighlights() {
  const { workspace, admin } = await makeWorkspace();
  const created = await createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs(["Bridge", ...PARAGRAPHS]), metadata: { title: "Bridge", tags: [] } });
  const article = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true } });
  const spans = PARAGRAPHS.map((p) => {
    const start = article.text.indexOf(p) + p.indexOf("figure");
    return describeSpan(article.text, start, start + "figure 0".length);
  });
  await db.annotation.createMany({
    data: spans.map((s) => ({ workspaceId: workspace.id, articleId: article.id, createdById: admin.id, exact: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix, start: s.position.start, end: s.position.end, anchoredRevision: 1 })),
  });
  return { workspace, admin, article };
}

/** Every live highlight marks its own words in the article's current text. */
async function expectAnchoredTo(articleId: string) {
  const { text, revision } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { text: true, revision: true } });
  const rows = await db.annotation.findMany({ where: { articleId }, select: { exact: true, start: true, end: true, status: true, anchoredRevision: true } });
  for (const r of rows) {
    expect(r.status).not.toBe("orphaned");
    expect(text.slice(r.start!, r.end!)).toBe(r.exact);
    expect(r.anchoredRevision).toBeLessThanOrEqual(revision);
  }
  return text;
}

describe("concurrent article edits (issue 11)", () => {
  it("two people saving the same revision at once: one wins, the other gets a 409, nothing of it is written", async () => {
    const { workspace, admin, article } = await articleWithHighlights();
    const other = await makeMember(workspace.id, "annotator");
    const [adaAccess, boAccess] = await Promise.all([authorize(admin.id, workspace.slug, "article.edit"), authorize(other.user.id, workspace.slug, "article.edit")]);
    const ada = docFromParagraphs(["Bridge", "Ada's correction at the top.", ...PARAGRAPHS]);
    const bo = docFromParagraphs(["Bridge", ...PARAGRAPHS, "Bo's note at the end."]);
    const seq = (await readChanges(workspace.id, 0, 1000)).at(-1)?.seq ?? 0;

    const results = await Promise.allSettled([
      updateArticle(adaAccess, article.id, { baseRevision: 1, doc: ada, metadata: { title: "Bridge", tags: [] } }),
      updateArticle(boAccess, article.id, { baseRevision: 1, doc: bo, metadata: { title: "Bridge", tags: [] } }),
    ]);
    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.find((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(lost?.reason).toBeInstanceOf(DomainError);
    expect((lost?.reason as DomainError).status).toBe(409);
    expect((lost?.reason as DomainError).message).toMatch(/newer version/);

    // Only the winner's revision exists, and every highlight is on its text.
    const revisions = await db.articleRevision.findMany({ where: { articleId: article.id }, orderBy: { number: "asc" }, select: { number: true, createdById: true } });
    const winner = won === 0 ? admin.id : other.user.id;
    expect(revisions).toEqual([expect.objectContaining({ number: 1 }), { number: 2, createdById: winner }]);
    const text = await expectAnchoredTo(article.id);
    expect(text).toContain(won === 0 ? "Ada's correction" : "Bo's note");
    expect(text).not.toContain(won === 0 ? "Bo's note" : "Ada's correction");
    const edits = (await readChanges(workspace.id, seq, 1000)).filter((c) => c.kind === "article.edited");
    expect(edits.map((c) => c.actorId)).toEqual([winner]);
  });

  it("a highlight made while an edit waits for the article's lock is re-anchored with the others", async () => {
    const { workspace, admin, article } = await articleWithHighlights();
    const access = await authorize(admin.id, workspace.slug, "article.edit");
    const edited = docFromParagraphs(["Bridge", "A correction at the top.", ...PARAGRAPHS]);
    // Another connection holds the article's row lock, as a highlight being created does.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT id FROM "Article" WHERE id = $1 FOR UPDATE`, [article.id]);
      const edit = updateArticle(access, article.id, { baseRevision: 1, doc: edited, metadata: { title: "Bridge", tags: [] } });
      // The edit has read and matched the highlights and now waits for this connection's lock.
      await expect
        .poll(async () => (await other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`)).rows[0].n, { timeout: 30_000 })
        .toBe(1);
      // Meanwhile a highlight is committed on the old text (revision 1), which the edit's plan never saw.
      const words = "figure 1050 for the harbour bridge";
      const start = article.text.indexOf(words);
      const span = describeSpan(article.text, start, start + words.length);
      await other.query(
        `INSERT INTO "Annotation" ("id", "workspaceId", "articleId", "createdById", "exact", "prefix", "suffix", "start", "end", "anchoredRevision", "updatedAt")
         VALUES ('late-highlight-' || $1, $1, $2, $3, $4, $5, $6, $7, $8, 1, now())`,
        [workspace.id, article.id, admin.id, span.quote.exact, span.quote.prefix, span.quote.suffix, start, start + words.length],
      );
      await other.query("COMMIT");
      const result = await edit;
      expect(result.reanchored).toBe(PARAGRAPHS.length + 1);
      const late = await db.annotation.findUniqueOrThrow({ where: { id: `late-highlight-${workspace.id}` }, select: { start: true, end: true, status: true, anchoredRevision: true } });
      const now = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true } });
      const [expected] = anchorAll(now.text, [{ quote: span.quote, position: span.position }]);
      expect(late).toEqual({ start: expected.start, end: expected.end, status: "moved", anchoredRevision: 2 });
      expect(now.text.slice(late.start!, late.end!)).toBe(words);
      await expectAnchoredTo(article.id);
    } finally {
      await other.end();
    }
  });
});
