import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";

/**
 * The embedding jobs come from four statement triggers (migration set_based_postings_embeddings), the only
 * enqueue path since the per-row one was dropped (migration drop_per_row_embedding_enqueue): every way a
 * statement or a linked quote is written, one row or many in one statement, queues exactly the texts that
 * changed, and nothing else.
 */

/** The jobs queued since the last call, as kind:id, and the queue emptied for the next step. */
async function queued(): Promise<string[]> {
  const jobs = await db.embeddingJob.findMany({ select: { kind: true, sourceId: true } });
  await db.embeddingJob.deleteMany();
  return jobs.map((j) => `${j.kind}:${j.sourceId}`).sort();
}

beforeAll(async () => {
  // A model is active: without one the triggers queue nothing (embeddings.test.ts).
  await db.embeddingModel.create({ data: { id: 1, name: "triggers", fingerprint: "triggers@0000000000000000", dimension: 8 } });
  await db.embeddingJob.deleteMany();
});

afterAll(async () => {
  await db.embeddingModel.deleteMany();
  await db.embeddingJob.deleteMany();
});

describe("embedding jobs from the statement triggers", () => {
  it("no per-row embedding trigger or function is left", async () => {
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT t.tgname AS name FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND p.proname LIKE '%embedding%' AND (t.tgtype & 1) = 1`;
    expect(rows).toEqual([]);
    expect(await db.$queryRaw`SELECT proname FROM pg_proc WHERE proname = 'embedding_enqueue'`).toEqual([]);
  });

  it("claims: inserted one or many, statement edited one or many; other columns queue nothing", async () => {
    const { workspace, admin } = await makeWorkspace();
    const one = await db.claim.create({ data: { workspaceId: workspace.id, statement: "One", createdById: admin.id } });
    expect(await queued()).toEqual([`statement:${one.id}`]);
    const many = await db.claim.createManyAndReturn({
      data: ["Two", "Three", "Four"].map((statement) => ({ workspaceId: workspace.id, statement, createdById: admin.id })),
      select: { id: true },
    });
    expect(await queued()).toEqual(many.map((c) => `statement:${c.id}`).sort());

    await db.claim.update({ where: { id: one.id }, data: { statement: "One, edited" } });
    expect(await queued()).toEqual([`statement:${one.id}`]);
    // One statement over several claims, of which one keeps its text: only the changed ones.
    await db.$executeRaw`UPDATE "Claim" SET "statement" = CASE WHEN "statement" = 'Two' THEN 'Two' ELSE "statement" || '!' END
      WHERE "id" = ANY(${many.map((c) => c.id)}::text[])`;
    expect(await queued()).toEqual(many.slice(1).map((c) => `statement:${c.id}`).sort());

    await db.claim.updateMany({ where: { workspaceId: workspace.id }, data: { claimant: "Someone", verdict: "false" } });
    await db.claim.update({ where: { id: one.id }, data: { statement: "One, edited" } });
    expect(await queued()).toEqual([]);
  });

  it("quotes: inserted linked (not unlinked), linked, moved to another claim, re-quoted, deleted or restored; other columns queue nothing", async () => {
    const { workspace, admin } = await makeWorkspace();
    const [claim, other] = await db.claim.createManyAndReturn({
      data: ["A claim", "Another"].map((statement) => ({ workspaceId: workspace.id, statement, createdById: admin.id })),
      select: { id: true },
    });
    const article = await db.article.create({ data: { workspaceId: workspace.id, title: "A", doc: {}, text: "Kyiv weather today", contentHash: workspace.id } });
    await queued();
    const quote = (exact: string, claimId: string | null) => ({
      workspaceId: workspace.id, articleId: article.id, claimId, exact, prefix: "", suffix: "", start: 0, end: exact.length, anchoredRevision: 1,
    });

    const linked = await db.annotation.create({ data: quote("Kyiv", claim!.id) });
    const plain = await db.annotation.create({ data: quote("weather", null) });
    expect(await queued()).toEqual([`quote:${linked.id}`]);
    const batch = await db.annotation.createManyAndReturn({ data: [quote("Kyiv weather", claim!.id), quote("today", null), quote("weather today", other!.id)], select: { id: true, claimId: true } });
    expect(await queued()).toEqual(batch.filter((a) => a.claimId).map((a) => `quote:${a.id}`).sort());

    const each = [
      { data: { claimId: claim!.id }, id: plain.id }, // linked
      { data: { claimId: other!.id }, id: linked.id }, // moved
      { data: { exact: "Kyiv weather" }, id: linked.id }, // re-quoted
      { data: { deletedAt: new Date() }, id: linked.id }, // deleted (the worker drops its vector)
      { data: { deletedAt: null }, id: linked.id }, // restored
      { data: { claimId: null }, id: plain.id }, // unlinked (the worker drops its vector)
    ];
    for (const { data, id } of each) {
      await db.annotation.update({ where: { id }, data });
      expect(await queued(), JSON.stringify(data)).toEqual([`quote:${id}`]);
    }
    // Many at once: the ones whose claim changes.
    await db.annotation.updateMany({ where: { articleId: article.id, id: { in: batch.map((a) => a.id) } }, data: { claimId: claim!.id } });
    expect(await queued()).toEqual(batch.filter((a) => a.claimId !== claim!.id).map((a) => `quote:${a.id}`).sort());

    await db.annotation.updateMany({ where: { articleId: article.id }, data: { note: "checked" } });
    expect(await queued()).toEqual([]);
  });
});
