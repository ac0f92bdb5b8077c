import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Worker } from "@/lib/workers";
import { type Embedder, usableEmbedder } from "./model";
import { quantise } from "./quantise";
import { maintainIndexes } from "./vector-index";

/**
 * Embeds claims' statements and mentions' quotes in the background. The
 * triggers of migration claim_embeddings queue every written text in
 * "EmbeddingJob" (only while a model is active); each instance with the model
 * claims a batch with FOR UPDATE SKIP LOCKED and a lease, embeds it and stores
 * the vectors, so any number of instances share the work without doing a text
 * twice at once.
 *
 * The first tick of a process with a model activates it: if the stored
 * model's fingerprint differs (none yet, another model, a changed file), the
 * row is replaced, the other model's vectors are deleted and every claim and
 * linked quote is queued (the backfill). Instances must all be given the same
 * model: an instance that finds another model active after its own start
 * (another instance restarted with a different one) stops embedding and says
 * so, rather than the two re-embedding everything in turn.
 */

const BATCH = 64;
/** A claimed job is free for another instance again after this long (an instance died mid-batch). */
const LEASE_MS = 5 * 60_000;
const MAX_TEXT = 4000;

function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** This process's activation: the fingerprint it activated (or found active), per process by design. */
let activated: string | null = null;
let warnedOther: string | null = null;

/** Makes the embedder's model the active one, queuing the backfill if it wasn't; returns whether anything changed. */
export async function activateModel(embedder: Embedder): Promise<boolean> {
  const changed = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('claimtrail.embedding-model'))`;
    const current = await tx.embeddingModel.findUnique({ where: { id: 1 } });
    if (current?.fingerprint === embedder.fingerprint) return false;
    const row = { name: embedder.name, fingerprint: embedder.fingerprint, dimension: embedder.dimension, activatedAt: new Date() };
    await tx.embeddingModel.upsert({ where: { id: 1 }, create: { id: 1, ...row }, update: row });
    await tx.$executeRaw`DELETE FROM "ClaimEmbedding" WHERE "fingerprint" <> ${embedder.fingerprint}`;
    await tx.$executeRaw`DELETE FROM "EmbeddingIndex" WHERE "fingerprint" <> ${embedder.fingerprint}`;
    // Deleted claims too: a restored claim is then already embedded (restoring doesn't rewrite the statement).
    await tx.$executeRaw`
      INSERT INTO "EmbeddingJob" ("kind", "sourceId") SELECT 'statement', c."id" FROM "Claim" c WHERE c."mergedIntoId" IS NULL
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`
      INSERT INTO "EmbeddingJob" ("kind", "sourceId") SELECT 'quote', a."id" FROM "Annotation" a WHERE a."claimId" IS NOT NULL AND a."deletedAt" IS NULL
      ON CONFLICT DO NOTHING`;
    return true;
  });
  if (changed) console.info(`Matching by meaning: model ${embedder.name} (${embedder.dimension} dimensions) is now active; every claim is queued to be embedded.`);
  return changed;
}

type Job = { kind: string; sourceId: string; queuedAt: Date; attempts: number };
type Text = { claimId: string; workspaceId: string; text: string };

async function textsOf(jobs: Job[]): Promise<Map<string, Text | null>> {
  const ids = (kind: string) => jobs.filter((j) => j.kind === kind).map((j) => j.sourceId);
  const [claims, quotes] = await Promise.all([
    db.claim.findMany({ where: { id: { in: ids("statement") } }, select: { id: true, workspaceId: true, statement: true } }),
    db.annotation.findMany({ where: { id: { in: ids("quote") } }, select: { id: true, workspaceId: true, exact: true, claimId: true, deletedAt: true } }),
  ]);
  const out = new Map<string, Text | null>(jobs.map((j) => [`${j.kind}:${j.sourceId}`, null]));
  for (const c of claims) out.set(`statement:${c.id}`, { claimId: c.id, workspaceId: c.workspaceId, text: c.statement });
  for (const a of quotes) {
    if (a.claimId && !a.deletedAt) out.set(`quote:${a.id}`, { claimId: a.claimId, workspaceId: a.workspaceId, text: a.exact });
  }
  return out;
}

type Done = { job: Job; source: Text; textHash: string; vector: ReturnType<typeof quantise> };

/**
 * The batch's vectors in three statements whatever its size: the texts whose
 * source is gone, deleted or unlinked lose their vector, the changed ones are
 * upserted, and the jobs done are deleted (only the ones this tick took: a job
 * re-queued meanwhile, by a newer edit, has a later queuedAt and stays).
 */
