import { db, PREPARED } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { seededRandom } from "@/lib/seeded-random";
import { assignRows, nearestLists, trainCentroids } from "./kmeans";
import { centroidsOf, storedCentroids } from "./centroids";
import { dequantise, int8View, quantise } from "./quantise";

/**
 * The approximate nearest-neighbour index of matching by meaning: an
 * inverted file (IVF) per workspace, without pgvector. Spherical k-means
 * centroids (table "EmbeddingIndex", one row per workspace, int8) split the
 * workspace's vectors into lists of about LIST_SIZE ("ClaimEmbedding"."list");
 * a query compares itself with the centroids in Node and reads only the
 * NPROBE nearest lists, through a B-tree on (workspace, model, list) that
 * carries the vectors (as trailing keys), so a list is read from consecutive index
 * pages. Vectors stored since the last training wait in list -1 ("pending")
 * and are read by every query, until the worker assigns them (a few seconds).
 *
 * Training runs in the embeddings worker: when a workspace first has TRAIN_AT
 * vectors (below that a query reads all of them, which is cheap), and again
 * whenever it has doubled since, so the lists stay near LIST_SIZE and the
 * total training work is a few times the workspace's size. One instance
 * trains a workspace at a time (a lease on its row); the final write and the
 * assignment of pending vectors take the same transaction-scoped lock, so
 * a vector is never given a list of centroids that are no longer stored.
 */

/** Vectors per list the centroids aim at. */
export const LIST_SIZE = 256;
/** Lists at most: beyond LIST_SIZE × MAX_LISTS vectors (262k) the lists grow instead. */
export const MAX_LISTS = 1024;
/** A workspace with fewer vectors has no index: queries read them all. */
export const TRAIN_AT = 1024;
/** Lists a query reads. */
export const NPROBE = 8;
/** Vectors a query reads from its lists at most (lists are uneven), and pending ones at most. */
const PROBE_READ = NPROBE * LIST_SIZE;
const PENDING_READ = TRAIN_AT * 2;
/**
 * k-means runs on a seeded sample of this many vectors per list, and at least
 * SAMPLE_MIN (a small workspace is trained on all of its vectors: every group
 * of near vectors then pulls a centroid), for this many rounds.
 */
const SAMPLE_PER_LIST = 16;
const SAMPLE_MIN = 10_000;
const ITERATIONS = 5;
const ASSIGN_BATCH = 1024;
const TRAIN_LEASE_MS = 30 * 60_000;
const READ_PAGE = 10_000;

export type StoredVector = { claimId: string; vector: Uint8Array; scale: number };

type IndexRow = { lists: number; centroids: Uint8Array; scales: Uint8Array };

/** The lists the query's nearest neighbours are probably in, nearest first (none: no index). */
export async function probesFor(workspaceId: string, fingerprint: string, query: Float32Array, nprobe = NPROBE): Promise<number[]> {
  const index = await storedCentroids(workspaceId, fingerprint);
  return index ? nearestLists(query, index.centroids, index.scales, nprobe) : [];
}

/**
 * The vectors a query compares itself with: its probed lists' (nearest list
 * first) and the pending ones. Claims deleted or merged are not filtered here
 * (the caller checks the few it keeps), nor is the work any larger for a
 * larger workspace: at most PROBE_READ + PENDING_READ rows.
 */
export async function candidateVectors(workspaceId: string, fingerprint: string, query: Float32Array): Promise<StoredVector[]> {
  const probes = await probesFor(workspaceId, fingerprint, query);
  // One row of arrays and one concatenated bytea: decoding thousands of rows costs the driver more than reading them.
  // Prepared (planned once per connection), and the vectors come back as base64 text: decoding a large bytea
  // through the driver adapter cost more Node CPU than the whole comparison.
  const [got] = await db.$queryRaw<{ ids: string[] | null; scales: number[] | null; vectors: string | null }[]>`${Prisma.raw(PREPARED)}
    SELECT array_agg(c."claimId") AS ids, array_agg(c."scale") AS scales, encode(string_agg(c."vector", ''::bytea), 'base64') AS vectors FROM (
      (SELECT e."claimId", e."vector", e."scale" FROM "ClaimEmbedding" e
        WHERE e."workspaceId" = ${workspaceId} AND e."fingerprint" = ${fingerprint} AND e."list" = -1
        LIMIT ${PENDING_READ})
      UNION ALL
      (SELECT e."claimId", e."vector", e."scale" FROM unnest(${probes}::int[]) WITH ORDINALITY p(list, n)
        CROSS JOIN LATERAL (
          SELECT x."claimId", x."vector", x."scale" FROM "ClaimEmbedding" x
          WHERE x."workspaceId" = ${workspaceId} AND x."fingerprint" = ${fingerprint} AND x."list" = p.list
        ) e
        ORDER BY p.n LIMIT ${PROBE_READ})
    ) c`;
  if (!got?.ids || got.vectors === null || !got.scales) return [];
  const bytes = Buffer.from(got.vectors, "base64");
  // Every vector of one model has the same length (another model's are deleted when it becomes active).
  const dim = bytes.byteLength / got.ids.length;
  return got.ids.map((claimId, i) => ({ claimId, scale: got.scales![i]!, vector: bytes.subarray(i * dim, (i + 1) * dim) }));
}

