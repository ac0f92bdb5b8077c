import { describe, expect, it } from "vitest";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { db } from "@/lib/db/client";
import { attachMention } from "./attach-mention";
import { createClaim } from "./create-claim";
import { deleteClaim, restoreClaim } from "./delete-claim";
import { getClaim } from "./get-claim";
import { listClaims } from "./list-claims";
import { claimWorld, rejection } from "./test-world";

describe("deleting and restoring claims", () => {
  it("reviewers delete (mentions become plain highlights); admins restore, re-attaching the mentions still free", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    let c = await w.claim("about 40,000 vehicles a day");
    const kept = await w.highlight("a third of their customers");
    const reused = await w.highlight("€12 million");
    const removed = await w.highlight("regional fund");
    for (const h of [kept, reused, removed]) c = await attachMention(a, c.id, { annotationId: h.id, version: c.version });
    const mentionIds = c.mentions.map((m) => m.annotationId);

    await rejection(deleteClaim(a, c.id, { version: c.version }), 403);
    const deleted = await deleteClaim(await w.as(w.reviewer), c.id, { version: c.version });
    expect(await db.annotation.count({ where: { claimId: c.id } })).toBe(0);
    expect(await db.annotation.count({ where: { id: { in: mentionIds }, deletedAt: null } })).toBe(4);
    const event = await db.change.findFirstOrThrow({ where: { claimId: c.id, kind: "claim.deleted" } });
    expect((event.data as { mentionIds: string[] }).mentionIds.sort()).toEqual([...mentionIds].sort());

    await rejection(getClaim(a, c.id), 404);
    expect((await listClaims(a)).items.map((i) => i.id)).not.toContain(c.id);
    await rejection(updateAfterDelete(), 404);
    async function updateAfterDelete() {
      return attachMention(a, c.id, { annotationId: kept.id, version: deleted.version });
    }

    // Meanwhile one highlight becomes another claim, another is deleted.
    const other = await createClaim(a, { annotationId: reused.id });
    await deleteAnnotation(a, w.first.id, removed.id);

    await rejection(restoreClaim(await w.as(w.reviewer), c.id), 403);
    const admin = await w.as(w.admin);
    expect((await listClaims(admin, { deleted: true })).items.map((i) => i.id)).toEqual([c.id]);
    const restored = await restoreClaim(admin, c.id);
    expect(restored.deletedAt).toBeNull();
    expect(restored.mentions.map((m) => m.annotationId).sort()).toEqual(mentionIds.filter((id) => id !== reused.id && id !== removed.id).sort());
    expect(restored.events[0]).toMatchObject({ kind: "restored", actor: { id: w.admin.id } });
    expect((restored.events[0].data.notReattached as string[]).sort()).toEqual([reused.id, removed.id].sort());
    expect((await db.annotation.findUniqueOrThrow({ where: { id: reused.id } })).claimId).toBe(other.id);
  });
});
