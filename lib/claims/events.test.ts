import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
  const rows = await db.claimEvent.findMany({ where: { claim: { workspaceId } }, orderBy: { id: "asc" } });
  return new Map(rows.map((r) => [r.id, JSON.stringify({ claimId: r.claimId, actorId: r.actorId, kind: r.kind, data: r.data, createdAt: r.createdAt })]));
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
    expect(new Set(c.events.map((e) => e.kind))).toEqual(
      new Set(["created", "edited", "mention-added", "mention-removed", "verdict", "source-added", "source-removed", "relation-added", "relation-removed", "review-state", "commented", "deleted", "restored", "merged"]),
    );
  });

  it("no code in the app updates or deletes claim events", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? (e.name === "generated" || e.name === "node_modules" ? [] : files(join(dir, e.name))) : /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
      );
    const writes = /claimEvent\.(update|updateMany|upsert|delete|deleteMany)\b|(UPDATE|DELETE FROM)\s+"?ClaimEvent"?/i;
    const offenders = [...files("lib"), ...files("app"), ...files("scripts")].filter((f) => writes.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
