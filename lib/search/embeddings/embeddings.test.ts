import { createTranslator } from "next-intl";
import ruUi from "@/messages/ru/ui.json";
import { localizeFields, type ErrorTranslator } from "@/lib/http/localize-error";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { writeTinyModel } from "@/lib/testing/tiny-embedding-model";
import { seededRandom } from "@/lib/seeded-random";
import { suggestClaims } from "../suggest-claims";
import { nearestClaims } from "./blend";
import { dot, EmbeddingModelError, loadEmbedder } from "./model";
import { dequantise, dotQuantised, quantise } from "./quantise";
import { reportEmbeddingModel } from "./startup";
import { embeddingStatus } from "./status";
import { assignPending, LIST_SIZE, maintainIndexes, NPROBE, probesFor, trainIndex } from "./vector-index";
import { embedDueTexts } from "./worker";

/**
 * Matching by meaning with a tiny ONNX model the test writes itself (one
 * Gather over an 8-dimensional word table + mean pooling, lib/testing/
 * tiny-embedding-model.ts), against the real database. Axes: war, Russia,
 * Ukraine, festival, weather, economy, music, sport; "Moscow" lies near
 * "Russia", "Kyiv" near "Ukraine", "attacked" near "invaded", and Russian
 * words near their English ones, so "Moscow attacked Kyiv" is near "Russia
 * invaded Ukraine" without sharing a word.
 */

const axis = (i: number, w = 1, spill: Record<number, number> = {}) => Array.from({ length: 8 }, (_, d) => (d === i ? w : spill[d] ?? 0));
const WORDS: Record<string, number[]> = {
  invaded: axis(0), attacked: axis(0, 0.95, { 5: 0.05 }), war: axis(0), война: axis(0, 0.9, { 1: 0.1 }),
  russia: axis(1), moscow: axis(1, 0.95, { 3: 0.05 }), россия: axis(1),
  ukraine: axis(2), kyiv: axis(2, 0.95, { 4: 0.05 }), украину: axis(2),
  festival: axis(3), weather: axis(4), economy: axis(5), music: axis(6), sport: axis(7),
  mild: axis(4, 0.9, { 7: 0.1 }), grows: axis(5, 0.9, { 6: 0.1 }), opens: axis(3, 0.8, { 6: 0.2 }),
};

const TARGET = "Russia invaded Ukraine";
const QUERY = "Moscow attacked Kyiv";
/** Each shares a word with the query, and is about something else. */
const DISTRACTORS = [
  "Moscow festival opens with music and sport",
  "Kyiv weather mild, festival music and sport",
  "Moscow economy grows with music, sport and festival",
  "Kyiv festival opens: music, sport, weather",
  "Moscow weather mild for sport, music festival",
  "Kyiv economy grows through sport, music and festival",
];

let root: string;
let modelDir: string;
const setModel = (dir: string | undefined) => {
  if (dir) process.env.EMBEDDING_MODEL_DIR = dir;
  else delete process.env.EMBEDDING_MODEL_DIR;
};

/** Runs the worker until the queue is empty (each tick takes a batch). */
async function drain(): Promise<number> {
  let total = 0;
  for (let n = await embedDueTexts(); n > 0; n = await embedDueTexts()) total += n;
  return total;
}

async function vectorsOf(claimId: string) {
  return db.claimEmbedding.findMany({ where: { claimId }, orderBy: [{ kind: "asc" }, { sourceId: "asc" }] });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "ct-embeddings-"));
  modelDir = writeTinyModel(path.join(root, "tiny-multilingual"), { words: WORDS });
  // No model active at the start: the tables are this module's alone.
  await db.embeddingModel.deleteMany();
  await db.embeddingJob.deleteMany();
});

afterAll(async () => {
  setModel(undefined);
  await db.embeddingModel.deleteMany();
  await db.embeddingJob.deleteMany();
});

