import { detectLanguage } from "@/lib/articles/import/language";
import { db, PREPARED } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { blendWithMeaning } from "./embeddings/blend";
import { glossaryLabelsFor, glossaryLanguages, selectionLanguage } from "./glossary-reasons";
import { mentionSurfaces, unspelled } from "./mention-surfaces";
import { readableReasons, type Surface } from "./readable-reasons";

/**
 * Similar-claim suggestions and the typed claim search, both in PostgreSQL,
 * with work bounded for any input (issue 11): a one-letter query, "Russia" in
 * a workspace where most claims say Russia, or a whole pasted paragraph.
 *
 * 1. Query terms. The text normalised as documents are (search_clean():
 *    invisible characters, stress marks, look-alike letters), then a
 *    selection's lexemes in its own language (detected with
 *    the import's detector, the script for short text; stop words gone,
 *    stemmed by search_words() of migration multilingual_search, the same
 *    function that builds the claims' documents, where each statement is in
 *    its claim's language and each mention quote in its article's), plus the
 *    cross-language signals of that migration, at most MAX_TERMS of them, the
 *    rarest first. A typed query's words are
 *    prefixes (the last one is usually half-typed): each expands to the
 *    workspace's words that start with it ("SearchLexeme", a range read).
 *    A word the workspace has never used (a typo, a variant spelling) expands
 *    to its most similar words by trigram similarity, so "Stoltenberg" finds
 *    a claim that says "Stoltenburg".
 * 2. Candidates. For each term, the claims where it weighs most, read in
 *    order from the postings ("ClaimSearchTerm", kept by the triggers of
 *    migration sugg_search_postings): at most PER_TERM_BUDGET / terms rows a
 *    term, so the lookup reads a bounded number of index rows however common
 *    the words. The postings' impact is BM25's term-frequency factor; summed
 *    with each term's IDF it is BM25 over the postings read, and the best
 *    CANDIDATES claims go on.
 * 3. Re-ranking. Exact BM25 over every query term of each candidate's search
 *    document (statement, claimant, its mentions' quotes), plus trigram word
 *    similarity of the statement to the text for spelling closeness.
 *
 * Lexical matching is what does best on published claim-matching benchmarks,
 * and summing over the terms (an OR with coverage) lets a long selection match
 * a short paraphrase that shares only some of its words, while a claim sharing
 * more of the rare ones ranks higher.
 */

export interface ClaimSuggestion {
  claimId: string;
  statement: string;
  /** The statement's detected language (BCP 47), or null when too short to tell. */
  language: string | null;
  verdict: string | null;
  reviewState: string;
  /** Distinct articles with a live mention of the claim. */
  articleCount: number;
  mentionCount: number;
  /** 0…1, higher is better; comparable within one result list only. */
  score: number;
  /** "text": its words matched; "trigram": found only through similarly spelled words; "meaning": only by the optional model (lib/search/embeddings). */
  matchedBy: "text" | "trigram" | "meaning";
  /** Why it matched, strongest evidence first: the matched terms grouped by kind. */
  reasons: SuggestionReason[];
}

/**
 * words: the texts share words (stems, in the text's language); name: a name,
 * written in Latin or transliterated from Cyrillic, or meeting by its sound
 * (name keys, migration name_keys: Шольц = Scholz); place: such a name that is
 * a country or city (lib/search/places.ts); date and number: the same
 * date or number however written (17 December 2021, 17 декабря 2021 года);
 * glossary: through a pair of the workspace glossary (shown as "term = english");
 * spelling: only a similarly spelled word; meaning: close in meaning by the
 * optional embedding model (lib/search/embeddings), terms = [cosine]. A name
 * matched through a confirmed alias is shown as the alias ("Sergei Lavrov = Sergey Lavrov").
 */
export type ReasonKind = "name" | "place" | "date" | "number" | "glossary" | "words" | "spelling" | "meaning";

export interface SuggestionReason {
  kind: ReasonKind;
  /** The matched terms as the selection and the claim write them ("17 December 2021 ↔ 17 декабря 2021", "Sergey Ryabkov ↔ Сергей Рябков"; one form when alike); lib/search/readable-reasons.ts. */
  terms: string[];
}

export interface SuggestClaimsInput {
  workspaceId: string;
  text: string;
  /** The selection's language (BCP 47) if known; otherwise detected from the text. */
  language?: string | null;
  /** The language of the article the selection is from: taken when the selection is too short to tell (a reliable detection wins). */
  articleLanguage?: string | null;
  limit?: number;
  /** Claims not to suggest, e.g. the one the selection already belongs to. */
  excludeClaimIds?: string[];
}

export interface SearchClaimsInput {
  workspaceId: string;
  query: string;
  limit?: number;
}