type Snapshot = { kind: string; sourceId: string; vector: Uint8Array; embeddedAt: Date };

/** Every vector of the workspace for this model, read a page at a time. */
async function readAll(workspaceId: string, fingerprint: string): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  let after: [string, string] = ["", ""];
  for (;;) {
    const page = await db.$queryRaw<Snapshot[]>`
      SELECT "kind", "sourceId", "vector", "embeddedAt" FROM "ClaimEmbedding"
      WHERE "workspaceId" = ${workspaceId} AND "fingerprint" = ${fingerprint} AND ("kind", "sourceId") > (${after[0]}, ${after[1]})
      ORDER BY "kind", "sourceId" LIMIT ${READ_PAGE}`;
    out.push(...page);
    if (page.length < READ_PAGE) return out;
    const last = page[page.length - 1]!;
    after = [last.kind, last.sourceId];
  }
}

/** Sets each snapshot row's list, unless its vector was rewritten since it was read (then it stays pending). */
async function writeLists(tx: Pick<typeof db, "$executeRaw">, rows: Snapshot[], lists: ArrayLike<number>): Promise<number> {
  return tx.$executeRaw`
    UPDATE "ClaimEmbedding" e SET "list" = u.list
    FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.sourceId)}::text[], ${Array.from(lists)}::int[],
      ${rows.map((r) => r.embeddedAt.toISOString())}::timestamptz[]) AS u(kind, source, list, at)
    WHERE e."kind" = u.kind AND e."sourceId" = u.source AND e."embeddedAt" = (u.at AT TIME ZONE 'UTC')`;
}

/**
 * Trains the workspace's centroids afresh and files every vector under one;
 * returns how many vectors it filed, or null when another instance holds the
 * workspace's training lease.
 */
