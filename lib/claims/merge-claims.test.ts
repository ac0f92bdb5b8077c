import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { attachMention } from "./attach-mention";
import { addComment } from "./comments";
import { getClaim } from "./get-claim";
import { mergeClaims } from "./merge-claims";
import { addRelation } from "./relations";
import { addSource } from "./sources";
import { updateClaim } from "./update-claim";
import { claimWorld, explanation, rejection, source } from "./test-world";
import type { ClaimDetail } from "./claim-dto";

async function counts(claimId: string) {
  return {
    mentions: await db.annotation.count({ where: { claimId } }),
    sources: await db.source.count({ where: { claimId } }),
    relations: await db.claimRelation.count({ where: { OR: [{ fromId: claimId }, { toId: claimId }] } }),
    events: await db.change.count({ where: { claimId } }),
    comments: await db.claimComment.count({ where: { claimId } }),
  };
}

describe("merging claims", () => {
  it("moves mentions, sources, comments, tags and relations to the survivor; nothing is lost; the merged claim redirects", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const reviewer = await w.as(w.reviewer);
    const second = await w.article();

    let survivor = await w.claim("about 40,000 vehicles a day", { tags: ["traffic"] });
    let merged = await w.claim("about 40,000 vehicles a day", { on: second, tags: ["traffic", "bridge"] });
    const third = await w.claim("a third of their customers");
    const fourth = await w.claim("€12 million");

    merged = await attachMention(a, merged.id, { annotationId: (await w.highlight("the council leader said on Monday", second)).id, version: merged.version });
    merged = await addSource(a, merged.id, source(merged.version, { title: "Council minutes" }));
    survivor = await addSource(a, survivor.id, source(survivor.version));
    // Relations: merged→third duplicates survivor→third (dropped); merged→survivor would be a self-relation (dropped);
    // fourth→merged is re-pointed to fourth→survivor.
    survivor = await addRelation(a, survivor.id, { toId: third.id, type: "supports", version: survivor.version });
    merged = await addRelation(a, merged.id, { toId: (await getClaim(a, third.id) as ClaimDetail).id, type: "supports", version: merged.version });
    merged = await addRelation(a, merged.id, { toId: survivor.id, type: "related", version: merged.version });
    const fourthNow = (await getClaim(a, fourth.id)) as ClaimDetail;
    await addRelation(a, fourth.id, { toId: merged.id, type: "contradicts", note: "Different year", version: fourthNow.version });
    await addComment(a, merged.id, { body: explanation("Same claim as the other one?") });
    merged = (await getClaim(a, merged.id)) as ClaimDetail;
    survivor = (await getClaim(a, survivor.id)) as ClaimDetail;

    const before = { survivor: await counts(survivor.id), merged: await counts(merged.id) };
    const eventsBefore = survivor.events.length + merged.events.length;

    await rejection(mergeClaims(a, survivor.id, { from: merged.id, version: survivor.version }), 403);
    await rejection(mergeClaims(reviewer, survivor.id, { from: survivor.id, version: survivor.version }), 400);
    const result = await mergeClaims(reviewer, survivor.id, { from: merged.id, version: survivor.version });

    const after = { survivor: await counts(survivor.id), merged: await counts(merged.id) };
    expect(after.survivor.mentions).toBe(before.survivor.mentions + before.merged.mentions);
    expect(after.survivor.sources).toBe(before.survivor.sources + before.merged.sources);
    expect(after.survivor.comments).toBe(before.survivor.comments + before.merged.comments);
    expect(after.merged).toMatchObject({ mentions: 0, sources: 0, relations: 0, comments: 0 });
    // survivor→third (kept), fourth→survivor (re-pointed); merged→third (duplicate) and merged→survivor (self) dropped.
    expect(result.relations.map((r) => [r.direction, r.type, r.other.id]).sort()).toEqual(
      [
        ["incoming", "contradicts", fourth.id],
        ["outgoing", "supports", third.id],
      ].sort(),
    );
    expect(await db.claimRelation.count({ where: { fromId: { in: [survivor.id, merged.id] }, toId: { in: [survivor.id, merged.id] } } })).toBe(0);
    expect(result.tags.sort()).toEqual(["bridge", "traffic"]);

    // History: both claims' events plus one `merged` event, none rewritten.
    expect(result.events).toHaveLength(eventsBefore + 1);
    expect(result.events[0]).toMatchObject({
      kind: "merged",
      claimId: survivor.id,
      actor: { id: w.reviewer.id },
      data: { from: merged.id, mentions: 2, sources: 1, relations: 1, tagsAdded: ["bridge"], comments: 1 },
    });
    expect((result.events[0].data.relationsDropped as { reason: string }[]).map((d) => d.reason).sort()).toEqual(["duplicate", "self"]);
    expect(after.merged.events).toBe(before.merged.events);

    expect(await getClaim(a, merged.id)).toEqual({ redirectTo: survivor.id });
    const row = await db.claim.findUniqueOrThrow({ where: { id: merged.id } });
    expect(row.mergedIntoId).toBe(survivor.id);
    expect(row.mergedAt).toBeInstanceOf(Date);
    await rejection(updateClaim(a, merged.id, { statement: "x", version: row.version }), 409);
    expect(result.mergedFrom.map((m) => m.id)).toEqual([merged.id]);
  });

  it("a merge based on a stale version of the survivor is refused, and nothing moves", async () => {
    const w = await claimWorld();
    const survivor = await w.claim("about 40,000 vehicles a day");
    const other = await w.claim("a third of their customers");
    await updateClaim(await w.as(w.annotator), survivor.id, { tags: ["x"], version: survivor.version });
    await rejection(mergeClaims(await w.as(w.reviewer), survivor.id, { from: other.id, version: survivor.version }), 409);
    expect(await counts(other.id)).toMatchObject({ mentions: 1 });
    expect((await db.claim.findUniqueOrThrow({ where: { id: other.id } })).mergedIntoId).toBeNull();
  });
});