/** Claims whose statement starts as the text does (its first 100 characters), added to the candidates. */
const EXACT_CANDIDATES = 5;
/** Longer selections are cut: the first few thousand characters carry the claim, and the cost stays bounded. */
const MAX_TEXT = 4000;
/** Trigram similarity re-ranks using this much of the text. */
const TRIGRAM_MAX = 120;
/** A selection's rarest lexemes kept as terms; a paragraph's common words add little and cost a lookup each. */
const MAX_TERMS = 48;
/** Typed words used (the search box). */
const MAX_TYPED_WORDS = 16;
/**
 * Postings read in all, shared among the terms by water-filling: the rarer
 * terms (by the planner's estimate) are read whole, and what they leave is
 * shared by the common ones. So in a workspace of 100k claims a typical
 * selection's terms are read whole (exact BM25), and in a bigger one the
 * commonest terms are cut to their best postings rather than the work growing.
 */
const POSTINGS_BUDGET = 10_000;
/** Each term gets at least this many; and at most this many, as one word's best claims are its first few hundred. */
const PER_TERM_MIN = 100;
const PER_TERM_MAX = 4_000;
/** Workspace words a typed prefix expands to (alphabetically first). */
const PREFIX_EXPANSIONS = 30;
/** Unknown words looked up by spelling, and the similar words each expands to. */
const FUZZY_WORDS = 8;
const FUZZY_EXPANSIONS = 3;
/** Shorter unknown words are not looked up by spelling: too many three-letter words look alike. */
const FUZZY_MIN_LENGTH = 4;
/** pg_trgm similarity below this is noise; "stoltenberg" vs "stoltenburg" is 0.6. */
const FUZZY_THRESHOLD = 0.45;
/**
 * The IDF of names, dates, numbers and other signals (not of plain words) is
 * raised to this power, so one rare shared name outweighs several common words:
 * a passage naming someone one claim mentions, amid the words most claims share
 * (Russia, NATO, security guarantees), finds that claim (RARE_NAME_CASES of the
 * evaluation set). Measured on the suggestions bench's 100k claims
 * (bench/suggestions-quality-probe.ts), hit@5 evaluation set / paraphrases /
 * rare names en, ru, uk: no power 0.91 / 1.00 / 0.80, 0.80, 0.80; every term
 * ^1.5 0.82 / 1.00 / 1.00 (below the set's 0.85 target: common words' weights
 * spread too); signals only ^1.5 0.91 / 0.95 / 1.00, 1.00, 1.00.
 */
const IDF_POWER = 1.5;
/**
 * A name key's weight (migration name_keys; it counts only where the claim lacks the key's own word, see
 * key_words in rankQuery): a match by sound alone is weaker evidence than the same word, and a capitalised
 * common word can sound like a rare name («Соединённые» and Sudan, Schaden are all "sdn"). At 1, on the
 * suggestions bench's 10k claims ru→en hit@5 fell 1.00 → 0.95 (that selection); at 0.5 every figure is as
 * on main or better (bench/suggestions-quality-probe.ts; README, "Names by their sound").
 */
const NAME_KEY_WEIGHT = 0.5;
/** Claims re-ranked exactly. */
const CANDIDATES = 120;
/** Live claims are counted up to this many; beyond, the planner's estimate stands in. */
const POPULATION_COUNT_MAX = 2000;
/**
 * The best claims by BM25 that trigram similarity re-ranks: it can lift a
 * claim by at most TRIGRAM_WEIGHT, and comparing the text with every
 * candidate's statement is the costliest step per claim.
 */
const TRIGRAM_CANDIDATES = 60;
/** Share of the score given to trigram similarity. */
const TRIGRAM_WEIGHT = 0.3;
const MAX_LIMIT = 50;
/** A safety net only: the lookups are bounded, so hitting it means something is badly wrong. */
const STATEMENT_TIMEOUT_MS = 5000;

const raw = (n: number) => Prisma.raw(String(n));

function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
}

function clampLimit(limit: number | undefined, fallback: number): number {
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit ?? fallback)));
}

/**
 * pg_stats keeps the most common elements of the searchVector column and
 * their frequencies (refreshed by ANALYZE/autovacuum); a lexeme not listed is
 * rarer than the rarest listed one. Without statistics every estimate is 0.
 */
const STATS = Prisma.sql`
    stats AS (
      SELECT p.most_common_elems::text::text[] AS elems, p.most_common_elem_freqs AS freqs
      FROM pg_stats p
      WHERE p.schemaname = current_schema() AND p.tablename = 'Claim' AND p.attname = 'searchVector'
    ),
    listed AS (SELECT e.lexeme, e.freq FROM stats s, unnest(s.elems, s.freqs) AS e(lexeme, freq) WHERE e.lexeme IS NOT NULL),
    unlisted AS (SELECT coalesce((SELECT s.freqs[array_length(s.elems, 1) + 1] FROM stats s), 0)::float8 AS freq)`;

/** Signal lexemes (dates, numbers: "0d…", "0m…", "0n…") are matched exactly, never by prefix or spelling. */
const SIGNAL = "'^0[a-z]'";

