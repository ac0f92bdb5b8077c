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
 * that shares only some of its words. Suggestions re-rank the index lookup's
 * best candidates with Okapi BM25, so a rare shared word (a name) counts for
 * more than a word most claims contain; the typed search keeps ts_rank, as
 * its half-typed prefixes have no document frequency. Trigram word
 * similarity on the statement adds typo tolerance: for short texts (a typed
 * query, a name) it finds candidates on its own; for every candidate it
 * nudges the ranking.
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
/** Trigram similarity re-ranks using this much of the text. */
const TRIGRAM_MAX = 120;
/**
 * Texts up to this length also get candidates by trigram similarity alone
 * (typos in names, short phrases, typed queries). Longer texts have enough
 * words for the full-text query, and their many trigrams would make the
 * trigram index lookup slow (over 100 ms with 100k claims).
 */
const TRIGRAM_CANDIDATES_MAX = 40;
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
/** Field weights for BM25 term frequencies, the same as RANK_WEIGHTS. */
const FIELD_WEIGHT = { A: Prisma.raw("1.0"), B: Prisma.raw("0.4"), C: Prisma.raw("0.5"), D: Prisma.raw("0.1") };
/** Okapi BM25's usual parameters: term-frequency saturation and length normalisation. */
const BM25_K1 = Prisma.raw("1.2");
const BM25_B = Prisma.raw("0.75");
/** Candidates of the index lookup (by ts_rank) that BM25 re-ranks. */
const BM25_CANDIDATES = 100;
/** Live claims are counted up to this many; beyond, the planner's estimate stands in. */
const POPULATION_COUNT_MAX = 2000;
/** Share of the score given to trigram similarity. */
const TRIGRAM_WEIGHT = Prisma.raw("0.3");
const MAX_LIMIT = 50;
/** Estimated claims the index lookup may return for ranking; bounds the work in big workspaces. */
const LOOKUP_BUDGET = Prisma.raw("3000");

function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
}

function clampLimit(limit: number | undefined, fallback: number): number {
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit ?? fallback)));
}

/** A lexeme quoted for tsquery input: no normalisation happens on the way back in. */
const QUOTE_LEXEME = Prisma.sql`'''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''''`;

/**
 * The selection's 'english' lexemes (stop words gone, words stemmed), each
 * with the planner's estimate of the share (freq) and number (est_rows) of
 * claims that contain it: pg_stats keeps
 * the most common elements of the tsvector column and their frequencies
 * (refreshed by ANALYZE/autovacuum); a lexeme not listed is rarer than the
 * rarest listed one. Without statistics (a new or embedded database) every
 * estimate is 0.
 */
function termsOfText(text: string): Prisma.Sql {
  return Prisma.sql`
    stats AS (
      SELECT p.most_common_elems::text::text[] AS elems, p.most_common_elem_freqs AS freqs
      FROM pg_stats p
      WHERE p.schemaname = current_schema() AND p.tablename = 'Claim' AND p.attname = 'searchVector'
    ),
    listed AS (SELECT e.lexeme, e.freq FROM stats s, unnest(s.elems, s.freqs) AS e(lexeme, freq) WHERE e.lexeme IS NOT NULL),
    terms AS MATERIALIZED (
      SELECT f.lexeme, f.freq, f.freq * greatest((SELECT c.reltuples FROM pg_class c WHERE c.oid = '"Claim"'::regclass), 0) AS est_rows
      FROM (
        SELECT t.lexeme, coalesce(l.freq, (SELECT s.freqs[array_length(s.elems, 1) + 1] FROM stats s), 0)::float8 AS freq
        FROM unnest(tsvector_to_array(to_tsvector('english', ${text}))) AS t(lexeme)
        LEFT JOIN listed l USING (lexeme)
      ) f
    )`;
}

/**
 * Two OR-queries of the lexemes (plainto_tsquery would AND them, so a long
 * selection would match nothing; websearch_to_tsquery reads "or" and "-" as
 * syntax). "ranked" has every lexeme and scores the candidates; "lookup",
 * which finds them through the GIN index, keeps only the rarer lexemes whose
 * estimated matches add up to LOOKUP_BUDGET rows (always at least the rarest
 * one). Common words ("Russia", "NATO" in this corpus) would otherwise make
 * nearly every claim a candidate to be ranked; they still count in the score
 * of claims found through rarer words. This is Lucene's "common terms" query
 * (cutoff_frequency) with the planner's statistics as document frequencies.
 */
