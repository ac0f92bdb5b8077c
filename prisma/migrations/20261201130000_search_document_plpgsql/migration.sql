-- Issue 11: a claim's search document cost ~4 ms (13 s for 2,000 claims under load), almost all of it
-- PostgreSQL re-parsing and re-planning the bodies of the SQL-language functions it calls: a SQL function
-- that can't be inlined is planned afresh on every call when another SQL function calls it (PostgreSQL 15),
-- and none of these inline (FROM clauses, a STABLE cast to regconfig under IMMUTABLE). PL/pgSQL keeps each
-- function's plans for the session. Same bodies, same results (lib/search/search-document-maintenance.test.ts
-- compares documents and postings built by these with those built by the previous definitions).

CREATE OR REPLACE FUNCTION "search_config"(lang TEXT) RETURNS regconfig LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN (CASE split_part(lower(coalesce(lang, 'en')), '-', 1)
    WHEN 'en' THEN 'english' WHEN 'ru' THEN 'russian' WHEN 'de' THEN 'german' WHEN 'fr' THEN 'french'
    WHEN 'es' THEN 'spanish' WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese' WHEN 'nl' THEN 'dutch'
    WHEN 'sv' THEN 'swedish' WHEN 'da' THEN 'danish' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
    WHEN 'fi' THEN 'finnish' WHEN 'hu' THEN 'hungarian' WHEN 'ro' THEN 'romanian' WHEN 'tr' THEN 'turkish'
    WHEN 'lt' THEN 'lithuanian' WHEN 'el' THEN 'greek' WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian'
    WHEN 'ca' THEN 'catalan' WHEN 'eu' THEN 'basque' WHEN 'ga' THEN 'irish' WHEN 'id' THEN 'indonesian'
    WHEN 'sr' THEN 'serbian' WHEN 'ta' THEN 'tamil' WHEN 'ne' THEN 'nepali' WHEN 'hi' THEN 'hindi'
    WHEN 'yi' THEN 'yiddish'
    ELSE 'simple' END)::regconfig;
END
$$;

CREATE OR REPLACE FUNCTION "search_guess_language"(t TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  cyr INT := length(regexp_replace(t, '[^А-Яа-яЁёІіЇїЄєҐґ]', '', 'g'));
  lat INT := length(regexp_replace(t, '[^A-Za-z]', '', 'g'));
BEGIN
  RETURN CASE
    WHEN cyr > 0 AND cyr * 2 >= cyr + lat THEN CASE WHEN t ~ '[іїєґІЇЄҐ]' THEN 'uk' ELSE 'ru' END
    WHEN lat > 0 THEN 'en'
  END;
END
$$;

CREATE OR REPLACE FUNCTION "search_uk_normalise"(t TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN (SELECT coalesce(string_agg("search_uk_stem"(m[1]), ' ' ORDER BY n), '')
          FROM regexp_matches(translate(lower(t), 'ґʼ’''', 'г'), '([a-zа-яёіїє0-9]+)', 'g') WITH ORDINALITY AS x(m, n));
END
$$;

CREATE OR REPLACE FUNCTION "search_words"(t TEXT, lang TEXT) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CASE WHEN split_part(lower(coalesce(lang, '')), '-', 1) = 'uk'
    THEN to_tsvector('simple', "search_uk_normalise"(t))
    ELSE to_tsvector("search_config"(lang), t) END;
END
$$;

CREATE OR REPLACE FUNCTION "search_names"(t TEXT) RETURNS TEXT[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT v ORDER BY v), '{}')
          FROM (SELECT DISTINCT m[1] AS word
                FROM regexp_matches(coalesce(t, ''), '(?<![A-Za-zА-Яа-яЁёІіЇїЄєҐґʼ’''])([А-ЯЁІЇЄҐ][А-Яа-яЁёІіЇїЄєҐґʼ’'']+)', 'g') AS m) w
          CROSS JOIN LATERAL unnest("search_translit"(w.word)) AS v
          WHERE to_tsvector('russian', lower(w.word)) <> ''::tsvector AND "search_uk_stem"(lower(w.word)) IS NOT NULL);
END
$$;

CREATE OR REPLACE FUNCTION "search_piece"(t TEXT, lang TEXT, w "char") RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  c TEXT := "search_clean"(t);
BEGIN
  RETURN setweight("search_words"(coalesce(c, ''), coalesce(lang, "search_guess_language"(coalesce(c, ''))))
      || to_tsvector('simple', array_to_string("search_signals"(c), ' '))
      || to_tsvector('english', array_to_string("search_names"(c), ' ')), w);
END
$$;

CREATE OR REPLACE FUNCTION "claim_search_document"(claim_id TEXT, statement TEXT, claimant TEXT, language TEXT) RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
DECLARE
  lang TEXT := coalesce(language, "search_guess_language"(statement));
BEGIN
  RETURN "search_piece"(statement, lang, 'A')
      || "search_piece"(claimant, lang, 'B')
      || coalesce((
           SELECT "search_tsvector_agg"("search_piece"(a."exact", ar."language", 'C') ORDER BY a."createdAt", a."id")
           FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
           WHERE a."claimId" = claim_id AND a."deletedAt" IS NULL), '');
END
$$;