/** A selection's lexemes in its language with their kinds, the MAX_TERMS rarest (by the planner's statistics). */
function selectionWords(text: string, language: string | null): Prisma.Sql {
  return Prisma.sql`
    words AS MATERIALIZED (
      SELECT t.lexeme AS stem, t.kind FROM "search_query_terms"("search_clean"(${text}), ${language}::text) t
      LEFT JOIN listed l USING (lexeme)
      ORDER BY coalesce(l.freq, (SELECT freq FROM unlisted)), t.lexeme
      LIMIT ${raw(MAX_TERMS)}
    ),
    exact_terms AS (SELECT stem AS lexeme, stem, kind FROM words)`;
}

/**
 * A typed query's words (the first MAX_TYPED_WORDS of its normalised text),
 * stemmed in the query's language, each expanded to the workspace's words
 * starting with it; its signals (a typed date, number or Cyrillic name)
 * matched exactly. search_clean runs here, in the ranking query, rather than
 * in a round trip of its own before it.
 */
function typedWords(workspaceId: string, text: string, language: string | null): Prisma.Sql {
  return Prisma.sql`
    typed AS MATERIALIZED (SELECT "search_clean"(${text}) AS t),
    lang AS MATERIALIZED (SELECT coalesce(${language}::text, "search_guess_language"(typed.t)) AS code, typed.t FROM typed),
    words AS MATERIALIZED (
      SELECT DISTINCT s.stem, 'word'::text AS kind FROM lang
      CROSS JOIN LATERAL regexp_matches(lang.t, '[[:alnum:]]+', 'g') WITH ORDINALITY AS w(m, n)
      CROSS JOIN LATERAL unnest(tsvector_to_array("search_words"(w.m[1], lang.code))) AS s(stem)
      WHERE w.n <= ${raw(MAX_TYPED_WORDS)}
      UNION
      SELECT t.lexeme, t.kind FROM lang, "search_query_terms"(lang.t, lang.code) t WHERE t.kind <> 'word'
      -- Names are told by their capital letter, and a search box is typed in lower case («кулеба»): its words
      -- are read as names too (initcap), so a name finds its other spellings and scripts all the same.
      UNION
      SELECT t.lexeme, t.kind FROM lang, "search_query_terms"(initcap(lang.t), lang.code) t WHERE t.kind <> 'word'
    ),
    exact_terms AS (
      SELECT w.stem AS lexeme, w.stem, w.kind FROM words w WHERE w.kind <> 'word'
      UNION ALL
      SELECT x.lexeme, w.stem, w.kind FROM words w
      CROSS JOIN LATERAL (
        SELECT l."lexeme" FROM "SearchLexeme" l
        WHERE l."workspaceId" = ${workspaceId} AND l."lexeme" >= w.stem AND l."lexeme" < w.stem || chr(1114111)
          AND starts_with(l."lexeme", w.stem) AND l."lexeme" !~ ${Prisma.raw(SIGNAL)}
        ORDER BY l."lexeme" LIMIT ${raw(PREFIX_EXPANSIONS)}
      ) x
      WHERE w.kind = 'word'
    )`;
}

/**
 * equivalents(lexeme, kind, label): what the workspace's glossary and alias
 * registry add to a query (lib/glossary). A glossary pair whose one side's
 * lexemes are all among the query's words adds the other side's (Russian or
 * Ukrainian → English and back), kind 'glossary'; a confirmed alias's name
 * whose lexemes are all there adds its other names', kind 'alias'. The label
 * ("гарантии безопасности = security guarantees", "Sergei Lavrov = Sergey
 * Lavrov") is what the suggestion's reason shows. The built-in equivalents of
 * country and union names (search_equivalent_sides: США = United States =
 * U.S.) are added as aliases are, kind 'place', except lexemes the query has already. Both tables are small per
 * workspace and read by its index; the added lexemes then go through the same
 * postings lookup as any term.
 */
function equivalentTerms(workspaceId: string): Prisma.Sql {
  return Prisma.sql`
    query_stems AS MATERIALIZED (
      SELECT coalesce(array_agg(DISTINCT stem), '{}') AS stems, coalesce(array_agg(DISTINCT stem) FILTER (WHERE kind = 'name'), '{}') AS names FROM words
    ),
    -- The built-in equivalents of migration place_equivalents (США = United States = U.S.), shown as places, by their labels.
    sides AS MATERIALIZED (SELECT * FROM "search_equivalent_sides"()),
    equivalents AS MATERIALIZED (
      SELECT unnest(g."englishLexemes") AS lexeme, 'glossary'::text AS kind, g."term" || ' = ' || g."english" AS label
      FROM "GlossaryPair" g, query_stems q
      WHERE g."workspaceId" = ${workspaceId} AND cardinality(g."termLexemes") > 0 AND g."termLexemes" <@ q.stems
      UNION ALL
      SELECT unnest(g."termLexemes"), 'glossary', g."english" || ' = ' || g."term"
      FROM "GlossaryPair" g, query_stems q
      WHERE g."workspaceId" = ${workspaceId} AND cardinality(g."englishLexemes") > 0 AND g."englishLexemes" <@ q.stems
      UNION ALL
      SELECT unnest(o."lexemes"), 'alias', n."name" || ' = ' || o."name"
      FROM "AliasName" n, query_stems q, "NameAlias" a, "AliasName" o
      WHERE n."workspaceId" = ${workspaceId} AND cardinality(n."lexemes") > 0 AND n."lexemes" <@ q.stems
        AND a."id" = n."aliasId" AND a."status" = 'confirmed' AND o."aliasId" = n."aliasId" AND o."id" <> n."id"
      UNION ALL
      SELECT x, 'place', s.label || ' = ' || o.label
      FROM sides s, query_stems q, sides o CROSS JOIN LATERAL unnest(o.lexemes) AS x
      WHERE s.lexemes <@ (CASE WHEN s.name_only THEN q.names ELSE q.stems END) AND o.grp = s.grp AND o.lexemes <> s.lexemes
        AND x <> ALL (q.stems)
    )`;
}

