import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { importArticle } from "@/lib/articles/import";
import { updateArticle } from "@/lib/articles/update-article";
import type { DocNode } from "@/lib/articles/document";
import { authorize } from "@/lib/auth/permissions";
import { addComment, addRelation, addSource, approveClaim, attachMention, createClaim, mergeClaims, setVerdict, submitForReview, updateClaim } from "@/lib/claims";
import { explanation, source } from "@/lib/claims/test-world";
import { db } from "@/lib/db/client";
import { exportToString } from "@/lib/export";
import { makeMember, makeWorkspace, type FixtureUser } from "@/lib/testing/fixtures";

/** The reference corpus (real articles; never copied into the repository). */
export const CORPUS = path.resolve(process.cwd(), "../shared/corpus");

/**
 * Test helper (not a test): a workspace built from three corpus articles
 * through the app's own use cases, holding everything a bundle carries:
 * claims with mentions in two articles, sources, a relation, a verdict and
 * approval, an assignee, a comment, a merge (its event names a claim the
 * bundle doesn't hold), a highlight with a note and no claim, and an edit of
 * one article (revision 2) that moves one highlight and orphans another.
 */
export async function importWorld() {
  const { workspace, admin } = await makeWorkspace();
  const annotator = (await makeMember(workspace.id, "annotator")).user;
  const reviewer = (await makeMember(workspace.id, "reviewer")).user;
  const as = (u: FixtureUser) => authorize(u.id, workspace.slug, "workspace.view");

  const files = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort().slice(1, 4);
  const articles = [];
  for (const file of files) {
    const result = await importArticle({ workspaceId: workspace.id, actorId: admin.id, filename: file, content: readFileSync(path.join(CORPUS, file), "utf8") });
    if (result.status !== "created") throw new Error(`${file} was not created`);
    articles.push(result.article.id);
  }
  const current = (id: string) => db.article.findUniqueOrThrow({ where: { id }, select: { id: true, text: true, revision: true, doc: true, title: true, tags: true } });
  async function highlight(articleId: string, words: string, by: FixtureUser = annotator, note?: string) {
    const a = await current(articleId);
    const start = a.text.indexOf(words);
    if (start < 0) throw new Error(`"${words}" is not in the article`);
    return createAnnotation(await as(by), a.id, { start, end: start + words.length, revision: a.revision, note });
  }
  const [a1, a2, a3] = articles;
  const ann = await as(annotator);
  const rev = await as(reviewer);

  let treaties = await createClaim(ann, { annotationId: (await highlight(a1, "the Russian Foreign Ministry published Russia’s two draft agreements on security guarantees")).id, tags: ["treaties"], claimant: "Russian Foreign Ministry" });
  treaties = await attachMention(ann, treaties.id, { annotationId: (await highlight(a2, "security guarantees")).id, version: treaties.version });
  treaties = await updateClaim(ann, treaties.id, { version: treaties.version, claimDate: new Date("2021-12-17"), assigneeId: reviewer.id });
  treaties = await setVerdict(ann, treaties.id, { verdict: "true", explanation: explanation("Both drafts are on the ministry's site."), version: treaties.version });
  treaties = await addSource(ann, treaties.id, source(treaties.version, { title: "MFA: draft treaty", url: "https://mid.example/draft", stance: "supports" }));
  treaties = await submitForReview(ann, treaties.id, { version: treaties.version });
  treaties = await approveClaim(rev, treaties.id, { version: treaties.version, note: "Checked against the original." });

  let nato = await createClaim(ann, { annotationId: (await highlight(a3, "the return of NATO to the 1997 configuration")).id, claimant: "Wendy Sherman", tags: ["nato"] });
  nato = await addRelation(ann, nato.id, { version: nato.version, toId: treaties.id, type: "responds-to", note: "Answers the drafts." });
  const twin = await createClaim(ann, { annotationId: (await highlight(a3, "turn the time back to 1997")).id });
  nato = await mergeClaims(rev, nato.id, { from: twin.id, version: nato.version });
  await addComment(ann, treaties.id, { body: explanation("Two drafts: one for the US, one for NATO.") });

  await highlight(a2, "Moscow", annotator, "A loose highlight with a note.");
  const orphan = await createClaim(ann, { annotationId: (await highlight(a1, "I would like to use this moment to warn them against taking incautious steps")).id });

  // The edit: a new first paragraph (moves everything) and the "warn them" paragraph removed (orphans its highlight).
  const before = await current(a1);
  const doc = before.doc as unknown as DocNode;
  const content = (doc.content ?? []).filter((n) => !JSON.stringify(n).includes("warn them against"));
  await updateArticle(await as(admin), a1, {
    baseRevision: before.revision,
    doc: { ...doc, content: [{ type: "paragraph", content: [{ type: "text", text: "Editor's note: paragraph added in an edit." }] }, ...content] },
    metadata: { title: before.title, tags: before.tags },
  });

  const exportAll = async (u: FixtureUser, slug = workspace.slug) => JSON.parse(await exportToString(await authorize(u.id, slug, "workspace.view"), "bundle", { revisions: true }));
  return { workspace, admin, annotator, reviewer, articles, treaties, nato, twin, orphan, exportAll };
}
