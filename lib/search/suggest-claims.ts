import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

/**
 * Similar-claim suggestions and the typed claim search, both in PostgreSQL.
 *
 * Lexical first: full-text ranking of each claim's search document (statement,
 * claimant and its mentions' quotes, kept in "Claim"."searchVector" by the
 * triggers of migration claim_search) against an OR-query of the selection's
 * lexemes. Lexical matching is what does best on published claim-matching
 * benchmarks, and an OR-query lets a long selection match a short paraphrase
 * that shares only some of its words. Trigram word similarity on the
 * statement adds typo tolerance: for short texts (a typed query, a name) it
 * finds candidates on its own; for every candidate it nudges the ranking.
 */

export interface ClaimSuggestion {
  claimId: string;
  statement: string;
  verdict: string | null;
  reviewState: string;
  /** Distinct articles with a live mention of the claim. */
  articleCount: number;
  mentionCount: number;
  /** 0…1, higher is better; comparable within one result list only. */
  score: number;
  /** "text": the full-text query matched; "trigram": found by spelling similarity alone. */
  matchedBy: "text" | "trigram";
}

export interface SuggestClaimsInput {
  workspaceId: string;
  text: string;
  limit?: number;
  /** Claims not to suggest, e.g. the one the selection already belongs to. */
  excludeClaimIds?: string[];
}

export interface SearchClaimsInput {
  workspaceId: string;
  query: string;
  limit?: number;
}

/** Longer selections are cut: the first few thousand characters carry the claim, and the cost stays bounded. */
const MAX_TEXT = 4000;
/** Texts up to this length also get trigram candidates (typos in names and short phrases). */
const TRIGRAM_MAX = 120;
/** word_similarity below this is noise; "Grushco" vs "Grushko" scores about 0.45. */
const TRIGRAM_THRESHOLD = 0.35;
/** How many candidates each signal contributes before the combined re-ranking. */
const CANDIDATES = 50;
/**
 * ts_rank weights for {D, C, B, A} labels: statement (A) counts most, then
 * mention quotes (C: article wording, often the same words as the next
 * selection), then claimant (B).
 */
const RANK_WEIGHTS = Prisma.raw(`'{0.1, 0.5, 0.4, 1.0}'::float4[]`);
/** Rank normalisation 1|32: divide by 1 + log(document length), then map to rank/(rank+1). */
const RANK_NORMALIZATION = Prisma.raw("33");
/** Share of the score given to trigram similarity. */
const TRIGRAM_WEIGHT = Prisma.raw("0.3");
const MAX_LIMIT = 50;

function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
}

function clampLimit(limit: number | undefined, fallback: number): number {
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit ?? fallback)));
}

/** A lexeme quoted for tsquery input: no normalisation happens on the way back in. */
const QUOTE_LEXEME = Prisma.sql`'''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''''`;

/**
 * OR of the selection's 'english' lexemes (stop words gone, words stemmed).
 * plainto_tsquery would AND them, so a long selection would match nothing;
 * websearch_to_tsquery treats words like "or" and "-" as syntax.
 */
function orQueryOfText(text: string): Prisma.Sql {
  return Prisma.sql`(SELECT string_agg(${QUOTE_LEXEME}, ' | ')::tsquery
    FROM unnest(tsvector_to_array(to_tsvector('english', ${text}))) AS lexeme)`;
}

/** For a typed query: every word as a prefix (the last one is usually half-typed), ORed. */
function prefixQueryOfWords(words: string[]): Prisma.Sql {
  const terms = words.map((w) => `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}':*`).join(" | ");
  return Prisma.sql`to_tsquery('english', ${terms})`;
}

interface RankInput {
  workspaceId: string;
  tsquery: Prisma.Sql;
  trigramText: string;
  /** Whether trigram similarity may find candidates, not only re-rank them. */
  trigramCandidates: boolean;
  excludeClaimIds: string[];
  limit: number;
}

interface Row {
  claimId: string;
  statement: string;
  verdict: string | null;
  reviewState: string;
  score: number;
  textRank: number;
  mentionCount: number;
  articleCount: number;
}