/**
 * qterms(lexeme, weight, fuzzy, freq): the exact (or prefix) terms, plus the
 * similar-looking workspace words for query words that matched none, weighted
 * by their similarity.
 */
function queryTerms(workspaceId: string): Prisma.Sql {
  return Prisma.sql`
    unmatched AS (
      SELECT w.stem FROM words w
      WHERE length(w.stem) >= ${raw(FUZZY_MIN_LENGTH)} AND w.stem !~ ${Prisma.raw(SIGNAL)}
        AND NOT EXISTS (
          SELECT 1 FROM exact_terms e
          CROSS JOIN LATERAL (SELECT 1 FROM "ClaimSearchTerm" s WHERE s."workspaceId" = ${workspaceId} AND s."lexeme" = e.lexeme LIMIT 1) used
          WHERE e.stem = w.stem
        )
      GROUP BY w.stem
      ORDER BY length(w.stem) DESC, w.stem LIMIT ${raw(FUZZY_WORDS)}
    ),
    fuzzy_terms AS (
      SELECT x.lexeme, x.sim FROM unmatched u
      CROSS JOIN LATERAL (
        SELECT l."lexeme" AS lexeme, similarity(l."lexeme", u.stem) AS sim FROM "SearchLexeme" l
        WHERE l."lexeme" % u.stem AND l."workspaceId" = ${workspaceId} AND l."lexeme" !~ ${Prisma.raw(SIGNAL)}
        ORDER BY sim DESC, l."lexeme" LIMIT ${raw(FUZZY_EXPANSIONS)}
      ) x
    ),
    ${equivalentTerms(workspaceId)},
    all_terms AS (
      SELECT lexeme, CASE WHEN lexeme ~ '^0[kf]' THEN ${raw(NAME_KEY_WEIGHT)} ELSE 1 END::float8 AS weight, false AS fuzzy, kind FROM exact_terms
      UNION ALL SELECT lexeme, sim::float8, true, 'spelling' FROM fuzzy_terms
      UNION ALL SELECT lexeme, 1.0::float8, false, kind FROM equivalents
    ),
    qterms AS MATERIALIZED (
      SELECT a.lexeme, max(a.weight) AS weight, bool_and(a.fuzzy) AS fuzzy,
        (array_agg(a.kind ORDER BY array_position(ARRAY['date', 'number', 'alias', 'place', 'name', 'word', 'glossary', 'spelling'], a.kind)))[1] AS kind,
        coalesce(max(l.freq), (SELECT freq FROM unlisted)) AS freq
      FROM all_terms a LEFT JOIN listed l USING (lexeme)
      GROUP BY a.lexeme
    )`;
}

interface RankInput {
  workspaceId: string;
  /** CTEs "words" (stem, kind) and "exact_terms" (lexeme, stem, kind). */
  words: Prisma.Sql;
  /** The start of the text, for spelling closeness (normalised in the query). */
  trigramText: string;
  /** The selection or typed text and its language (null: guessed from the script), for the reasons' words (search_surfaces). */
  surface: { text: string; language: string | null };
  excludeClaimIds: string[];
  limit: number;
}

function liveInWorkspace(workspaceId: string): Prisma.Sql {
  return Prisma.sql`c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL`;
}

/** Positions of a lexeme in one field (weight letter) of a search document, from its weight letters. */
function fieldCount(letters: Prisma.Sql, letter: "A" | "B" | "C" | "D"): Prisma.Sql {
  return Prisma.sql`(length(${letters}) - length(replace(${letters}, ${Prisma.raw(`'${letter}'`)}, '')))`;
}

/**
 * BM25F's term-frequency factor, the same as claim_search_impacts() in
 * migration sugg_search_postings (the postings' impact): each field's count
 * normalised by that field's length against its usual length (statement A
 * 10, claimant B 3, mention quotes C 20, unlabelled D 10; b = 0.75), then
 * weighted (statement 1.0, claimant 0.4, mention quotes 0.5: article wording,
 * often the same words as the next selection, D 0.1) and saturated (k1 = 1.2).
 * Per field, so a claim's mentions add evidence without diluting its statement.
 */
