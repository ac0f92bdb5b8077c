import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Said } from "@/lib/errors";
import { EmbeddingModelError, embeddingModelDir, loadEmbedder } from "./model";

/**
 * What the workspace settings page says about matching by meaning:
 * - off: EMBEDDING_MODEL_DIR is not set on this instance;
 * - error: it is set but the model can't be used (the message says why, `problems` one by one with their codes;
 *   suggestions match by words alone);
 * - active: the model, and how many of the workspace's claims have a vector of it
 *   (the rest are queued: the worker is embedding them), or
 * - mismatch: another instance made a different model the active one.
 */
export type EmbeddingStatus =
  | { state: "off" }
  | { state: "error"; error: string; problems: Said[] }
  | { state: "active" | "mismatch"; name: string; dimension: number; embeddedClaims: number; claims: number; queued: number };

/** Queued texts are counted up to this many (all workspaces: the queue is shared). */
const QUEUE_COUNT_MAX = 100_000;

export async function embeddingStatus(access: Access): Promise<EmbeddingStatus> {
  assertCan(access, "workspace.update");
  if (!embeddingModelDir()) return { state: "off" };
  let embedder;
  try {
    embedder = (await loadEmbedder())!;
  } catch (err) {
    // The English message (what the log says), and each problem with its code for the admin's language.
    return { state: "error", error: err instanceof Error ? err.message : String(err), problems: err instanceof EmbeddingModelError ? err.problems : [] };
  }
  const workspaceId = access.workspace.id;
  const [active, [counts]] = await Promise.all([
    db.embeddingModel.findUnique({ where: { id: 1 }, select: { fingerprint: true } }),
    db.$queryRaw<{ embedded: number; claims: number; queued: number }[]>`
      SELECT
        (SELECT count(*)::int FROM "ClaimEmbedding" e JOIN "Claim" c ON c."id" = e."sourceId"
          WHERE e."workspaceId" = ${workspaceId} AND e."fingerprint" = ${embedder.fingerprint} AND e."kind" = 'statement'
            AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL) AS embedded,
        (SELECT count(*)::int FROM "Claim" c WHERE c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL) AS claims,
        (SELECT count(*)::int FROM (SELECT 1 FROM "EmbeddingJob" LIMIT ${QUEUE_COUNT_MAX}) q) AS queued`,
  ]);
  return {
    state: active?.fingerprint === embedder.fingerprint ? "active" : "mismatch",
    name: embedder.name,
    dimension: embedder.dimension,
    embeddedClaims: counts!.embedded,
    claims: counts!.claims,
    queued: counts!.queued,
  };
}
