import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ClaimSuggestion } from "../suggest-claims";
import { usableEmbedder } from "./model";
import { dotQuantised } from "./quantise";
import { candidateVectors, type StoredVector } from "./vector-index";

/**
 * Blends the lexical suggestions with the optional model's nearest claims by
 * meaning (issue 14 §3), by reciprocal-rank fusion: a claim's score is
 * Σ 1/(RRF_K + rank) over the two lists it is in. Hybrid lexical + dense
 * ranking beat either alone in SemEval-2025 Task 7; RRF needs no calibration
 * between BM25 and cosine, whose scales differ from model to model.
 *
 * The work is bounded whatever the workspace's size:
 * - the lexical list is the ranking's top LEXICAL_POOL (its own bounded query);
 * - their vectors are read by claim id (an index lookup);
 * - the nearest-neighbour pass reads the few inverted-file lists nearest the
 *   selection (./vector-index.ts: at most ~2,000 int8 vectors of 384 bytes,
 *   from one index), and cosine is computed in Node;
 * - only the few nearest are checked for being live (not deleted or merged).
 * Without EMBEDDING_MODEL_DIR (or with a broken model) it is the lexical
 * ranking unchanged, with no query and no cost added.
 */

/** Lexical candidates blended (more than shown, so a claim just below the cut can rise). */
const LEXICAL_POOL = 30;
/** Nearest claims by meaning taken into the blend. */
const MEANING_POOL = 30;
/** The usual RRF constant: a rank-1 and a rank-10 claim differ by a little, not by a factor of 10. */
const RRF_K = 60;
/** Below this cosine a claim is not "near in meaning", whatever its rank among the few the workspace has. */
const MIN_COSINE = 0.3;

export interface MeaningInput {
  workspaceId: string;
  text: string;
  excludeClaimIds: string[];
  limit: number;
}

/** Each claim's best cosine over its statement and quote vectors. */
function bestCosines(query: Float32Array, rows: StoredVector[], into = new Map<string, number>()): Map<string, number> {
  for (const row of rows) {
    const cos = dotQuantised(query, row.vector, row.scale);
    if (cos > (into.get(row.claimId) ?? -Infinity)) into.set(row.claimId, cos);
  }
  return into;
}

function live(alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`${a}."deletedAt" IS NULL AND ${a}."mergedIntoId" IS NULL`;
}

/** The claims nearest the query in the workspace (at most `n`, live, not excluded), with their cosines. */
export async function nearestClaims(workspaceId: string, fingerprint: string, query: Float32Array, exclude: string[], n: number): Promise<Map<string, number>> {
  const skip = new Set(exclude);
  const cosines = bestCosines(query, await candidateVectors(workspaceId, fingerprint, query));
  // Twice as many as needed: a few may have been deleted or merged since they were embedded.
  const best = [...cosines.entries()]
    .filter(([id, cos]) => cos >= MIN_COSINE && !skip.has(id))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n * 2);
  if (best.length === 0) return new Map();
  const alive = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Claim" c WHERE c."id" = ANY(${best.map(([id]) => id)}::text[]) AND ${live("c")}`;
  const ok = new Set(alive.map((r) => r.id));
  return new Map(best.filter(([id]) => ok.has(id)).slice(0, n));
}

type Details = Omit<ClaimSuggestion, "score" | "matchedBy" | "reasons">;

/** What a suggestion shows, for claims found only by meaning. */
async function details(ids: string[]): Promise<Map<string, Details>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<Details[]>`
    SELECT c."id" AS "claimId", c."statement", c."language", c."verdict", c."reviewState", m.mentions AS "mentionCount", m.articles AS "articleCount"
    FROM "Claim" c
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS mentions, count(DISTINCT a."articleId")::int AS articles
      FROM "Annotation" a WHERE a."claimId" = c."id" AND a."deletedAt" IS NULL
    ) m
    WHERE c."id" = ANY(${ids}::text[]) AND ${live("c")}`;
  return new Map(rows.map((r) => [r.claimId, r]));
}

/**
 * The one hook into ranking (lib/search/suggest-claims.ts, suggestClaims):
 * `lexical(n)` is the lexical ranking's top n.
 */
export async function blendWithMeaning(input: MeaningInput, lexical: (limit: number) => Promise<ClaimSuggestion[]>): Promise<ClaimSuggestion[]> {
  const embedder = await usableEmbedder();
  if (!embedder) return lexical(input.limit);
  const [words, [query]] = await Promise.all([lexical(Math.max(input.limit, LEXICAL_POOL)), embedder.embed([input.text], "query")]);
  const lexicalIds = words.map((w) => w.claimId);
  const [ofWords, near] = await Promise.all([
    db.$queryRaw<StoredVector[]>`
      SELECT e."claimId", e."vector", e."scale" FROM "ClaimEmbedding" e
      WHERE e."claimId" = ANY(${lexicalIds}::text[]) AND e."fingerprint" = ${embedder.fingerprint}`,
    nearestClaims(input.workspaceId, embedder.fingerprint, query!, input.excludeClaimIds, MEANING_POOL),
  ]);
  const cosines = bestCosines(query!, ofWords, near);
  const byMeaning = [...cosines.entries()]
    .filter(([, cos]) => cos >= MIN_COSINE)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MEANING_POOL);
  if (byMeaning.length === 0) return words.slice(0, input.limit);

  const fused = new Map<string, number>();
  words.forEach((w, i) => fused.set(w.claimId, 1 / (RRF_K + i + 1)));
  const meaningRank = new Map<string, number>();
  byMeaning.forEach(([id], i) => {
    meaningRank.set(id, i);
    fused.set(id, (fused.get(id) ?? 0) + 1 / (RRF_K + i + 1));
  });
  const top = [...fused.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, input.limit);
  const lexicalById = new Map(words.map((w) => [w.claimId, w]));
  const missing = await details(top.map(([id]) => id).filter((id) => !lexicalById.has(id)));
  const best = top[0]![1];
  const out: ClaimSuggestion[] = [];
  for (const [id, score] of top) {
    const cos = meaningRank.has(id) ? cosines.get(id)! : null;
    const meaning = cos === null ? [] : [{ kind: "meaning" as const, terms: [cos.toFixed(2)] }];
    const found = lexicalById.get(id);
    if (found) {
      out.push({ ...found, score: score / best, reasons: [...found.reasons, ...meaning] });
    } else {
      const d = missing.get(id);
      // Deleted or merged since its vectors were read: left out.
      if (d) out.push({ ...d, score: score / best, matchedBy: "meaning", reasons: meaning });
    }
  }
  return out;
}