function impact(count: Record<"A" | "B" | "C" | "D", Prisma.Sql>, length: Record<"A" | "B" | "C" | "D", Prisma.Sql>): Prisma.Sql {
  const field = (f: "A" | "B" | "C" | "D", weight: string, usual: string) =>
    Prisma.sql`${Prisma.raw(weight)} * ${count[f]} / (0.25 + 0.75 * ${length[f]} / ${Prisma.raw(usual)})`;
  const tf = Prisma.sql`(${field("A", "1.0", "10.0")} + ${field("B", "0.4", "3.0")} + ${field("C", "0.5", "20.0")} + ${field("D", "0.1", "10.0")})`;
  return Prisma.sql`(${tf} * 2.2 / (${tf} + 1.2))`;
}

/**
 * - Postings per term: POSTINGS_BUDGET water-filled over the terms by their
 *   estimated document frequency (rarest first, each read whole while the
 *   budget lasts), clamped to PER_TERM_MIN…PER_TERM_MAX.
 * - Document frequency: a term with fewer postings than were allowed was read
 *   whole, so it is exact; otherwise the planner's frequency (pg_stats) times
 *   the number of claims, and at least what was read.
 * - Number of claims: counted up to POPULATION_COUNT_MAX; above that the
 *   planner's estimate (the table's rows times the workspace's share if
 *   pg_stats lists it), as counting 100k rows would take longer than the
 *   whole ranking.
 * - IDF as in Lucene, ln(1 + (N - df + 0.5) / (df + 0.5)): never 0, so a
 *   word every claim contains still counts a little.
 *   A signal's (not a plain word's) raised to IDF_POWER.
 * A prepared statement (PREPARED): the text is the same for every selection
 * (and for every typed query), only the parameters change, and planning this
 * query cost about 5 ms of the database's ~20 ms CPU per suggestion at 100k.
 */
