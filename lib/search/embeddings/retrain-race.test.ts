import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { writeTinyModel } from "@/lib/testing/tiny-embedding-model";
import { seededRandom } from "@/lib/seeded-random";
import { loadEmbedder } from "./model";
import { dequantise } from "./quantise";
import { assignPending, probesFor, trainIndex } from "./vector-index";
import { embedDueTexts } from "./worker";

/**
 * A retrain takes its snapshot of the workspace's vectors, computes new centroids in Node for a while and
 * only then writes them. Meanwhile another instance's worker tick stores vectors and files the pending ones
 * under the centroids still stored, the old ones. The hook runs that tick at the one moment it matters:
 * between the snapshot and the write, inside the (otherwise unchanged) k-means training.
 */
const race = vi.hoisted(() => ({ duringTraining: null as (() => Promise<void>) | null }));
vi.mock("./kmeans", async (importOriginal) => {
  const kmeans = await importOriginal<typeof import("./kmeans")>();
  return {
    ...kmeans,
    trainCentroids: async (...args: Parameters<typeof kmeans.trainCentroids>) => {
      const hook = race.duringTraining;
      race.duringTraining = null;
      if (hook) await hook();
      return kmeans.trainCentroids(...args);
    },
  };
});

const AXES = ["war", "russia", "ukraine", "festival", "weather", "economy", "music", "sport"];
const WORDS = Object.fromEntries(AXES.map((w, i) => [w, AXES.map((_, d) => (d === i ? 1 : 0))]));
const random = seededRandom(1103);
/** n statements of two to three words drawn from the given axes (repeats weigh a word more). */
const statements = (n: number, axes: number[]) =>
  Array.from({ length: n }, () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => AXES[axes[Math.floor(random() * axes.length)]!]).join(" "));

/**
 * Embeds everything due, then files this workspace's pending vectors. A worker tick files only the ten
 * workspaces with the most pending vectors: in the whole suite's database other files' workspaces may come
 * first (CI failed so once), so the test files its own workspace's itself, as the next tick would.
 */
async function drain(workspaceId: string, fingerprint: string): Promise<void> {
  while ((await embedDueTexts()) > 0);
  while ((await assignPending(workspaceId, fingerprint)) > 0);
}

beforeAll(async () => {
  process.env.EMBEDDING_MODEL_DIR = writeTinyModel(path.join(mkdtempSync(path.join(tmpdir(), "ct-retrain-")), "tiny"), { words: WORDS });
});

afterAll(async () => {
  delete process.env.EMBEDDING_MODEL_DIR;
  await db.embeddingModel.deleteMany();
  await db.embeddingJob.deleteMany();
});

describe("a retrain racing another instance's worker", () => {
  it("vectors stored or rewritten and filed under the old centroids while a retrain runs are pending again after it, then filed under the new ones", async () => {
    const { workspace, admin } = await makeWorkspace();
    const fingerprint = (await loadEmbedder())!.fingerprint;
    const addClaims = (texts: string[]) =>
      db.claim.createManyAndReturn({ data: texts.map((statement) => ({ workspaceId: workspace.id, statement, language: "en", createdById: admin.id })), select: { id: true } });
    // The first index: claims about war and the countries (three lists), then claims about other things filed under it.
    const first = await addClaims(statements(600, [0, 1, 2, 3]));
    await drain(workspace.id, fingerprint);
    expect(await trainIndex(workspace.id, fingerprint)).toBe(600);
    await addClaims(statements(500, [4, 5, 6, 7]));
    await drain(workspace.id, fingerprint);
    expect(await db.claimEmbedding.count({ where: { workspaceId: workspace.id, list: -1 } })).toBe(0);
    const old = await db.embeddingIndex.findUniqueOrThrow({ where: { workspaceId: workspace.id } });
    expect(old.lists).toBe(3);

    // During the retrain: a new claim, and an edit of one in the retrain's snapshot, embedded and filed by another tick.
    const edited = first[0]!.id;
    let added = "";
    race.duringTraining = async () => {
      added = (await addClaims(["sport music weather"]))[0]!.id;
      await db.claim.update({ where: { id: edited }, data: { statement: "economy music sport" } });
      expect(await embedDueTexts()).toBeGreaterThanOrEqual(2);
      // The tick files this workspace's pending vectors (a tick takes the ten workspaces with the most pending:
      // in the whole suite's database other files' workspaces may come first, so it is called for this one).
      await assignPending(workspace.id, fingerprint);
      const filed = await db.claimEmbedding.findMany({ where: { claimId: { in: [added, edited] } }, select: { list: true } });
      // The race happened: both are filed, under the centroids the retrain is about to replace.
      expect(filed.map((r) => r.list).filter((l) => l >= 0)).toHaveLength(2);
      expect((await db.embeddingIndex.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).trainedAt).toEqual(old.trainedAt);
    };
    // The edited vector is in the snapshot with its old text's time, so the retrain doesn't file it either.
    expect(await trainIndex(workspace.id, fingerprint)).toBe(1099);
    expect(race.duringTraining).toBeNull();
    const retrained = await db.embeddingIndex.findUniqueOrThrow({ where: { workspaceId: workspace.id } });
    expect(retrained.lists).toBe(5);

    // Both are pending again (read by every query meanwhile), not left in a list of centroids no longer stored.
    const pending = await db.claimEmbedding.findMany({ where: { workspaceId: workspace.id, list: -1 }, select: { claimId: true } });
    expect(pending.map((r) => r.claimId).sort()).toEqual([added, edited].sort());
    await drain(workspace.id, fingerprint);
    // Filed now under the stored centroids, each in its nearest list (the ones the retrain filed were assigned
    // with its float centroids, which a near tie may put in another list than the stored int8 ones would).
    expect(await db.claimEmbedding.count({ where: { workspaceId: workspace.id, list: -1 } })).toBe(0);
    for (const r of await db.claimEmbedding.findMany({ where: { claimId: { in: [added, edited] } }, select: { vector: true, scale: true, list: true } })) {
      expect(r.list).toBe((await probesFor(workspace.id, fingerprint, dequantise(r.vector, r.scale), 1))[0]);
    }
  });
});