export async function trainIndex(workspaceId: string, fingerprint: string): Promise<number | null> {
  const leased = await db.$queryRaw<unknown[]>`
    INSERT INTO "EmbeddingIndex" ("workspaceId", "fingerprint", "leaseUntil")
    VALUES (${workspaceId}, ${fingerprint}, clock_timestamp() + ${TRAIN_LEASE_MS} * interval '1 millisecond')
    ON CONFLICT ("workspaceId") DO UPDATE SET "leaseUntil" = excluded."leaseUntil"
      WHERE "EmbeddingIndex"."leaseUntil" IS NULL OR "EmbeddingIndex"."leaseUntil" < clock_timestamp()
    RETURNING 1`;
  if (leased.length === 0) return null;
  try {
    const rows = await readAll(workspaceId, fingerprint);
    if (rows.length === 0) return 0;
    const dim = rows[0]!.vector.byteLength;
    const usable = rows.filter((r) => r.vector.byteLength === dim);
    const data = new Int8Array(usable.length * dim);
    usable.forEach((r, i) => data.set(int8View(r.vector), i * dim));
    const matrix = { data, rows: usable.length, dim };
    const k = Math.max(1, Math.min(MAX_LISTS, Math.ceil(usable.length / LIST_SIZE)));
    // A seeded sample: the same vectors give the same lists in every process.
    const random = seededRandom(0x1f1f);
    const all = Int32Array.from({ length: usable.length }, (_, i) => i);
    const size = Math.min(usable.length, Math.max(SAMPLE_MIN, k * SAMPLE_PER_LIST));
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(random() * (all.length - i));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    const centroids = await trainCentroids(matrix, all.subarray(0, size), k, ITERATIONS, random);
    const lists = await assignRows(matrix, centroids, k);
    const stored = new Uint8Array(k * dim);
    const scales = new Uint8Array(k * 4);
    const scaleView = new DataView(scales.buffer);
    for (let c = 0; c < k; c++) {
      const q = quantise(centroids.subarray(c * dim, (c + 1) * dim));
      stored.set(q.bytes, c * dim);
      scaleView.setFloat32(c * 4, q.scale, true);
    }
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('claimtrail.embedding-index'), hashtext(${workspaceId}))`;
        await tx.$executeRaw`
          UPDATE "EmbeddingIndex" SET "fingerprint" = ${fingerprint}, "lists" = ${k}, "centroids" = ${Buffer.from(stored)}, "scales" = ${Buffer.from(scales)},
            "trainedCount" = ${usable.length}, "vectors" = ${usable.length}, "trainedAt" = now(), "leaseUntil" = NULL
          WHERE "workspaceId" = ${workspaceId}`;
        // Vectors stored or rewritten after the snapshot may have been filed meanwhile under the old centroids:
        // pending again. A rewritten one is in the snapshot by its key but with its older time, and writeLists
        // leaves it alone, so it is matched on the time too (retrain-race.test.ts).
        await tx.$executeRaw`
          UPDATE "ClaimEmbedding" e SET "list" = -1
          WHERE e."workspaceId" = ${workspaceId} AND e."fingerprint" = ${fingerprint} AND e."list" <> -1
            AND NOT EXISTS (SELECT 1 FROM unnest(${usable.map((r) => r.kind)}::text[], ${usable.map((r) => r.sourceId)}::text[],
                ${usable.map((r) => r.embeddedAt.toISOString())}::timestamptz[]) AS u(kind, source, at)
              WHERE u.kind = e."kind" AND u.source = e."sourceId" AND e."embeddedAt" = (u.at AT TIME ZONE 'UTC'))`;
        return writeLists(tx, usable, lists);
      },
      { timeout: 120_000 },
    );
  } catch (err) {
    await db.$executeRaw`UPDATE "EmbeddingIndex" SET "leaseUntil" = NULL WHERE "workspaceId" = ${workspaceId}`;
    throw err;
  }
}

/** Files up to ASSIGN_BATCH pending vectors under their nearest list; returns how many. */
export async function assignPending(workspaceId: string, fingerprint: string): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('claimtrail.embedding-index'), hashtext(${workspaceId}))`;
      const [index] = await tx.$queryRaw<IndexRow[]>`
        SELECT "lists", "centroids", "scales" FROM "EmbeddingIndex"
        WHERE "workspaceId" = ${workspaceId} AND "fingerprint" = ${fingerprint} AND "lists" > 0`;
      if (!index) return 0;
      const { centroids, scales } = centroidsOf(index);
      const rows = await tx.$queryRaw<(Snapshot & { scale: number })[]>`
        SELECT "kind", "sourceId", "vector", "scale", "embeddedAt" FROM "ClaimEmbedding"
        WHERE "workspaceId" = ${workspaceId} AND "fingerprint" = ${fingerprint} AND "list" = -1
        LIMIT ${ASSIGN_BATCH}`;
      const dim = centroids.length / index.lists;
      const fit = rows.filter((r) => r.vector.byteLength === dim);
      if (fit.length === 0) return 0;
      const lists = fit.map((r) => nearestLists(dequantise(r.vector, r.scale), centroids, scales, 1)[0]!);
      const n = await writeLists(tx, fit, lists);
      await tx.$executeRaw`UPDATE "EmbeddingIndex" SET "vectors" = "vectors" + ${n} WHERE "workspaceId" = ${workspaceId}`;
      return n;
    },
    { timeout: 60_000 },
  );
}

/**
 * One step of upkeep for the workspaces with pending vectors of this model:
 * train (first time, or doubled since) or file the pending vectors. Returns
 * the vectors filed (0: nothing to do now).
 */
export async function maintainIndexes(fingerprint: string): Promise<number> {
  const workspaces = await db.$queryRaw<{ workspaceId: string; pending: number }[]>`
    SELECT "workspaceId", count(*)::int AS pending FROM (
      SELECT "workspaceId" FROM "ClaimEmbedding" WHERE "list" = -1 AND "fingerprint" = ${fingerprint} LIMIT 100000
    ) p GROUP BY 1 ORDER BY 2 DESC LIMIT 10`;
  let done = 0;
  for (const { workspaceId, pending } of workspaces) {
    const [index] = await db.$queryRaw<{ lists: number; trainedCount: number; vectors: number }[]>`
      SELECT "lists", "trainedCount", "vectors" FROM "EmbeddingIndex" WHERE "workspaceId" = ${workspaceId} AND "fingerprint" = ${fingerprint}`;
    const trained = index && index.lists > 0 ? index : null;
    const due = trained ? trained.vectors + pending >= 2 * trained.trainedCount : pending >= TRAIN_AT;
    const trainedNow = due ? await trainIndex(workspaceId, fingerprint) : null;
    if (trainedNow !== null) done += trainedNow;
    else if (trained) done += await assignPending(workspaceId, fingerprint);
  }
  return done;
}