function rankQuery(input: RankInput): Prisma.Sql {
  const { workspaceId } = input;
  return Prisma.sql`${Prisma.raw(PREPARED)}
    WITH ${STATS},
    ${input.words},
    ${queryTerms(workspaceId)},
    population AS MATERIALIZED (
      SELECT CASE WHEN counted < ${raw(POPULATION_COUNT_MAX)} THEN counted
        ELSE greatest(counted, (SELECT c.reltuples FROM pg_class c WHERE c.oid = '"Claim"'::regclass) * coalesce((
          SELECT f.freq FROM pg_stats p, unnest(p.most_common_vals::text::text[], p.most_common_freqs) AS f(val, freq)
          WHERE p.schemaname = current_schema() AND p.tablename = 'Claim' AND p.attname = 'workspaceId' AND f.val = ${workspaceId}
        ), 1)) END AS n
      FROM (SELECT count(*)::float8 AS counted FROM (
        SELECT 1 FROM "Claim" c WHERE ${liveInWorkspace(workspaceId)} LIMIT ${raw(POPULATION_COUNT_MAX)}
      ) x) counted
    ),
    allocation AS MATERIALIZED (
      SELECT e.lexeme, greatest(${raw(PER_TERM_MIN)}, least(${raw(PER_TERM_MAX)}, floor(
        (${raw(POSTINGS_BUDGET)} - coalesce(sum(e.est) OVER (ORDER BY e.est, e.lexeme ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))
        / (count(*) OVER () - row_number() OVER (ORDER BY e.est, e.lexeme) + 1))))::int AS per_term
      FROM (SELECT t.lexeme, least(t.freq * p.n, p.n) AS est FROM qterms t CROSS JOIN population p) e
    ),
    postings AS MATERIALIZED (
      SELECT a.lexeme, p."claimId", p."impact"
      FROM allocation a CROSS JOIN LATERAL (
        SELECT s."claimId", s."impact" FROM "ClaimSearchTerm" s
        WHERE s."workspaceId" = ${workspaceId} AND s."lexeme" = a.lexeme
        ORDER BY s."impact" DESC LIMIT a.per_term
      ) p
    ),
    read AS (SELECT lexeme, count(*)::float8 AS n FROM postings GROUP BY lexeme),
    idf AS MATERIALIZED (
      SELECT t.lexeme, t.weight, t.fuzzy, t.kind,
        t.weight * power(ln(1 + (greatest(p.n - d.df, 0) + 0.5) / (d.df + 0.5)), CASE WHEN t.kind = 'word' THEN 1 ELSE ${raw(IDF_POWER)} END) AS idf
      FROM qterms t CROSS JOIN population p
      JOIN allocation a USING (lexeme)
      LEFT JOIN read r USING (lexeme)
      CROSS JOIN LATERAL (
        SELECT CASE WHEN coalesce(r.n, 0) < a.per_term THEN coalesce(r.n, 0)
          ELSE greatest(r.n, least(t.freq * p.n, p.n)) END AS df
      ) d
    ),
    approximate AS (
      (SELECT p."claimId" FROM postings p JOIN idf i USING (lexeme)
      WHERE p."claimId" <> ALL(${input.excludeClaimIds}::text[])
      GROUP BY p."claimId"
      ORDER BY sum(i.idf * p."impact") DESC, p."claimId"
      LIMIT ${raw(CANDIDATES)})
      UNION
      -- A claim whose statement is the text itself: a passage selected again where it was made a claim. Among many
      -- claims worded alike (templated ones differing by a country or a year) its words' postings can be cut before
      -- it, so it is also looked up by its statement, through the claims list's sort index (black-box, session 37:
      -- 0.82 of such selections found their claim first on the pages bench's dataset at 100k).
      (SELECT c."id" FROM "Claim" c
      WHERE c."workspaceId" = ${workspaceId} AND left(c."statement", 100) = left(${input.surface.text}, 100)
        AND c."id" <> ALL(${input.excludeClaimIds}::text[])
      LIMIT ${raw(EXACT_CANDIDATES)})
    ),
    doc AS MATERIALIZED (
      SELECT d.id, d.lexeme, ${fieldCount(Prisma.sql`d.w`, "A")} AS a, ${fieldCount(Prisma.sql`d.w`, "B")} AS b,
        ${fieldCount(Prisma.sql`d.w`, "C")} AS c, ${fieldCount(Prisma.sql`d.w`, "D")} AS d
      FROM (
        SELECT c."id", u.lexeme, coalesce(array_to_string(u.weights, ''), 'D') AS w
        FROM approximate a
        JOIN "Claim" c ON c."id" = a."claimId" AND ${liveInWorkspace(workspaceId)}
        CROSS JOIN LATERAL unnest(c."searchVector") AS u
      ) d
    ),
    doc_length AS (SELECT id, sum(a) AS la, sum(b) AS lb, sum(c) AS lc, sum(d) AS ld FROM doc GROUP BY id),
    -- A name key (migration name_keys: 0k… a word's sound, 0f… a first name and surname's) counts for a claim
    -- only where the claim lacks the word(s) it was made from: a name spelled alike in both texts matches by its
    -- word already, and counting its key too made every shared name count twice, so names outweighed words (the
    -- evaluation set lost a selection whose only names were "West" and "Moscow": hit@5 en 1.00 → 0.95). Lowering
    -- the keys' weight instead lost variants to short claims sharing the other words (at 0.2, «Джонсон сказал…»
    -- ranked "Johnson said Britain would send…" third). key_words: each key's words' own lexemes, per word.
    key_words AS MATERIALIZED (
      SELECT k.lexeme, p.part, array_agg(DISTINCT x) AS alts
      FROM (SELECT coalesce(${input.surface.language}::text, "search_guess_language"("search_clean"(${input.surface.text}))) AS code) l
      CROSS JOIN LATERAL "search_name_keys"("search_clean"(${input.surface.text})) k
      CROSS JOIN LATERAL regexp_split_to_table(k.surface, ' ') WITH ORDINALITY AS p(word, part)
      CROSS JOIN LATERAL unnest(tsvector_to_array("search_words"(p.word, l.code))
        || tsvector_to_array(to_tsvector('english', array_to_string("search_names"(p.word), ' ')))) AS x
      WHERE k.lexeme IN (SELECT lexeme FROM idf)
      GROUP BY k.lexeme, p.part
    ),
    -- One name, one rarity: a name's spellings (Сергей → sergei and sergey) are terms of their own, so the rarer
    -- spelling weighed more, and a claim sharing only the first name spelled that way ("Sergei Shoigu") outranked
    -- the one with the whole name ("Sergey Ryabkov"; finding X4b). A word that a name key (0k…, its sound) was
    -- made from weighs at most what the key would: the rarity of the name however spelled.
    name_idf AS MATERIALIZED (
      SELECT i.lexeme, i.fuzzy, i.kind, least(i.idf, coalesce(i.weight * (
        SELECT min(ki.idf / ki.weight) FROM key_words k JOIN idf ki ON ki.lexeme = k.lexeme
        WHERE k.lexeme LIKE '0k%' AND i.lexeme = ANY(k.alts)
      ), i.idf)) AS idf
      FROM idf i
    ),
    doc_hits AS (SELECT d.id, array_agg(d.lexeme) AS lexemes FROM doc d JOIN idf i USING (lexeme) GROUP BY d.id),
    counted AS (
      SELECT d.* FROM doc d JOIN doc_hits h USING (id)
      WHERE NOT EXISTS (SELECT 1 FROM key_words k WHERE k.lexeme = d.lexeme)
         OR EXISTS (SELECT 1 FROM key_words k WHERE k.lexeme = d.lexeme AND NOT k.alts && h.lexemes)
    ),
    exact AS (
      SELECT d.id, sum(i.idf * ${impact(
        { A: Prisma.sql`d.a`, B: Prisma.sql`d.b`, C: Prisma.sql`d.c`, D: Prisma.sql`d.d` },
        { A: Prisma.sql`l.la`, B: Prisma.sql`l.lb`, C: Prisma.sql`l.lc`, D: Prisma.sql`l.ld` },
      )}) AS bm25, bool_or(NOT i.fuzzy) AS by_text,
        jsonb_agg(jsonb_build_array(i.kind, i.lexeme) ORDER BY i.idf DESC, i.lexeme) AS matched
      FROM counted d JOIN name_idf i USING (lexeme) JOIN doc_length l USING (id)
      GROUP BY d.id
    ),
    best AS (
      -- A statement that is the text itself comes first, here and below: nothing says more that the selection is that claim.
      SELECT c."id", c."statement", c."language", c."verdict", c."reviewState", e.by_text, e.matched, e.bm25 / nullif(max(e.bm25) OVER (), 0) AS text_score,
        c."statement" = ${input.surface.text} AS same_text
      FROM exact e JOIN "Claim" c ON c."id" = e.id
      ORDER BY same_text DESC, e.bm25 DESC, e.id LIMIT ${raw(TRIGRAM_CANDIDATES)}
    ),
    scored AS MATERIALIZED (
      SELECT b.*, ${raw(1 - TRIGRAM_WEIGHT)} * b.text_score + ${raw(TRIGRAM_WEIGHT)} * word_similarity("search_clean"(${input.trigramText}), b."statement") AS score
      FROM best b
      ORDER BY b.same_text DESC, score DESC, b."id" LIMIT ${input.limit}
    ),
    spelled AS (
      SELECT s."id", ARRAY(SELECT m.x ->> 1 FROM jsonb_array_elements(s.matched) m(x) WHERE m.x ->> 0 NOT IN ('glossary', 'alias', 'place')) AS lexemes FROM scored s
    ),
    selection_surfaces AS MATERIALIZED (
      SELECT coalesce(jsonb_agg(jsonb_build_array(x.lexeme, x.surface, x.pos)), '[]') AS j
      FROM (SELECT coalesce(array_agg(DISTINCT l), '{}') AS lexemes FROM spelled, unnest(spelled.lexemes) l) w
      CROSS JOIN LATERAL "search_surfaces"(${input.surface.text}::text, ${input.surface.language}::text, w.lexemes) x
    )
    SELECT s."id" AS "claimId", s."statement", s."language", s."verdict", s."reviewState",
      s.score::float8 AS "score", s.by_text AS "byText", s.matched,
      (SELECT jsonb_agg(DISTINCT jsonb_build_array(e.kind, e.label)) FROM equivalents e
        WHERE s.matched @> jsonb_build_array(jsonb_build_array(e.kind, e.lexeme))) AS labels,
      m.mentions AS "mentionCount", m.articles AS "articleCount",
      (SELECT j FROM selection_surfaces) AS "selectionSurfaces",
      (SELECT coalesce(jsonb_agg(jsonb_build_array(x.lexeme, x.surface, x.pos)), '[]') FROM "Claim" c, spelled p,
        "search_surfaces"(c."statement" || coalesce(' ' || c."claimant", ''), c."language", p.lexemes) x
        WHERE c."id" = s."id" AND p."id" = s."id") AS "claimSurfaces"
    FROM scored s
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS mentions, count(DISTINCT a."articleId")::int AS articles
      FROM "Annotation" a WHERE a."claimId" = s."id" AND a."deletedAt" IS NULL
    ) m
    ORDER BY s.same_text DESC, s.score DESC, s."id"`;
}

