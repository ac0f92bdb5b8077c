import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { StaleClaimProblem } from "./claim-dto";
import { attachMention } from "./attach-mention";
import { createClaim } from "./create-claim";
import { mergeClaims } from "./merge-claims";
import { setVerdict } from "./set-verdict";
import { addSource } from "./sources";
import { updateClaim } from "./update-claim";
import { claimWorld, rejection, source } from "./test-world";

describe("concurrent edits", () => {
  it("two clients editing the same version: exactly one succeeds, the other gets 409 with what changed", async () => {
    const w = await claimWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const [alice, bob] = [await w.as(w.annotator), await w.as(w.reviewer)];
    const results = await Promise.allSettled([
      updateClaim(alice, c.id, { statement: "Alice's wording", version: c.version }),
      updateClaim(bob, c.id, { statement: "Bob's wording", claimant: "Council leader", version: c.version }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const err = await rejection(Promise.reject((lost[0] as PromiseRejectedResult).reason), 409);
    const body = err.extra as unknown as StaleClaimProblem;
    const row = await db.claim.findUniqueOrThrow({ where: { id: c.id } });
    expect(body.currentVersion).toBe(2);
    expect(row.version).toBe(2);
    expect(body.changes.find((x) => x.field === "statement")?.value).toBe(row.statement);
    // Never a silent overwrite: only the winner's edits are stored, and only the winner's events.
    const edits = await db.change.findMany({ where: { claimId: c.id, kind: "claim.edited" } });
    expect(edits.every((e) => e.actorId === (row.statement === "Alice's wording" ? w.annotator.id : w.reviewer.id))).toBe(true);
  });

  it("two reviewers merging the same pair in opposite directions at once: one merge, the other a 409, never a deadlock (black-box, session 32)", async () => {
    const w = await claimWorld();
    const [tess, rex] = [await w.as(w.reviewer), await w.as(w.admin)];
    for (let round = 0; round < 4; round++) {
      const on = await w.article();
      const a = await w.claim("about 40,000 vehicles a day", { on });
      const b = await w.claim("a third of their customers", { on });
      const results = await Promise.allSettled([mergeClaims(tess, a.id, { from: b.id, version: a.version }), mergeClaims(rex, b.id, { from: a.id, version: b.version })]);
      expect(results.filter((r) => r.status === "fulfilled"), `round ${round}`).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason, `round ${round}`).toMatchObject({ status: 409 });
      const rows = await db.claim.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, mergedIntoId: true } });
      // One stands, the other points at it: no cycle.
      expect(rows.filter((r) => r.mergedIntoId === null)).toHaveLength(1);
      expect(rows.find((r) => r.mergedIntoId !== null)!.mergedIntoId).toBe(rows.find((r) => r.mergedIntoId === null)!.id);
    }
  });

  it("a stale verdict or source is refused and told which fields changed, by whom, with their current values", async () => {
    const w = await claimWorld();
    const annotator = await w.as(w.annotator);
    const c = await w.claim("a third of their customers");
    const after = await updateClaim(await w.as(w.reviewer), c.id, { claimant: "Traders' association", tags: ["economy"], version: c.version });
    const err = await rejection(setVerdict(annotator, c.id, { verdict: "false", version: c.version }), 409);
    expect(err.message).toMatch(/version 1, it is now 2/);
    expect(err.extra).toMatchObject({
      currentVersion: 2,
      changes: expect.arrayContaining([
        expect.objectContaining({ field: "claimant", value: "Traders' association", by: { id: w.reviewer.id, name: expect.any(String) } }),
        expect.objectContaining({ field: "tags", value: ["economy"] }),
      ]),
    });
    await rejection(addSource(annotator, c.id, source(c.version)), 409);
    expect(await db.source.count({ where: { claimId: c.id } })).toBe(0);
    await addSource(annotator, c.id, source(after.version));
  });

  it("every change bumps the version", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    let c = await w.claim("€12 million");
    const versions = [c.version];
    c = await updateClaim(a, c.id, { tags: ["budget"], version: c.version });
    versions.push(c.version);
    c = await addSource(a, c.id, source(c.version));
    versions.push(c.version);
    c = await attachMention(a, c.id, { annotationId: (await w.highlight("regional fund")).id, version: c.version });
    versions.push(c.version);
    expect(versions).toEqual([1, 2, 3, 4]);
    // A no-op edit writes nothing.
    c = await updateClaim(a, c.id, { tags: ["budget"], version: c.version });
    expect(c.version).toBe(4);
  });

  it("a highlight becomes a mention of one claim only, even when two people claim it at once", async () => {
    const w = await claimWorld();
    const h = await w.highlight("Unemployment fell to 4.1 percent");
    const results = await Promise.allSettled([
      createClaim(await w.as(w.annotator), { annotationId: h.id }),
      createClaim(await w.as(w.reviewer), { annotationId: h.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.claim.count({ where: { workspaceId: w.workspace.id } })).toBe(1);
    const other = await w.claim("the minister claimed");
    await rejection(attachMention(await w.as(w.annotator), other.id, { annotationId: h.id, version: other.version }), 409);
  });
});
