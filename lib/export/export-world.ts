import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { addComment, addRelation, approveClaim, attachMention, deleteClaim, mergeClaims, setVerdict, updateClaim, addSource, submitForReview } from "@/lib/claims";
import { claimWorld, explanation, source } from "@/lib/claims/test-world";
import { db } from "@/lib/db/client";
import { unique } from "@/lib/testing/fixtures";
import type { Access } from "@/lib/auth/permissions";
import { claimBatches, type ExportClaim, type ExportMention } from "./batches";
import { exportContext } from "./context";
import { exportSet } from "./export-set";
import type { ExportFiltersInput } from "./filters";
import { W3C_CONTEXT, webAnnotation } from "./formats/w3c";

/**
 * Test helper (not a test): a workspace whose claims exercise every export
 * rule, built through the app's own use cases.
 *
 * - `approved`: mentioned in articles A and B, verdict mostly-false (renamed
 *   "Misleading"), a statement with quotes, commas and a line break, a
 *   source, a comment, contradicting `cyrillic`, with `merged` merged into it;
 * - `formula`: a statement spreadsheets would run, verdict unverifiable (no
 *   rating), approved;
 * - `cyrillic`: in article B only, no verdict, unreviewed, a claim date;
 * - `deleted`: deleted, never exported; plus one highlight with no claim.
 */
export const TRICKY_STATEMENT = 'He said "about 40,000" a day,\nincluding lorries';
export const FORMULA_STATEMENT = '=HYPERLINK("http://evil.example","click")';
export const CYRILLIC = "Безработица снизилась до 4,1 процента";

export async function exportWorld() {
  const w = await claimWorld();
  const [annotator, reviewer] = [await w.as(w.annotator), await w.as(w.reviewer)];
  async function article(title: string, paragraphs: string[], meta: { url?: string; publishedAt?: string; language?: string }) {
    const created = await createArticle({
      workspaceId: w.workspace.id,
      actorId: w.admin.id,
      doc: docFromParagraphs([title, ...paragraphs]),
      metadata: { title, tags: [], url: meta.url ?? null, publishedAt: meta.publishedAt ? new Date(meta.publishedAt) : null, language: meta.language ?? null },
    });
    return db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true, title: true } });
  }
  const a = await article(unique("Bridge, \"closure\""), ["The bridge carries about 40,000 vehicles a day, the leader said.", "Traders say it will cost them a third of their customers.", "Nobody checked the figure."], {
    url: "https://news.example/bridge",
    publishedAt: "2024-03-01",
    language: "en",
  });
  const b = await article(unique("Экономика"), [`${CYRILLIC}, заявил министр.`, "Мост несёт about 40,000 vehicles a day."], { publishedAt: "2024-01-15", language: "ru" });

  await db.workspace.update({ where: { id: w.workspace.id }, data: { verdictLabels: { en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Манипуляция" } } } });

  let approved = await w.claim("about 40,000 vehicles a day", { on: a, tags: ["transport"], claimant: "Council leader" });
  approved = await attachMention(annotator, approved.id, { annotationId: (await w.highlight("about 40,000 vehicles a day", b)).id, version: approved.version });
  approved = await updateClaim(annotator, approved.id, { version: approved.version, statement: TRICKY_STATEMENT, claimDate: new Date("2024-02-20") });
  approved = await w.readyForApproval(approved);
  approved = await approveClaim(reviewer, approved.id, { version: approved.version });

  let formula = await w.claim("Nobody checked the figure", { on: a, claimant: "@leader" });
  formula = await updateClaim(annotator, formula.id, { version: formula.version, statement: FORMULA_STATEMENT });
  formula = await setVerdict(annotator, formula.id, { verdict: "unverifiable", explanation: explanation("No count exists."), version: formula.version });
  formula = await addSource(annotator, formula.id, source(formula.version, { url: "https://example.org/-minus" }));
  formula = await submitForReview(annotator, formula.id, { version: formula.version });
  formula = await approveClaim(reviewer, formula.id, { version: formula.version });

  let cyrillic = await w.claim(CYRILLIC, { on: b, tags: ["economy"] });
  cyrillic = await updateClaim(annotator, cyrillic.id, { version: cyrillic.version, claimDate: new Date("2023-12-31") });

  approved = await addRelation(annotator, approved.id, { version: approved.version, toId: cyrillic.id, type: "contradicts" });
  await addComment(annotator, approved.id, { body: explanation("Checked with the traffic office.") });
  const merged = await w.claim("a third of their customers", { on: a });
  approved = await mergeClaims(reviewer, approved.id, { from: merged.id, version: approved.version });

  const doomed = await w.claim("the leader said", { on: a });
  await deleteClaim(reviewer, doomed.id, { version: doomed.version });
  const loose = await w.highlight("Traders say", a);

  return { ...w, a, b, approved, formula, cyrillic, merged, doomed, loose };
}

/**
 * What the W3C export of `filters` must be, written in JavaScript: JSON.stringify(webAnnotation(…)) per
 * mention, article by article (articles in creation order, each article's mentions in theirs), in the
 * collection the export streams. The tests compare the PostgreSQL-written export with it byte for byte.
 */
export async function expectedW3cText(access: Access, filters: ExportFiltersInput, at: Date): Promise<{ text: string; items: number }> {
  const ctx = await exportContext(access, exportSet(access, filters), at);
  const articleOrder = (await db.article.findMany({ where: { workspaceId: access.workspace.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } })).map((a) => a.id);
  const extra = new Map((await db.annotation.findMany({ where: { workspaceId: access.workspace.id }, select: { id: true, originalCreator: true } })).map((a) => [a.id, a]));
  const pairs: { c: ExportClaim; m: ExportMention }[] = [];
  for await (const batch of claimBatches(ctx.set, { texts: true })) for (const c of batch) for (const m of c.mentions) pairs.push({ c, m: { ...m, originalCreator: extra.get(m.annotationId)!.originalCreator } });
  pairs.sort(
    (x, y) =>
      articleOrder.indexOf(x.m.article.id) - articleOrder.indexOf(y.m.article.id) ||
      x.m.createdAt.getTime() - y.m.createdAt.getTime() ||
      (x.m.annotationId < y.m.annotationId ? -1 : x.m.annotationId > y.m.annotationId ? 1 : 0),
  );
  const id = `urn:claimtrail:export:${access.workspace.id}:${at.getTime()}`;
  const head = { "@context": W3C_CONTEXT, id, type: "AnnotationCollection", label: `${access.workspace.name}: claims`, generated: at.toISOString() };
  const page = { id: `${id}:page:0`, type: "AnnotationPage", partOf: id, startIndex: 0 };
  const text =
    `${JSON.stringify(head).slice(0, -1)},\n"first":${JSON.stringify(page).slice(0, -1)},"items":[` +
    pairs.map(({ c, m }, i) => (i ? ",\n" : "\n") + JSON.stringify(webAnnotation(ctx, c, m))).join("") +
    `\n]},\n"total":${pairs.length}}\n`;
  return { text, items: pairs.length };
}