async function store(embedder: Embedder, gone: Job[], done: Done[], finished: Job[]): Promise<void> {
  const col = <T>(rows: T[], f: (r: T) => string) => rows.map(f);
  await db.$transaction([
    db.$executeRaw`
      DELETE FROM "ClaimEmbedding" e USING unnest(${col(gone, (j) => j.kind)}::text[], ${col(gone, (j) => j.sourceId)}::text[]) g(kind, source)
      WHERE e."kind" = g.kind AND e."sourceId" = g.source`,
    db.$executeRaw`
      INSERT INTO "ClaimEmbedding" ("kind", "sourceId", "claimId", "workspaceId", "fingerprint", "textHash", "vector", "scale", "list", "embeddedAt")
      SELECT d.kind, d.source, d.claim, d.workspace, ${embedder.fingerprint}, d.hash, decode(d.vector, 'hex'), d.scale, -1, now()
      FROM unnest(${col(done, (d) => d.job.kind)}::text[], ${col(done, (d) => d.job.sourceId)}::text[], ${col(done, (d) => d.source.claimId)}::text[],
        ${col(done, (d) => d.source.workspaceId)}::text[], ${col(done, (d) => d.textHash)}::text[],
        ${col(done, (d) => Buffer.from(d.vector.bytes).toString("hex"))}::text[], ${done.map((d) => d.vector.scale)}::real[])
        AS d(kind, source, claim, workspace, hash, vector, scale)
      ON CONFLICT ("kind", "sourceId") DO UPDATE SET "claimId" = excluded."claimId", "workspaceId" = excluded."workspaceId",
        "fingerprint" = excluded."fingerprint", "textHash" = excluded."textHash", "vector" = excluded."vector",
        "scale" = excluded."scale", "list" = -1, "embeddedAt" = excluded."embeddedAt"`,
    db.$executeRaw`
      DELETE FROM "EmbeddingJob" j
      USING unnest(${col(finished, (j) => j.kind)}::text[], ${col(finished, (j) => j.sourceId)}::text[], ${col(finished, (j) => j.queuedAt.toISOString())}::timestamptz[]) f(kind, source, queued)
      WHERE j."kind" = f.kind AND j."sourceId" = f.source AND j."queuedAt" = (f.queued AT TIME ZONE 'UTC')`,
  ]);
}

/** Embeds up to one batch of queued texts, then does a step of the vector index's upkeep; returns how much it did. */
export async function embedDueTexts(): Promise<number> {
  const embedder = await usableEmbedder();
  if (!embedder) return 0;
  if (activated !== embedder.fingerprint) {
    await activateModel(embedder);
    activated = embedder.fingerprint;
  } else {
    const active = await db.embeddingModel.findUnique({ where: { id: 1 }, select: { fingerprint: true } });
    if (active?.fingerprint !== embedder.fingerprint) {
      if (warnedOther !== active?.fingerprint) {
        warnedOther = active?.fingerprint ?? null;
        console.error(`Matching by meaning: another instance made ${active?.fingerprint ?? "no model"} the active model; this one has ${embedder.fingerprint} and stops embedding until restarted. Give every instance the same EMBEDDING_MODEL_DIR.`);
      }
      return 0;
    }
  }
  // The database's clock, the one the triggers queue by (a job queued a moment ago is due at once).
  const jobs = await db.$queryRaw<Job[]>`
    UPDATE "EmbeddingJob" SET "attempts" = "attempts" + 1, "dueAt" = clock_timestamp() + ${LEASE_MS} * interval '1 millisecond'
    WHERE ("kind", "sourceId") IN (
      SELECT "kind", "sourceId" FROM "EmbeddingJob" WHERE "dueAt" <= clock_timestamp()
      ORDER BY "dueAt" LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED)
    RETURNING "kind", "sourceId", "queuedAt", "attempts"`;
  if (jobs.length > 0) await embedJobs(embedder, jobs);
  return jobs.length + (await maintainIndexes(embedder.fingerprint));
}

async function embedJobs(embedder: Embedder, jobs: Job[]): Promise<void> {
  const texts = await textsOf(jobs);
  const existing = await db.claimEmbedding.findMany({
    where: { OR: jobs.map((j) => ({ kind: j.kind, sourceId: j.sourceId })) },
    select: { kind: true, sourceId: true, textHash: true, fingerprint: true, claimId: true },
  });
  const stored = new Map(existing.map((e) => [`${e.kind}:${e.sourceId}`, e]));
  const gone: Job[] = [];
  const done: Done[] = [];
  const finished: Job[] = [];
  for (const job of jobs) {
    const key = `${job.kind}:${job.sourceId}`;
    const source = texts.get(key) ?? null;
    if (!source) {
      gone.push(job);
      finished.push(job);
      continue;
    }
    const text = source.text.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
    const textHash = createHash("md5").update(text).digest("hex");
    const before = stored.get(key);
    if (before?.textHash === textHash && before.fingerprint === embedder.fingerprint && before.claimId === source.claimId) {
      finished.push(job);
      continue;
    }
    try {
      const [vector] = await embedder.embed([text], "passage");
      done.push({ job, source, textHash, vector: quantise(vector!) });
      finished.push(job);
    } catch (err) {
      // This text stays queued and is tried again later; the rest of the batch is stored.
      const message = err instanceof Error ? err.message : String(err);
      await db.embeddingJob.updateMany({
        where: { kind: job.kind, sourceId: job.sourceId, queuedAt: job.queuedAt },
        data: { lastError: message.slice(0, 1000), dueAt: new Date(Date.now() + backoffMs(job.attempts)) },
      });
    }
  }
  await store(embedder, gone, done, finished);
}

export const embeddingWorker: Worker = { name: "embeddings", idleMs: 2_000, tick: () => embedDueTexts() };
