import { db, PREPARED } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { int8View } from "./quantise";

export type Centroids = { centroids: Int8Array; scales: Float32Array };

/** Decodes a stored index row: k int8 centroids (row after row) and k little-endian float32 scales. */
export function centroidsOf(row: { lists: number; centroids: Uint8Array; scales: Uint8Array }): Centroids {
  const scales = new Float32Array(row.lists);
  const view = new DataView(row.scales.buffer, row.scales.byteOffset, row.scales.byteLength);
  for (let i = 0; i < row.lists; i++) scales[i] = view.getFloat32(i * 4, true);
  return { centroids: int8View(row.centroids), scales };
}

/**
 * The centroids this process last read, per workspace. Up to 1,024 × 384 bytes each, read on every
 * suggestion otherwise; they change only when the workspace is trained again, which stamps "trainedAt".
 * Every read still asks the database (one row, by primary key) and gets the centroids back only when
 * the stamp differs from the one kept here, so an instance never uses centroids that another instance
 * has replaced. The stamp is a point in time rather than a counter: an index deleted (another model
 * activated) and trained again later for the same model can't repeat an old one.
 */
type Kept = Centroids & { fingerprint: string; trainedAt: string; bytes: number };
const kept = new Map<string, Kept>();
/** Least recently used workspaces are dropped beyond this many bytes of centroids. */
const KEPT_BYTES = 32 * 1024 * 1024;
let keptBytes = 0;

function keep(workspaceId: string, entry: Kept | null): void {
  const before = kept.get(workspaceId);
  if (before) {
    kept.delete(workspaceId);
    keptBytes -= before.bytes;
  }
  if (!entry) return;
  // Map order is insertion order: re-inserting on every use keeps the least recently used first.
  kept.set(workspaceId, entry);
  keptBytes += entry.bytes;
  for (const [id, old] of kept) {
    if (keptBytes <= KEPT_BYTES) break;
    kept.delete(id);
    keptBytes -= old.bytes;
  }
}

/** The workspace's trained centroids for this model, or null (none yet, or another model's). */
export async function storedCentroids(workspaceId: string, fingerprint: string): Promise<Centroids | null> {
  const have = kept.get(workspaceId);
  const known = have?.fingerprint === fingerprint ? have.trainedAt : null;
  // The bytes only when the stamp differs: a CASE branch not taken never reads the out-of-line value.
  const [row] = await db.$queryRaw<{ lists: number; trainedAt: string; centroids: string | null; scales: string | null }[]>`${Prisma.raw(PREPARED)}
    SELECT "lists", "trainedAt"::text AS "trainedAt",
      CASE WHEN "trainedAt"::text = ${known}::text THEN NULL ELSE encode("centroids", 'base64') END AS centroids,
      CASE WHEN "trainedAt"::text = ${known}::text THEN NULL ELSE encode("scales", 'base64') END AS scales
    FROM "EmbeddingIndex"
    WHERE "workspaceId" = ${workspaceId} AND "fingerprint" = ${fingerprint} AND "lists" > 0`;
  if (!row) {
    keep(workspaceId, null);
    return null;
  }
  if (have && row.trainedAt === known && row.centroids === null) {
    keep(workspaceId, have);
    return have;
  }
  const centroids = Buffer.from(row.centroids!, "base64");
  const decoded = centroidsOf({ lists: row.lists, centroids, scales: Buffer.from(row.scales!, "base64") });
  keep(workspaceId, { ...decoded, fingerprint, trainedAt: row.trainedAt, bytes: centroids.byteLength + row.lists * 4 });
  return decoded;
}
