/**
 * The article the edit bench and the edit profile work on: 2,500 paragraphs
 * (~100,000 words) with 10,000 highlights on word-ish spans, some overlapping,
 * and the three versions of its text they save in turn.
 */
import { describeSpan } from "../../lib/anchoring";
import { seededRandom } from "../../lib/anchoring/test-utils";
import { createArticle } from "../../lib/articles/create-article";
import { docFromParagraphs } from "../../lib/articles/document";
import { db } from "../../lib/db/client";
import { makeWorkspace } from "../../lib/testing/fixtures";

export const PARAGRAPHS = 2_500;
const PER_PARAGRAPH = 4;
export const HIGHLIGHTS = PARAGRAPHS * PER_PARAGRAPH;

const WORDS =
  "the ministry said talks on security guarantees would resume after officials published written answers to proposals on expansion of the alliance while diplomats in Geneva and Brussels declined to comment on the draft treaties council harbour budget figures bridge traffic vehicles".split(" ");

export interface EditBenchArticle {
  slug: string;
  adminId: string;
  articleId: string;
  /** Paragraphs (the title first) of each version: a paragraph added at the top, removed again, one word changed mid-article. */
  versions: string[][];
}

export async function setUpEditBench(): Promise<EditBenchArticle> {
  const random = seededRandom(4242);
  const paragraph = (i: number) => `${i}. ${Array.from({ length: 40 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ")}.`;
  const { workspace, admin } = await makeWorkspace();
  const body = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i));
  const created = await createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs(["Edit bench", ...body]), metadata: { title: "Edit bench", tags: [] } });
  const article = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true } });
  const rows = [];
  let from = 0;
  for (const p of body) {
    const at = article.text.indexOf(p, from);
    from = at + p.length;
    for (let k = 0; k < PER_PARAGRAPH; k++) {
      const start = at + Math.floor(random() * (p.length - 60));
      const end = start + 15 + Math.floor(random() * 40);
      const span = describeSpan(article.text, start, end);
      rows.push({ workspaceId: workspace.id, articleId: article.id, createdById: admin.id, exact: span.quote.exact, prefix: span.quote.prefix, suffix: span.quote.suffix, start, end, anchoredRevision: 1 });
    }
  }
  await db.annotation.createMany({ data: rows });
  return {
    slug: workspace.slug,
    adminId: admin.id,
    articleId: article.id,
    versions: [
      ["Edit bench", "A correction was added at the top of this article on the day after publication.", ...body],
      ["Edit bench", ...body],
      ["Edit bench", ...body.slice(0, PARAGRAPHS / 2), body[PARAGRAPHS / 2].replace("the", "a"), ...body.slice(PARAGRAPHS / 2 + 1)],
    ],
  };
}
