import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readChanges } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { approveClaim, reopenClaim, sendBack, submitForReview } from "./change-review-state";
import { addComment, deleteComment, editComment } from "./comments";
import { deleteClaim, restoreClaim } from "./delete-claim";
import { mergeClaims } from "./merge-claims";
import { addRelation, removeRelation } from "./relations";
import { setVerdict } from "./set-verdict";
import { addSource, removeSource } from "./sources";
import { updateClaim } from "./update-claim";
import { bulkAssign, bulkSubmitForReview } from "./bulk";
import { detachMention } from "./detach-mention";
import { attachMention } from "./attach-mention";
import { getClaim } from "./get-claim";
import { claimWorld, explanation, source } from "./test-world";
import type { ClaimDetail } from "./claim-dto";

async function snapshot(workspaceId: string) {
  const rows = await db.change.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
  return new Map(rows.map((r) => [r.id, JSON.stringify({ seq: String(r.seq), claimId: r.claimId, actorId: r.actorId, kind: r.kind, data: r.data, createdAt: r.createdAt })]));
}

describe("claim history", () => {
  it("events are only ever appended: after every kind of action, earlier rows are unchanged", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const r = await w.as(w.reviewer);
    let c = await w.claim("about 40,000 vehicles a day");
    let d = await w.claim("a third of their customers");
    const earlier = await snapshot(w.workspace.id);

    c = await updateClaim(a, c.id, { statement: "40,000 vehicles a day", claimant: "Council leader", tags: ["traffic"], assigneeId: w.annotator.id, version: c.version });
    c = await attachMention(a, c.id, { annotationId: (await w.highlight("the council leader said")).id, version: c.version });
    c = await detachMention(a, c.id, c.mentions[1].annotationId, { version: c.version });
    c = await setVerdict(a, c.id, { verdict: "mostly-false", explanation: explanation("Counts say 31,000."), version: c.version });
    c = await addSource(a, c.id, source(c.version));
    c = await addSource(a, c.id, source(c.version, { title: "Second" }));
    c = await removeSource(a, c.id, c.sources[1].id, { version: c.version });
    c = await addRelation(a, c.id, { toId: d.id, type: "responds-to", version: c.version });
    c = await removeRelation(a, c.id, c.relations[0].id, { version: c.version });
    c = await submitForReview(a, c.id, { version: c.version });
    c = await sendBack(r, c.id, { version: c.version, note: "Which year?" });
    c = await submitForReview(a, c.id, { version: c.version });
    c = await approveClaim(r, c.id, { version: c.version });
    c = await reopenClaim(r, c.id, { version: c.version, note: "Recount" });
    const comment = await addComment(a, c.id, { body: explanation("Looking into it") });
    await editComment(a, c.id, comment.id, { body: explanation("Looked into it") });
    await deleteComment(a, c.id, comment.id);
    await bulkAssign(a, { claimIds: [c.id, d.id], assigneeId: w.reviewer.id });
    await bulkSubmitForReview(a, { claimIds: [d.id] });
    c = (await getClaim(a, c.id)) as ClaimDetail;
    await deleteClaim(r, c.id, { version: c.version });
    c = await restoreClaim(await w.as(w.admin), c.id);
    d = (await getClaim(a, d.id)) as ClaimDetail;
    c = await mergeClaims(r, c.id, { from: d.id, version: c.version });

    const later = await snapshot(w.workspace.id);
    for (const [id, before] of earlier) expect(later.get(id)).toBe(before);
    expect(later.size).toBeGreaterThan(earlier.size + 20);
    // Every writer recorded its typed kind on the feed, with the claim's columns and its data, in commit order.
    const feed = await readChanges(w.workspace.id, 0, 1000);
    expect(feed.map((f) => f.seq)).toEqual(feed.map((_, i) => i + 1));
    const ofC = feed.filter((f) => f.claimId === c.id).map((f) => [f.kind, f.actorId, f.articleId, f.subjectId, f.data]);
    const A = w.annotator.id;
    const R = w.reviewer.id;
    const any = expect.any(String);
    expect(ofC).toEqual([
      ["claim.created", A, any, any, { statement: "about 40,000 vehicles a day", annotationId: any, articleId: any, version: 1 }],
      ["claim.edited", A, null, null, { field: "statement", from: "about 40,000 vehicles a day", to: "40,000 vehicles a day", version: 2 }],
      ["claim.edited", A, null, null, { field: "claimant", from: null, to: "Council leader", version: 2 }],
      ["claim.edited", A, null, null, { field: "tags", from: [], to: ["traffic"], version: 2 }],
      ["claim.edited", A, null, null, { field: "assignee", from: null, to: { id: A, name: any }, version: 2 }],
      ["claim.mention-added", A, any, any, { annotationId: any, articleId: any, exact: "the council leader said", version: 3 }],
      ["claim.mention-removed", A, any, any, { annotationId: any, articleId: any, exact: "the council leader said", version: 4 }],
      ["claim.verdict", A, null, null, { from: null, to: "mostly-false", note: null, version: 5 }],
      ["claim.edited", A, null, null, { field: "explanation", from: "", to: "Counts say 31,000.", version: 5 }],
      ["claim.source-added", A, null, any, { sourceId: any, title: "Traffic count 2024", url: "https://example.org/count", stance: "refutes", version: 6 }],
      ["claim.source-added", A, null, any, { sourceId: any, title: "Second", url: "https://example.org/count", stance: "refutes", version: 7 }],
      ["claim.source-removed", A, null, any, { sourceId: any, title: "Second", url: "https://example.org/count", stance: "refutes", publisher: null, kind: "dataset", note: null, version: 8 }],
      ["claim.relation-added", A, null, any, { relationId: any, type: "responds-to", direction: "outgoing", otherId: d.id, otherStatement: "a third of their customers", note: null, version: 9 }],
      ["claim.relation-removed", A, null, any, { relationId: any, type: "responds-to", direction: "outgoing", otherId: d.id, otherStatement: "a third of their customers", note: null, version: 10 }],
      ["claim.review-state", A, null, null, { from: "unreviewed", to: "in-review", note: null, version: 11 }],
      ["claim.review-state", R, null, null, { from: "in-review", to: "unreviewed", note: "Which year?", commentId: any, version: 12 }],
      ["claim.review-state", A, null, null, { from: "unreviewed", to: "in-review", note: null, version: 13 }],
      ["claim.review-state", R, null, null, { from: "in-review", to: "approved", note: null, version: 14 }],
      ["claim.review-state", R, null, null, { from: "approved", to: "in-review", note: "Recount", version: 15 }],
      ["comment.created", A, null, comment.id, { commentId: comment.id, mentioned: [] }],
      ["comment.edited", A, null, comment.id, { commentId: comment.id, mentioned: [], newlyMentioned: [] }],
      ["comment.deleted", A, null, comment.id, { commentId: comment.id }],
      ["claim.edited", A, null, null, { field: "assignee", from: { id: A, name: any }, to: { id: R, name: any }, bulk: true, version: 16 }],
      ["claim.deleted", R, null, null, { mentionIds: [c.mentions[0].annotationId], version: 17 }],
      ["claim.restored", w.admin.id, null, null, { reattached: [c.mentions[0].annotationId], notReattached: [], version: 18 }],
      ["claim.merged", R, null, d.id, expect.objectContaining({ from: d.id, fromStatement: "a third of their customers", fromReviewState: "in-review", mentions: 1, relationsDropped: [], version: 19 })],
    ]);
    // The other end of a relation and the bulk submit were recorded on claim d.
    expect(feed.filter((f) => f.claimId === d.id).map((f) => f.kind)).toEqual(
      expect.arrayContaining(["claim.relation-added", "claim.relation-removed", "claim.review-state"]),
    );
    expect(new Set(c.events.map((e) => e.kind))).toEqual(
      new Set(["created", "edited", "mention-added", "mention-removed", "verdict", "source-added", "source-removed", "relation-added", "relation-removed", "review-state", "commented", "deleted", "restored", "merged"]),
    );
  });

  it("no code in the app updates or deletes claim events", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? (e.name === "generated" || e.name === "node_modules" ? [] : files(join(dir, e.name))) : /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
      );
    // The feed's seq is set by its trigger (migration change_feed), never by the app.
    const writes = /\.change\.(update|updateMany|upsert|delete|deleteMany)\b|(UPDATE|DELETE FROM)\s+"Change"/i;
    const offenders = [...files("lib"), ...files("app"), ...files("scripts")].filter((f) => writes.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
