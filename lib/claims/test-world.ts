import { expect } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeMember, makeWorkspace, unique, type FixtureUser } from "@/lib/testing/fixtures";
import { addSource } from "./sources";
import { createClaim } from "./create-claim";
import { setVerdict } from "./set-verdict";
import { submitForReview } from "./change-review-state";
import type { ClaimDetail } from "./claim-dto";

/**
 * Test helper (not a test): a workspace with one member per role and articles
 * to highlight, built through the app's own use cases.
 */
export const PARAGRAPHS = [
  "The bridge carries about 40,000 vehicles a day, the council leader said on Monday.",
  "Traders say the closure will cost them a third of their customers.",
  "The repairs are expected to cost €12 million — most of it from the regional fund.",
  "Unemployment fell to 4.1 percent last year, the minister claimed.",
];

export async function claimWorld() {
  const { workspace, admin } = await makeWorkspace();
  const annotator = (await makeMember(workspace.id, "annotator")).user;
  const reviewer = (await makeMember(workspace.id, "reviewer")).user;
  const viewer = (await makeMember(workspace.id, "viewer")).user;
  const as = (user: FixtureUser) => authorize(user.id, workspace.slug, "workspace.view");

  async function article(title = unique("Article")) {
    const created = await createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs([title, ...PARAGRAPHS]), metadata: { title, tags: [] } });
    return db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true, title: true } });
  }
  const first = await article();

  async function highlight(words: string, on: { id: string; text: string } = first, by: FixtureUser = annotator) {
    const start = on.text.indexOf(words);
    if (start < 0) throw new Error(`"${words}" is not in the article`);
    return createAnnotation(await as(by), on.id, { start, end: start + words.length, revision: 1 });
  }

  async function claim(words: string, opts: { on?: { id: string; text: string }; by?: FixtureUser; tags?: string[]; claimant?: string } = {}) {
    const h = await highlight(words, opts.on ?? first, opts.by ?? annotator);
    return createClaim(await as(opts.by ?? annotator), { annotationId: h.id, tags: opts.tags, claimant: opts.claimant });
  }

  /** A verdict, an explanation and a source, then in review: what approval needs. */
  async function readyForApproval(c: ClaimDetail, by: FixtureUser = annotator): Promise<ClaimDetail> {
    const access = await as(by);
    let d = await setVerdict(access, c.id, { verdict: "mostly-false", explanation: explanation("Traffic counts show 31,000."), version: c.version });
    d = await addSource(access, c.id, source(d.version));
    return submitForReview(access, c.id, { version: d.version });
  }

  return { workspace, admin, annotator, reviewer, viewer, as, article, first, highlight, claim, readyForApproval };
}

export function explanation(text: string) {
  return { type: "doc" as const, content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

export function source(version: number, over: Partial<{ title: string; stance: "supports" | "refutes" | "context"; url: string }> = {}) {
  return { version, title: over.title ?? "Traffic count 2024", url: over.url ?? "https://example.org/count", kind: "dataset" as const, stance: over.stance ?? "refutes" };
}

/** The DomainError a promise rejects with, asserting its status. */
export async function rejection(promise: Promise<unknown>, status: number): Promise<DomainError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).status, (err as DomainError).message).toBe(status);
  return err as DomainError;
}