function liveClaimsOf(input: RankInput): Prisma.Sql {
  return Prisma.sql`c."workspaceId" = ${input.workspaceId} AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
    AND c."id" <> ALL(${input.excludeClaimIds}::text[])`;
}

/** Claims whose statement contains something spelled like the text (GIN trigram index via <%). */
function trigramCandidates(input: RankInput): Prisma.Sql {
  if (!input.trigramCandidates) return Prisma.sql`SELECT NULL::text AS id WHERE false`;
  return Prisma.sql`SELECT c."id" FROM "Claim" c
    WHERE ${input.trigramText} <% c."statement" AND ${liveClaimsOf(input)}
    ORDER BY word_similarity(${input.trigramText}, c."statement") DESC LIMIT ${Prisma.raw(String(CANDIDATES))}`;
}

function rankQuery(input: RankInput): Prisma.Sql {
  return Prisma.sql`
    WITH q AS MATERIALIZED (SELECT ${input.tsquery} AS tsq),
    text_hits AS (
      SELECT c."id", ts_rank(${RANK_WEIGHTS}, c."searchVector", q.tsq, ${RANK_NORMALIZATION}) AS rank
      FROM "Claim" c, q
      WHERE c."searchVector" @@ q.tsq AND ${liveClaimsOf(input)}
      ORDER BY rank DESC LIMIT ${Prisma.raw(String(CANDIDATES))}
    ),
    trigram_hits AS (${trigramCandidates(input)}),
    scored AS (
      SELECT c."id", c."statement", c."verdict", c."reviewState", coalesce(t.rank, 0) AS text_rank,
        (1 - ${TRIGRAM_WEIGHT}) * coalesce(t.rank, 0) + ${TRIGRAM_WEIGHT} * word_similarity(${input.trigramText}, c."statement") AS score
      FROM (SELECT id FROM text_hits UNION SELECT id FROM trigram_hits) AS candidate
      JOIN "Claim" c ON c."id" = candidate.id
      LEFT JOIN text_hits t ON t.id = c."id"
      ORDER BY score DESC, c."id" LIMIT ${input.limit}
    )
    SELECT s."id" AS "claimId", s."statement", s."verdict", s."reviewState",
      s.score::float8 AS "score", s.text_rank::float8 AS "textRank",
      m.mentions AS "mentionCount", m.articles AS "articleCount"
    FROM scored s
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS mentions, count(DISTINCT a."articleId")::int AS articles
      FROM "Annotation" a WHERE a."claimId" = s."id" AND a."deletedAt" IS NULL
    ) m
    ORDER BY s.score DESC, s."id"`;
}

async function rankClaims(input: RankInput): Promise<ClaimSuggestion[]> {
  // The <% operator reads its threshold from a setting; SET LOCAL keeps it to this transaction.
  const [, rows] = await db.$transaction([
    db.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TRIGRAM_THRESHOLD)}, true)`,
    db.$queryRaw<Row[]>(rankQuery(input)),
  ]);
  return rows.map(({ textRank, ...row }) => ({ ...row, matchedBy: textRank > 0 ? "text" : "trigram" }));
}

/** Suggestions for a selection: claims of the workspace most similar to it, best first. */
export async function suggestClaims(input: SuggestClaimsInput): Promise<ClaimSuggestion[]> {
  const text = cleanText(input.text);
  if (!text) return [];
  return rankClaims({
    workspaceId: input.workspaceId,
    tsquery: orQueryOfText(text),
    trigramText: text.slice(0, TRIGRAM_MAX),
    trigramCandidates: text.length <= TRIGRAM_MAX,
    excludeClaimIds: input.excludeClaimIds ?? [],
    limit: clampLimit(input.limit, 8),
  });
}

/** The attach list's search box: prefix matching for half-typed words, trigram for typos. */
export async function searchClaims(input: SearchClaimsInput): Promise<ClaimSuggestion[]> {
  const text = cleanText(input.query);
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return [];
  return rankClaims({
    workspaceId: input.workspaceId,
    tsquery: prefixQueryOfWords(words.slice(0, 32)),
    trigramText: text.slice(0, TRIGRAM_MAX),
    trigramCandidates: true,
    excludeClaimIds: [],
    limit: clampLimit(input.limit, 20),
  });
}
