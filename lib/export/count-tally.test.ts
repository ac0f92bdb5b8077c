import { describe, expect, it } from "vitest";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { restoreAnnotation } from "@/lib/annotations/restore-annotation";
import { deleteClaim, restoreClaim } from "@/lib/claims/delete-claim";
import { mergeClaims } from "@/lib/claims/merge-claims";
import { claimWorld } from "@/lib/claims/test-world";
import { db } from "@/lib/db/client";
import { countBySearch, countExportSet, exportSet } from "./export-set";
import type { ExportFiltersInput } from "./filters";

/**
 * The export page's count of the whole workspace reads the counts the database keeps (migration
 * workspace_content_tally); after each kind of change it must equal counting the set's rows.
 */
describe("the whole-workspace export count from the kept tallies", () => {
  it("equals counting the rows after highlights, claims, merges, deletions, restores and a removed article", async () => {
    const w = await claimWorld();
    const access = await w.as(w.admin);
    const agree = async (expected: { articles: number; annotations: number; claims: number }) => {
      const kept = await countExportSet(access, {});
      expect(kept).toEqual(await countBySearch(exportSet(access, {})));
      expect(kept).toEqual(expected);
    };
    await agree({ articles: 1, annotations: 0, claims: 0 });

    const plain = await w.highlight("Traders say");
    const bridge = await w.claim("The bridge carries about 40,000 vehicles a day");
    const second = await w.article();
    const repairs = await w.claim("The repairs are expected to cost €12 million", { on: second });
    const twin = await w.claim("Unemployment fell to 4.1 percent last year", { on: second });
    await agree({ articles: 2, annotations: 4, claims: 3 });

    await deleteAnnotation(access, w.first.id, plain.id);
    await agree({ articles: 2, annotations: 3, claims: 3 });
    await restoreAnnotation(access, w.first.id, plain.id);
    await agree({ articles: 2, annotations: 4, claims: 3 });

    // A deleted claim's mention stays, as a plain highlight.
    const deleted = await deleteClaim(access, repairs.id, { version: repairs.version });
    await agree({ articles: 2, annotations: 4, claims: 2 });
    await restoreClaim(access, deleted.id);
    await agree({ articles: 2, annotations: 4, claims: 3 });

    // A merge moves the mention to the survivor: one claim fewer, as many highlights.
    const current = await db.claim.findUniqueOrThrow({ where: { id: bridge.id }, select: { version: true } });
    await mergeClaims(access, bridge.id, { from: twin.id, version: current.version });
    await agree({ articles: 2, annotations: 4, claims: 2 });

    // A highlight still attached to a claim that stopped standing (not something the app leaves; a repair or an
    // older import might) is out of the set, as the row count has it: merged or deleted.
    await db.$executeRaw`UPDATE "Claim" SET "deletedAt" = now() WHERE id = ${repairs.id}`;
    await agree({ articles: 2, annotations: 3, claims: 1 });
    await db.$executeRaw`UPDATE "Claim" SET "deletedAt" = NULL, "mergedIntoId" = ${bridge.id} WHERE id = ${repairs.id}`;
    await agree({ articles: 2, annotations: 3, claims: 1 });
    await db.$executeRaw`UPDATE "Claim" SET "mergedIntoId" = NULL WHERE id = ${repairs.id}`;
    await agree({ articles: 2, annotations: 4, claims: 2 });

    // A claim removed by hand: the foreign key detaches its mention, which stays as a plain highlight.
    await db.claim.delete({ where: { id: repairs.id } });
    await agree({ articles: 2, annotations: 4, claims: 1 });

    // An article removed takes its highlights with it.
    await db.article.delete({ where: { id: second.id } });
    await agree({ articles: 1, annotations: 2, claims: 1 });
  });

  it("deleting, restoring and merging claims leave the workspace's count row unwritten: no lock there to deadlock on", async () => {
    const w = await claimWorld();
    const access = await w.as(w.admin);
    const one = await w.claim("The bridge carries about 40,000 vehicles a day");
    const two = await w.claim("Traders say the closure will cost them a third of their customers");
    const written = async () => (await db.$queryRaw<{ x: string }[]>`SELECT xmin::text AS x FROM "WorkspaceContentTally" WHERE "workspaceId" = ${w.workspace.id}`)[0].x;
    const before = await written();
    const deleted = await deleteClaim(access, one.id, { version: one.version });
    await restoreClaim(access, deleted.id);
    const current = await db.claim.findUniqueOrThrow({ where: { id: two.id }, select: { version: true } });
    await mergeClaims(access, two.id, { from: one.id, version: current.version });
    expect(await written()).toBe(before);
    expect(await countExportSet(access, {})).toEqual(await countBySearch(exportSet(access, {})));
  });

  it("a set narrowed by claim filters is counted in one statement, as counting each row against the filters does", async () => {
    const w = await claimWorld();
    const access = await w.as(w.viewer);
    const second = await w.article();
    const bridge = await w.claim("The bridge carries about 40,000 vehicles a day");
    const tolls = await w.claim("Traders say", { on: second });
    await w.claim("Traders say the closure will cost them a third of their customers");
    await w.highlight("The repairs");
    // A second mention of one claim on another article, and a deleted mention.
    const more = await w.claim("The repairs are expected to cost €12 million", { on: second });
    await db.annotation.updateMany({ where: { claimId: more.id }, data: { claimId: bridge.id } });
    await db.$executeRaw`UPDATE "Claim" SET "verdict" = 'false', "claimant" = 'Port authority' WHERE id = ${bridge.id}`;
    await db.$executeRaw`UPDATE "Claim" SET "verdict" = 'true' WHERE id = ${tolls.id}`;
    const gone = await w.claim("Unemployment fell to 4.1 percent last year", { on: second });
    await db.$executeRaw`UPDATE "Claim" SET "verdict" = 'false' WHERE id = ${gone.id}`;
    await db.$executeRaw`UPDATE "Annotation" SET "deletedAt" = now() WHERE "claimId" = ${gone.id}`;
    const filters: ExportFiltersInput[] = [{ verdict: ["false"] }, { verdict: ["none"] }, { verdict: ["true", "none"] }, { withVerdict: true }, { claimant: "port" }, { verdict: ["false"], articles: [second.id] }, { verdict: ["false"], articles: [w.first.id] }, { reviewState: ["approved"] }];
    for (const f of filters) expect(await countExportSet(access, f), JSON.stringify(f)).toEqual(await countBySearch(exportSet(access, f)));
    expect(await countExportSet(access, { verdict: ["false"] })).toEqual({ articles: 2, annotations: 2, claims: 2 });
  });

  it("a filter or chosen articles count the rows; a workspace without articles still holds its claims", async () => {
    const w = await claimWorld();
    const access = await w.as(w.viewer);
    await w.claim("The bridge carries about 40,000 vehicles a day");
    expect(await countExportSet(access, { verdict: ["none"] })).toEqual({ articles: 1, annotations: 1, claims: 1 });
    expect(await countExportSet(access, { verdict: ["false"] })).toEqual({ articles: 0, annotations: 0, claims: 0 });
    expect(await countExportSet(access, { articles: [w.first.id] })).toEqual({ articles: 1, annotations: 1, claims: 1 });
    await db.article.deleteMany({ where: { workspaceId: w.workspace.id } });
    expect(await countExportSet(access, {})).toEqual({ articles: 0, annotations: 0, claims: 1 });
    expect(await countBySearch(exportSet(access, {}))).toEqual({ articles: 0, annotations: 0, claims: 1 });
  });
});