function selectionQueries(text: string): Prisma.Sql {
  return Prisma.sql`${termsOfText(text)},
    lookup_terms AS (
      SELECT lexeme FROM (
        SELECT lexeme, sum(est_rows) OVER w AS cumulative, row_number() OVER w AS n
        FROM terms WINDOW w AS (ORDER BY est_rows, lexeme)
      ) ordered
      WHERE cumulative <= ${LOOKUP_BUDGET} OR n = 1
    ),
    q AS MATERIALIZED (
      SELECT (SELECT string_agg(${QUOTE_LEXEME}, ' | ') FROM terms)::tsquery AS ranked,
             (SELECT string_agg(${QUOTE_LEXEME}, ' | ') FROM lookup_terms)::tsquery AS lookup
    )`;
}

/** For a typed query: every word as a prefix (the last one is usually half-typed), ORed. Few words: no cutoff. */
function prefixQueries(words: string[]): Prisma.Sql {
  const terms = words.map((w) => `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}':*`).join(" | ");
  return Prisma.sql`q AS MATERIALIZED (SELECT to_tsquery('english', ${terms}) AS ranked, to_tsquery('english', ${terms}) AS lookup)`;
}

interface RankInput {
  workspaceId: string;
  /** CTEs ending in q(ranked, lookup): the tsqueries that score and that find candidates. */
  queries: Prisma.Sql;
  trigramText: string;
  /** Whether trigram similarity may find candidates, not only re-rank them. */
  trigramCandidates: boolean;
  /** Re-rank with BM25 (needs CTEs "terms" and "lookup_terms"); otherwise ts_rank alone. */
  bm25: boolean;
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

function liveInWorkspace(workspaceId: string): Prisma.Sql {
  return Prisma.sql`c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL`;
}

function liveClaimsOf(input: RankInput): Prisma.Sql {
  return Prisma.sql`${liveInWorkspace(input.workspaceId)} AND c."id" <> ALL(${input.excludeClaimIds}::text[])`;
}

/** Claims whose statement contains something spelled like the text (GIN trigram index via <%). */
function trigramCandidates(input: RankInput): Prisma.Sql {
  if (!input.trigramCandidates) return Prisma.sql`SELECT NULL::text AS id WHERE false`;
  return Prisma.sql`SELECT c."id" FROM "Claim" c
    WHERE ${input.trigramText} <% c."statement" AND ${liveClaimsOf(input)}
    ORDER BY word_similarity(${input.trigramText}, c."statement") DESC LIMIT ${Prisma.raw(String(CANDIDATES))}`;
}

/** text_hits(id, rank) by ts_rank alone: the typed search, whose prefix terms have no document frequency. */
function tsRankHits(input: RankInput): Prisma.Sql {
  return Prisma.sql`
    text_hits AS (
      SELECT c."id", ts_rank(${RANK_WEIGHTS}, c."searchVector", q.ranked, ${RANK_NORMALIZATION}) AS rank
      FROM "Claim" c, q
      WHERE c."searchVector" @@ q.lookup AND ${liveClaimsOf(input)}
      ORDER BY rank DESC LIMIT ${Prisma.raw(String(CANDIDATES))}
    ),
    trigram_hits AS (${trigramCandidates(input)})`;
}

/**
 * text_hits(id, rank) by Okapi BM25 over the selection's terms (CTE "terms",
 * "lookup_terms"): the index lookup finds the claims containing a rarer term
 * ("pool"), ts_rank picks the first BM25_CANDIDATES of them, and these plus
 * the trigram candidates are re-ranked.
 *
 * - Document frequency, per workspace: for the lookup terms, counted exactly
 *   in the pool (every live claim containing one of them is in it); for the
 *   common terms left out of the lookup, the planner's frequency (pg_stats)
 *   times the number of claims. Nothing is scanned beyond the index lookup.
 * - Number of claims: counted up to POPULATION_COUNT_MAX; above that the
 *   planner's estimate (the table's rows times the workspace's share if
 *   pg_stats lists it), as counting 100k rows would take longer than the
 *   whole ranking.
 * - Term frequency: the term's positions in the search vector, each weighted
 *   by its field as in ts_rank (statement, mention quotes, claimant);
 *   document length: the sum over all its lexemes; average length: over the
 *   candidates.
 * - IDF as in Lucene, ln(1 + (N - df + 0.5) / (df + 0.5)): never 0, so a
 *   word every claim contains still counts a little (a workspace of one claim).
 * The scores are divided by the best one, so rank is 0…1 like ts_rank's.
 */
function bm25Hits(input: RankInput): Prisma.Sql {
  return Prisma.sql`
    pool AS MATERIALIZED (
      SELECT c."id", c."searchVector" AS sv FROM "Claim" c, q
      WHERE c."searchVector" @@ q.lookup AND ${liveInWorkspace(input.workspaceId)}
    ),
    population AS MATERIALIZED (
      SELECT CASE WHEN counted < ${POPULATION_COUNT_MAX} THEN counted
        ELSE greatest(counted, (SELECT c.reltuples FROM pg_class c WHERE c.oid = '"Claim"'::regclass) * coalesce((
          SELECT f.freq FROM pg_stats p, unnest(p.most_common_vals::text::text[], p.most_common_freqs) AS f(val, freq)
          WHERE p.schemaname = current_schema() AND p.tablename = 'Claim' AND p.attname = 'workspaceId' AND f.val = ${input.workspaceId}
        ), 1)) END AS n
      FROM (SELECT count(*)::float8 AS counted FROM (
        SELECT 1 FROM "Claim" c WHERE ${liveInWorkspace(input.workspaceId)} LIMIT ${POPULATION_COUNT_MAX}
      ) x) counted
    ),
    lookup_queries AS MATERIALIZED (SELECT lexeme, (${QUOTE_LEXEME})::tsquery AS query FROM lookup_terms),
    doc_freq AS MATERIALIZED (
      SELECT t.lexeme,
        CASE WHEN l.query IS NOT NULL
          THEN (SELECT count(*) FROM pool WHERE pool.sv @@ l.query)::float8
          ELSE least(t.freq * p.n, p.n) END AS df
      FROM terms t CROSS JOIN population p
      LEFT JOIN lookup_queries l USING (lexeme)
    ),
    idf AS MATERIALIZED (
      SELECT d.lexeme, ln(1 + (greatest(p.n - d.df, 0) + 0.5) / (d.df + 0.5)) AS idf FROM doc_freq d, population p
    ),
    first_stage AS (
      SELECT pool."id" FROM pool, q
      WHERE pool."id" <> ALL(${input.excludeClaimIds}::text[])
      ORDER BY ts_rank(${RANK_WEIGHTS}, pool.sv, q.ranked, ${RANK_NORMALIZATION}) DESC, pool."id"
      LIMIT ${Prisma.raw(String(BM25_CANDIDATES))}
    ),
    trigram_hits AS (${trigramCandidates(input)}),
    doc_terms AS MATERIALIZED (
      SELECT d."id", d.lexeme,
        ${FIELD_WEIGHT.A} * (length(d.w) - length(replace(d.w, 'A', ''))) + ${FIELD_WEIGHT.B} * (length(d.w) - length(replace(d.w, 'B', '')))
          + ${FIELD_WEIGHT.C} * (length(d.w) - length(replace(d.w, 'C', ''))) + ${FIELD_WEIGHT.D} * (length(d.w) - length(replace(d.w, 'D', ''))) AS tf
      FROM (
        SELECT c."id", u.lexeme, coalesce(array_to_string(u.weights, ''), 'D') AS w
        FROM (SELECT id FROM first_stage UNION SELECT id FROM trigram_hits) candidate
        JOIN "Claim" c ON c."id" = candidate.id
        CROSS JOIN LATERAL unnest(c."searchVector") AS u
      ) d
    ),
    doc_length AS (SELECT id, sum(tf) AS dl FROM doc_terms GROUP BY id),
    average AS (SELECT greatest(avg(dl), 1e-6) AS avgdl FROM doc_length),
    bm25 AS (
      SELECT d.id, sum(i.idf * d.tf * (${BM25_K1} + 1) / (d.tf + ${BM25_K1} * (1 - ${BM25_B} + ${BM25_B} * l.dl / a.avgdl))) AS score
      FROM doc_terms d JOIN idf i USING (lexeme) JOIN doc_length l USING (id), average a
      GROUP BY d.id
    ),
    text_hits AS (
      SELECT id, score / nullif(max(score) OVER (), 0) AS rank FROM bm25 WHERE score > 0
    )`;
}

function rankQuery(input: RankInput): Prisma.Sql {
  return Prisma.sql`
    WITH ${input.queries},
    ${input.bm25 ? bm25Hits(input) : tsRankHits(input)},
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
    queries: selectionQueries(text),
    trigramText: text.slice(0, TRIGRAM_MAX),
    trigramCandidates: text.length <= TRIGRAM_CANDIDATES_MAX,
    bm25: true,
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
    queries: prefixQueries(words.slice(0, 32)),
    trigramText: text.slice(0, TRIGRAM_MAX),
    trigramCandidates: text.length <= TRIGRAM_CANDIDATES_MAX,
    bm25: false,
    excludeClaimIds: [],
    limit: clampLimit(input.limit, 20),
  });
}