describe("the model", () => {
  it("is off without EMBEDDING_MODEL_DIR, and costs nothing: no model row, so writes queue nothing", async () => {
    setModel(undefined);
    expect(await loadEmbedder()).toBeNull();
    expect(await embedDueTexts()).toBe(0);
    const { workspace } = await makeWorkspace();
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: TARGET } });
    expect(await db.embeddingJob.count({ where: { sourceId: claim.id } })).toBe(0);
  });

  it("loads model.onnx and tokenizer.json from the directory and embeds texts as unit vectors", async () => {
    setModel(modelDir);
    const embedder = (await loadEmbedder())!;
    expect(embedder).toMatchObject({ name: "tiny-multilingual", dimension: 8 });
    expect(embedder.fingerprint).toMatch(/^tiny-multilingual@[0-9a-f]{16}$/);
    const [target, query, russian, distractor] = await embedder.embed([TARGET, QUERY, "Россия: война, Украину", DISTRACTORS[0]!], "passage");
    expect(dot(target!, target!)).toBeCloseTo(1, 5);
    expect(dot(target!, query!)).toBeGreaterThan(0.95);
    expect(dot(target!, russian!)).toBeGreaterThan(0.9);
    expect(dot(query!, distractor!)).toBeLessThan(0.3);
  });

  it("a missing or corrupt model is a clear error at start, the worker idles and suggestions still match by words", async () => {
    const { workspace } = await makeWorkspace();
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: "Moscow festival opens" } });

    setModel(path.join(root, "nowhere"));
    await expect(loadEmbedder()).rejects.toThrow(EmbeddingModelError);
    await expect(loadEmbedder()).rejects.toMatchObject({ problems: [{ code: "model_onnx_missing" }, { code: "model_tokenizer_missing" }] });
    await expect(loadEmbedder()).rejects.toThrow(`EMBEDDING_MODEL_DIR=${path.join(root, "nowhere")}: model.onnx is missing`);
    expect(await reportEmbeddingModel()).toMatch(/^Matching by meaning is off: .*model\.onnx is missing.*Suggestions match by words alone\.$/);
    expect(await embedDueTexts()).toBe(0);
    expect((await suggestClaims({ workspaceId: workspace.id, text: "the festival opens" })).map((s) => s.claimId)).toEqual([claim.id]);

    const corrupt = writeTinyModel(path.join(root, "corrupt"), { words: WORDS });
    writeFileSync(path.join(corrupt, "model.onnx"), "this is not protobuf");
    setModel(corrupt);
    await expect(loadEmbedder()).rejects.toThrow(/model\.onnx can't be loaded as an ONNX model/);
    const [hit] = await suggestClaims({ workspaceId: workspace.id, text: "the festival opens" });
    expect(hit).toMatchObject({ claimId: claim.id, matchedBy: "text" });
    const admin = (await db.membership.findFirstOrThrow({ where: { workspaceId: workspace.id } })).userId;
    const status = await embeddingStatus(await authorize(admin, workspace.slug, "workspace.update"));
    expect(status).toMatchObject({ state: "error", error: expect.stringMatching(/model\.onnx can't be loaded/) });

    const noTokenizer = writeTinyModel(path.join(root, "no-tokenizer"), { words: WORDS });
    writeFileSync(path.join(noTokenizer, "tokenizer.json"), "{ broken");
    setModel(noTokenizer);
    await expect(loadEmbedder()).rejects.toThrow(/tokenizer\.json can't be used/);

    // Everything wrong at once is reported at once (the tester's S15: one restart per problem before),
    // and claimtrail.json's settings are checked, not silently dropped.
    const allWrong = writeTinyModel(path.join(root, "all-wrong"), { words: WORDS });
    writeFileSync(path.join(allWrong, "model.onnx"), "garbage");
    writeFileSync(path.join(allWrong, "tokenizer.json"), "{ broken");
    writeFileSync(path.join(allWrong, "claimtrail.json"), JSON.stringify({ name: 5, maxTokens: -1, queryPrefix: 7, extra: true }));
    setModel(allWrong);
    const message = await loadEmbedder().then(
      () => "loaded",
      (err: unknown) => String(err),
    );
    expect(message).toMatch(/model\.onnx can't be loaded/);
    expect(message).toMatch(/tokenizer\.json can't be used/);
    expect(message).toMatch(/claimtrail\.json has wrong settings \(/);
    for (const named of ["name: a text", "queryPrefix: a text", "maxTokens: at least 8", "extra: not a setting"]) expect(message).toContain(named);
    // …and one by one with their codes and values, which the settings page says in the admin's language.
    const problems = await loadEmbedder().then(
      () => [],
      (err: EmbeddingModelError) => err.problems,
    );
    expect(problems.map((p) => [p.code, p.params ?? {}])).toEqual(
      expect.arrayContaining([
        ["model_not_onnx", { reason: expect.any(String) }],
        ["model_tokenizer_unusable", { reason: expect.any(String) }],
        ["model_config_text", { setting: "name" }],
        ["model_config_text", { setting: "queryPrefix" }],
        ["model_config_tokens_range", { setting: "maxTokens", min: 8, max: 8192 }],
        ["model_config_unknown_setting", { setting: "extra" }],
      ]),
    );
    expect(problems).toHaveLength(6);
    expect(problems.find((p) => p.code === "model_config_tokens_range")?.en).toBe("claimtrail.json: maxTokens: at least 8");
    const allWrongStatus = await embeddingStatus(await authorize(admin, workspace.slug, "workspace.update"));
    expect(allWrongStatus).toMatchObject({ state: "error", problems: expect.arrayContaining([expect.objectContaining({ code: "model_config_unknown_setting", params: { setting: "extra" } })]) });
    const ru = createTranslator({ locale: "ru", messages: { ui: ruUi } as never, namespace: "ui.apiErrors" as never }) as unknown as ErrorTranslator;
    const shown = localizeFields(Object.fromEntries(problems.map((p, i) => [i, p.en])), Object.fromEntries(problems.map((p, i) => [i, { code: p.code, params: p.params }])), "ru", ru);
    expect(Object.values(shown)).toContain("claimtrail.json: extra — не настройка (настройки: name, queryPrefix, passagePrefix, maxTokens).");
    expect(Object.values(shown)).toContain("claimtrail.json: maxTokens должно быть от 8 до 8192.");

    const badSettings = writeTinyModel(path.join(root, "bad-settings"), { words: WORDS });
    writeFileSync(path.join(badSettings, "claimtrail.json"), JSON.stringify({ maxTokens: 1.5 }));
    setModel(badSettings);
    await expect(loadEmbedder()).rejects.toThrow(/claimtrail\.json has a wrong setting \(maxTokens: a whole number/);
  });
});

describe("stored vectors and the approximate nearest-neighbour index", () => {
  const DIM = 64;
  const random = seededRandom(1414);
  const gaussian = () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const unit = (v: Float32Array) => {
    const n = Math.sqrt(dot(v, v));
    return v.map((x) => x / n);
  };

  /** Stores vectors[from…to) as claims' statement vectors of the workspace, pending (claim ids `<workspace>-v<i>`). */
  const insertVectors = async (workspaceId: string, fingerprint: string, vectors: Float32Array[], from: number, to: number) => {
    const ids = vectors.slice(from, to).map((_, i) => `${workspaceId}-v${from + i}`);
    const q = vectors.slice(from, to).map(quantise);
    await db.$transaction(async (tx) => {
      // The claims need only exist: their triggers (search documents, embedding jobs) are not what is tested.
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`INSERT INTO "Claim" ("id", "workspaceId", "statement", "updatedAt") SELECT id, ${workspaceId}, id, now() FROM unnest(${ids}::text[]) id`;
    });
    await db.$executeRaw`
      INSERT INTO "ClaimEmbedding" ("kind", "sourceId", "claimId", "workspaceId", "fingerprint", "textHash", "vector", "scale")
      SELECT 'statement', d.id, d.id, ${workspaceId}, ${fingerprint}, '', decode(d.hex, 'hex'), d.scale
      FROM unnest(${ids}::text[], ${q.map((x) => Buffer.from(x.bytes).toString("hex"))}::text[], ${q.map((x) => x.scale)}::real[]) AS d(id, hex, scale)`;
  };

  it("int8 vectors round-trip within half a step per component, and cosines within 0.01", () => {
    let worstStep = 0;
    let worstCosine = 0;
    for (let i = 0; i < 200; i++) {
      const v = unit(Float32Array.from({ length: 384 }, gaussian));
      const w = unit(v.map((x) => x + gaussian() * 0.05));
      const { bytes, scale } = quantise(v);
      expect(bytes.byteLength).toBe(384);
      const back = dequantise(bytes, scale);
      for (let d = 0; d < 384; d++) worstStep = Math.max(worstStep, Math.abs(back[d]! - v[d]!) / scale);
      worstCosine = Math.max(worstCosine, Math.abs(dotQuantised(w, bytes, scale) - dot(w, v)));
    }
    expect(worstStep).toBeLessThanOrEqual(0.5 + 1e-4);
    expect(worstCosine).toBeLessThan(0.01);
    // A zero vector (a model's output for nothing) doesn't divide by zero.
    expect(Array.from(dequantise(quantise(new Float32Array(4)).bytes, 1))).toEqual([0, 0, 0, 0]);
  });

  it("the migration quantises the float32 vectors stored before exactly as the worker does now", async () => {
    const sql = readFileSync(path.join(__dirname, "../../../prisma/migrations/20261202130000_embedding_ivf/migration.sql"), "utf8");
    const fn = sql.slice(sql.indexOf('CREATE FUNCTION "ct_quantise_float32"'), sql.indexOf("END $$;") + "END $$;".length);
    const vectors = Array.from({ length: 20 }, () => unit(Float32Array.from({ length: 384 }, gaussian)));
    const converted = await db.$transaction(async (tx) => {
      // pg_temp: the function lives only in this transaction's session, as the migration drops it after use.
      await tx.$executeRawUnsafe(fn.replace('FUNCTION "ct_quantise_float32"', "FUNCTION pg_temp.ct_quantise_float32"));
      return tx.$queryRaw<{ q: Uint8Array; s: number }[]>`
        SELECT (pg_temp.ct_quantise_float32(decode(h, 'hex'))).* FROM unnest(${vectors.map((v) => Buffer.from(v.buffer).toString("hex"))}::text[]) WITH ORDINALITY x(h, n) ORDER BY n`;
    });
    expect(converted).toHaveLength(vectors.length);
    converted.forEach((row, i) => {
      const expected = quantise(vectors[i]!);
      expect(Buffer.from(row.q).toString("hex")).toBe(Buffer.from(expected.bytes).toString("hex"));
      expect(row.s).toBeCloseTo(expected.scale, 9);
    });
  });

  it("the approximate pass finds the exact nearest among 3,000 vectors, files pending ones and keeps finding them", async () => {
    const { workspace } = await makeWorkspace();
    const fingerprint = "ivf-test@0000000000000000";
    const centers = Array.from({ length: 60 }, () => unit(Float32Array.from({ length: DIM }, gaussian)));
    const near = (c: number) => unit(centers[c]!.map((x) => x + gaussian() * 0.1));
    const vectors = Array.from({ length: 3000 }, (_, i) => near(i % centers.length));
    const insert = (from: number, to: number) => insertVectors(workspace.id, fingerprint, vectors, from, to);
    const exactNearest = (query: Float32Array, upTo: number) => {
      let best = -1;
      for (let i = 0; i < upTo; i++) if (best < 0 || dot(query, vectors[i]!) > dot(query, vectors[best]!)) best = i;
      return `${workspace.id}-v${best}`;
    };

    await insert(0, 2500);
    // The worker trains once a workspace has TRAIN_AT vectors (this fingerprint is no model's, so it's called directly).
    expect(await maintainIndexes(fingerprint)).toBe(2500);
    const index = await db.embeddingIndex.findUniqueOrThrow({ where: { workspaceId: workspace.id } });
    expect(index).toMatchObject({ fingerprint, lists: Math.ceil(2500 / LIST_SIZE), trainedCount: 2500, leaseUntil: null });
    expect(await db.claimEmbedding.count({ where: { workspaceId: workspace.id, list: -1 } })).toBe(0);

    const queries = Array.from({ length: 40 }, () => near(Math.floor(random() * centers.length)));
    expect(await probesFor(workspace.id, fingerprint, queries[0]!)).toHaveLength(NPROBE);
    for (const query of queries) {
      const [first] = (await nearestClaims(workspace.id, fingerprint, query, [], 5)).keys();
      expect(first).toBe(exactNearest(query, 2500));
    }

    // Vectors stored after training wait in list -1, and queries read them meanwhile.
    await insert(2500, 3000);
    for (const query of queries.slice(0, 10)) {
      const [first] = (await nearestClaims(workspace.id, fingerprint, query, [], 5)).keys();
      expect(first).toBe(exactNearest(query, 3000));
    }
    expect(await assignPending(workspace.id, fingerprint)).toBe(500);
    expect(await db.claimEmbedding.count({ where: { workspaceId: workspace.id, list: -1 } })).toBe(0);
    expect((await db.embeddingIndex.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).vectors).toBe(3000);
    for (const query of queries.slice(0, 10)) {
      const [first] = (await nearestClaims(workspace.id, fingerprint, query, [], 5)).keys();
      expect(first).toBe(exactNearest(query, 3000));
    }
    // A deleted claim, and one the caller excludes, are not returned.
    const [top] = (await nearestClaims(workspace.id, fingerprint, queries[0]!, [], 1)).keys();
    await db.claim.update({ where: { id: top! }, data: { deletedAt: new Date() } });
    expect([...(await nearestClaims(workspace.id, fingerprint, queries[0]!, [], 5)).keys()]).not.toContain(top);
    const [second] = (await nearestClaims(workspace.id, fingerprint, queries[0]!, [], 1)).keys();
    expect([...(await nearestClaims(workspace.id, fingerprint, queries[0]!, [second!], 5)).keys()]).not.toContain(second);

    // Gone with its workspace (the later tests' backfill would otherwise embed these 3,000 claims).
    await db.workspace.delete({ where: { id: workspace.id } });
    expect(await db.embeddingIndex.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.claimEmbedding.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("a process keeps a workspace's centroids between queries until the index is trained again, here or by another instance", async () => {
    const { workspace } = await makeWorkspace();
    const fingerprint = "ivf-cache@0000000000000000";
    const centers = Array.from({ length: 12 }, () => unit(Float32Array.from({ length: DIM }, gaussian)));
    const vectors = Array.from({ length: 1200 }, (_, i) => unit(centers[i % centers.length]!.map((x) => x + gaussian() * 0.1)));
    const query = vectors[0]!;
    const all = 100;
    await insertVectors(workspace.id, fingerprint, vectors, 0, 600);
    expect(await trainIndex(workspace.id, fingerprint)).toBe(600);
    const probes = await probesFor(workspace.id, fingerprint, query, all);
    expect([...probes].sort()).toEqual([0, 1, 2]);

    // The stored centroids changed behind the index's stamp (as no code does): this process still uses the ones it read,
    // so a query no longer reads them.
    const index = await db.embeddingIndex.findUniqueOrThrow({ where: { workspaceId: workspace.id } });
    const dim = index.centroids!.byteLength / index.lists;
    const swap = (bytes: Uint8Array, width: number) =>
      Buffer.concat([bytes.subarray(width, 2 * width), bytes.subarray(0, width), bytes.subarray(2 * width)]);
    await db.embeddingIndex.update({ where: { workspaceId: workspace.id }, data: { centroids: swap(index.centroids!, dim), scales: swap(index.scales!, 4) } });
    expect(await probesFor(workspace.id, fingerprint, query, all)).toEqual(probes);
    // Another instance's training stamps the row anew: the next query reads the centroids again (lists 0 and 1 swapped).
    await db.embeddingIndex.update({ where: { workspaceId: workspace.id }, data: { trainedAt: new Date(index.trainedAt!.getTime() + 1) } });
    expect(await probesFor(workspace.id, fingerprint, query, all)).toEqual(probes.map((l) => (l < 2 ? 1 - l : l)));

    // Trained again here, on twice the vectors: five lists, not the three kept.
    await insertVectors(workspace.id, fingerprint, vectors, 600, 1200);
    expect(await trainIndex(workspace.id, fingerprint)).toBe(1200);
    expect([...(await probesFor(workspace.id, fingerprint, query, all))].sort()).toEqual([0, 1, 2, 3, 4]);
    // Gone with its workspace: no centroids, and none kept.
    await db.workspace.delete({ where: { id: workspace.id } });
    expect(await probesFor(workspace.id, fingerprint, query, all)).toEqual([]);
  });
});

describe("embedding on write, backfill and blending", () => {
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>["workspace"];
  let adminId: string;
  let target: string;
  const before: string[] = [];

  beforeAll(async () => {
    setModel(undefined);
    const made = await makeWorkspace();
    workspace = made.workspace;
    adminId = made.admin.id;
    // Written before any model: the backfill must find them.
    for (const statement of [TARGET, ...DISTRACTORS]) {
      const c = await db.claim.create({ data: { workspaceId: workspace.id, statement, createdById: adminId } });
      before.push(c.id);
    }
    target = before[0]!;
  });

  it("the first tick with a model activates it and backfills every existing claim", async () => {
    setModel(modelDir);
    const embedder = (await loadEmbedder())!;
    expect(await db.embeddingJob.count({ where: { sourceId: { in: before } } })).toBe(0);
    expect(await drain()).toBeGreaterThanOrEqual(before.length);
    expect(await db.embeddingModel.findUnique({ where: { id: 1 } })).toMatchObject({ name: "tiny-multilingual", fingerprint: embedder.fingerprint, dimension: 8 });
    for (const id of before) {
      const [row] = await vectorsOf(id);
      expect(row).toMatchObject({ kind: "statement", sourceId: id, workspaceId: workspace.id, fingerprint: embedder.fingerprint });
      // int8, one byte per dimension; not yet filed under a list (the workspace is too small for an index).
      expect(row!.vector.byteLength).toBe(8);
      expect(row!.scale).toBeGreaterThan(0);
      expect(row!.list).toBe(-1);
    }
    expect(await db.embeddingJob.count()).toBe(0);
  });

  it("a new claim, an edited statement and a linked quote are queued in the writing transaction and embedded by the worker", async () => {
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: "Russia war economy", createdById: adminId } });
    expect(await db.embeddingJob.findMany({ where: { sourceId: claim.id } })).toMatchObject([{ kind: "statement", attempts: 0 }]);
    await drain();
    const [first] = await vectorsOf(claim.id);
    expect(first!.kind).toBe("statement");

    await db.claim.update({ where: { id: claim.id }, data: { statement: "Ukraine festival music" } });
    await drain();
    const [edited] = await vectorsOf(claim.id);
    const embedder = (await loadEmbedder())!;
    const [expected] = await embedder.embed(["Ukraine festival music"], "passage");
    expect(dot(dequantise(edited!.vector, edited!.scale), expected!)).toBeCloseTo(1, 2);

    const article = await db.article.create({ data: { workspaceId: workspace.id, title: "A", doc: {}, text: "Kyiv weather", contentHash: `${Math.random()}` } });
    const quote = await db.annotation.create({
      data: { workspaceId: workspace.id, articleId: article.id, claimId: claim.id, exact: "Kyiv weather", prefix: "", suffix: "", start: 0, end: 12, anchoredRevision: 1 },
    });
    await drain();
    expect((await vectorsOf(claim.id)).map((r) => [r.kind, r.sourceId])).toEqual([["quote", quote.id], ["statement", claim.id]]);

    await db.annotation.update({ where: { id: quote.id }, data: { deletedAt: new Date() } });
    await drain();
    expect((await vectorsOf(claim.id)).map((r) => r.kind)).toEqual(["statement"]);
  });

  it("a query sharing no word with its claim ranks it in the top 5 only with the model, with a meaning reason", async () => {
    setModel(undefined);
    const lexical = await suggestClaims({ workspaceId: workspace.id, text: QUERY, limit: 5 });
    expect(lexical.length).toBe(5);
    expect(lexical.map((s) => s.claimId)).not.toContain(target);
    expect(lexical.every((s) => s.reasons.every((r) => r.kind !== "meaning"))).toBe(true);

    setModel(modelDir);
    const blended = await suggestClaims({ workspaceId: workspace.id, text: QUERY, limit: 5 });
    expect(blended).toHaveLength(5);
    const hit = blended.find((s) => s.claimId === target);
    expect(hit, blended.map((s) => s.statement).join(" | ")).toMatchObject({ statement: TARGET, matchedBy: "meaning", mentionCount: 0, articleCount: 0 });
    expect(hit!.reasons).toEqual([{ kind: "meaning", terms: [expect.stringMatching(/^(0\.9\d|1\.00)$/)] }]);
    // The lexical matches are still there, with their word reasons.
    expect(blended.filter((s) => s.matchedBy === "text").length).toBeGreaterThanOrEqual(3);

    // A claim the caller excludes stays out, model or not.
    const excluded = await suggestClaims({ workspaceId: workspace.id, text: QUERY, limit: 5, excludeClaimIds: [target] });
    expect(excluded.map((s) => s.claimId)).not.toContain(target);
  });

  it("the settings status says the model is active and how many claims are embedded", async () => {
    const status = await embeddingStatus(await authorize(adminId, workspace.slug, "workspace.update"));
    const claims = await db.claim.count({ where: { workspaceId: workspace.id, deletedAt: null, mergedIntoId: null } });
    expect(status).toEqual({ state: "active", name: "tiny-multilingual", dimension: 8, embeddedClaims: claims, claims, queued: 0 });
  });

  it("a model change (another dimension) clears the old model's index and re-embeds everything with the new model", async () => {
    const old = (await loadEmbedder())!;
    // An index of the old model's vectors (trained directly: the workspace is below the size the worker trains at).
    expect(await trainIndex(workspace.id, old.fingerprint)).toBeGreaterThanOrEqual(before.length);
    expect(await db.embeddingIndex.findUnique({ where: { workspaceId: workspace.id } })).toMatchObject({ fingerprint: old.fingerprint, lists: 1 });
    expect(await db.claimEmbedding.count({ where: { workspaceId: workspace.id, list: 0 } })).toBeGreaterThanOrEqual(before.length);
    const wider = Object.fromEntries(Object.entries(WORDS).map(([w, v]) => [w, [...v, 0, 0]]));
    const other = writeTinyModel(path.join(root, "tiny-ten"), { words: wider });
    setModel(other);
    const embedder = (await loadEmbedder())!;
    expect(embedder.dimension).toBe(10);
    await drain();
    expect(await db.embeddingModel.findUnique({ where: { id: 1 } })).toMatchObject({ name: "tiny-ten", dimension: 10, fingerprint: embedder.fingerprint });
    const rows = await db.claimEmbedding.findMany({ where: { workspaceId: workspace.id } });
    expect(rows.length).toBeGreaterThanOrEqual(before.length);
    expect(rows.every((r) => r.fingerprint === embedder.fingerprint && r.vector.byteLength === 10 && r.list === -1)).toBe(true);
    expect(await db.embeddingIndex.count({ where: { fingerprint: old.fingerprint } })).toBe(0);
    const blended = await suggestClaims({ workspaceId: workspace.id, text: QUERY, limit: 5 });
    expect(blended.map((s) => s.claimId)).toContain(target);
  });
});