interface Row {
  claimId: string;
  statement: string;
  language: string | null;
  verdict: string | null;
  reviewState: string;
  score: number;
  byText: boolean;
  matched: [string, string][];
  /** [kind, label] of the glossary pairs and aliases whose lexemes matched. */
  labels: [string, string][] | null;
  mentionCount: number;
  articleCount: number;
  selectionSurfaces: Surface[];
  claimSurfaces: Surface[];
}

/**
 * The % operator reads its threshold from a setting; set_config(…, true) keeps
 * both settings to this transaction. One statement for both: each statement
 * is a round trip and a few hundred microseconds of backend and app CPU.
 */
function settings() {
  return db.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(FUZZY_THRESHOLD)}, true), set_config('statement_timeout', ${String(STATEMENT_TIMEOUT_MS)}, true)`;
}

async function rankClaims(input: RankInput): Promise<ClaimSuggestion[]> {
  const [, rows] = await db.$transaction([settings(), db.$queryRaw<Row[]>(rankQuery(input))]);
  const language = selectionLanguage(input.surface.text, input.surface.language);
  const [pairLanguages, quoted] = await Promise.all([
    glossaryLanguages(input.workspaceId, rows.flatMap((r) => (r.labels ?? []).filter(([k]) => k === "glossary").map(([, l]) => l)), language),
    // Terms the claim has only in a mention's quote, as the quote writes them (X34), not as their stems.
    mentionSurfaces(unspelled(rows)),
  ]);
  return rows.map(({ byText, matched, labels, selectionSurfaces, claimSurfaces, ...row }) => ({
    ...row,
    matchedBy: byText ? "text" : "trigram",
    reasons: reasonsFrom(matched, labels ?? [], selectionSurfaces, [...claimSurfaces, ...(quoted.get(row.claimId) ?? [])], (pairs) =>
      glossaryLabelsFor(pairs, language, pairLanguages),
    ),
  }));
}

const REASON_ORDER: ReasonKind[] = ["name", "place", "date", "number", "glossary", "words", "spelling"];
/** Terms shown per reason: the strongest (highest IDF) first. */
const REASON_TERMS = 6;

/** A signal lexeme as people write it: 0d20211217 → 2021-12-17, 0m202112 → 2021-12, 0dm1217 → --12-17, 0n2500000 → 2500000. */
export function displayTerm(lexeme: string): string {
  let m = /^0d(\d{4})(\d{2})(\d{2})$/.exec(lexeme);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^0m(\d{4})(\d{2})$/.exec(lexeme);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^0dm(\d{2})(\d{2})$/.exec(lexeme);
  if (m) return `--${m[1]}-${m[2]}`;
  m = /^0n(.+)$/.exec(lexeme);
  return m ? m[1] : lexeme;
}

/**
 * Glossary and alias matches are shown by what the admin wrote (the pair or
 * the names); every other term as the selection and the claim write it
 * (readableReasons), strongest first.
 */
function reasonsFrom(
  matched: [string, string][],
  labels: [string, string][],
  selection: Surface[],
  claim: Surface[],
  shownPairs: (labels: string[]) => string[],
): SuggestionReason[] {
  const byKind = new Map<ReasonKind, string[]>();
  // A glossary pair of the selection's own language, not its neighbour's with the same stem (X37; lib/search/glossary-reasons.ts).
  const pairs = new Set(shownPairs(labels.filter(([kind]) => kind === "glossary").map(([, label]) => label)));
  for (const [kind, label] of labels) {
    if (kind === "glossary" && !pairs.has(label)) continue;
    const k: ReasonKind = kind === "alias" ? "name" : kind === "place" ? "place" : "glossary";
    const terms = byKind.get(k) ?? [];
    if (!terms.includes(label)) byKind.set(k, [...terms, label]);
  }
  const lexemes = new Map<"name" | "date" | "number" | "words" | "spelling", string[]>();
  for (const [kind, lexeme] of matched) {
    if (kind === "glossary" || kind === "alias" || kind === "place") continue;
    const k = kind === "word" ? "words" : (kind as "name" | "date" | "number" | "spelling");
    lexemes.set(k, [...(lexemes.get(k) ?? []), lexeme]);
  }
  for (const [kind, terms] of readableReasons(lexemes, selection, claim, displayTerm)) byKind.set(kind, [...(byKind.get(kind) ?? []), ...terms]);
  return REASON_ORDER.filter((k) => byKind.has(k)).map((kind) => ({ kind, terms: byKind.get(kind)!.slice(0, REASON_TERMS) }));
}

/**
 * The language a query is read in: the one given, else detected (a reliable
 * detection, else the article's, else the script); null lets SQL guess from the script.
 */
async function queryLanguage(text: string, given?: string | null, articleLanguage?: string | null): Promise<string | null> {
  if (given) return given;
  return detectLanguage(text, articleLanguage);
}

async function suggestInput(input: SuggestClaimsInput): Promise<RankInput | null> {
  const text = cleanText(input.text);
  if (!text) return null;
  const language = await queryLanguage(text, input.language, input.articleLanguage);
  return {
    workspaceId: input.workspaceId,
    words: selectionWords(text, language),
    trigramText: text.slice(0, TRIGRAM_MAX),
    surface: { text, language },
    excludeClaimIds: input.excludeClaimIds ?? [],
    limit: clampLimit(input.limit, 8),
  };
}

async function searchInput(input: SearchClaimsInput): Promise<RankInput | null> {
  const text = cleanText(input.query);
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  const language = await queryLanguage(text);
  return {
    workspaceId: input.workspaceId,
    words: typedWords(input.workspaceId, text, language),
    trigramText: text.slice(0, TRIGRAM_MAX),
    surface: { text, language },
    excludeClaimIds: [],
    limit: clampLimit(input.limit, 20),
  };
}

/** Suggestions for a selection: claims of the workspace most similar to it, best first. */
export async function suggestClaims(input: SuggestClaimsInput): Promise<ClaimSuggestion[]> {
  const rank = await suggestInput(input);
  if (!rank) return [];
  // Without EMBEDDING_MODEL_DIR this is rankClaims(rank) and nothing more; with a model, the lexical list is blended with the nearest by meaning.
  return blendWithMeaning(
    { workspaceId: rank.workspaceId, text: cleanText(input.text), excludeClaimIds: rank.excludeClaimIds, limit: rank.limit },
    (limit) => rankClaims({ ...rank, limit }),
  );
}

/** The attach list's search box: prefix matching for half-typed words, similar spellings for typos. */
export async function searchClaims(input: SearchClaimsInput): Promise<ClaimSuggestion[]> {
  const rank = await searchInput(input);
  return rank ? rankClaims(rank) : [];
}

/** The query plan of a suggestion or search, run for real (EXPLAIN ANALYZE): for the benchmark's look at the worst inputs. */
export async function explainSuggestion(input: { selection: SuggestClaimsInput } | { search: SearchClaimsInput }): Promise<string> {
  const rank = "selection" in input ? await suggestInput(input.selection) : await searchInput(input.search);
  if (!rank) return "(no query: nothing to look up)";
  const query = rankQuery(rank);
  const [, rows] = await db.$transaction([
    settings(),
    db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, ...query.values),
  ]);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}
