-- Issue 14, tester's finding T1: «США», "U.S." and "USA" are one country with
-- "United States" (and "the US"); likewise the United Kingdom, the European
-- Union and the United Nations, however written in English, Russian or Ukrainian.
--
-- Done at query time, in lib/search/suggest-claims.ts (equivalentTerms), as the
-- workspace glossary is: a side whose lexemes are all among a selection's adds
-- the lexemes of its group's other sides. The lexemes are search_words' (the
-- function that builds every claim's document), so no document changes and
-- nothing is recomputed on upgrade (search_lows' recomputation costs ~330 s of
-- database CPU per 100k claims). Kept in this one function so that the
-- suggestions and the typed search read the same groups.
--
-- A side marked name_only ("US", "UN", "UK", "EU") counts only when the
-- selection writes it as a name (with its capital letter): "us" and "un" are
-- also words ("told us", French "un").
CREATE FUNCTION "search_equivalent_sides"() RETURNS TABLE (grp TEXT, label TEXT, lexemes TEXT[], name_only BOOLEAN)
LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT ON (x.grp, x.lexemes) x.grp, x.label, x.lexemes, x.name_only
  FROM (SELECT s.n, s.grp, s.label, s.name_only, tsvector_to_array("search_words"("search_clean"(s.label), s.lang)) AS lexemes FROM (VALUES
    (1, 'us', 'United States', 'en', false), (2, 'us', 'USA', 'en', false), (3, 'us', 'U.S.', 'en', false),
    (4, 'us', 'U.S.A.', 'en', false), (5, 'us', 'US', 'en', true), (6, 'us', 'США', 'ru', false),
    (7, 'us', 'Соединённые Штаты', 'ru', false), (8, 'us', 'Сполучені Штати', 'uk', false), (9, 'us', 'Сполучених Штатів', 'uk', false),
    (10, 'gb', 'United Kingdom', 'en', false), (11, 'gb', 'Britain', 'en', false), (12, 'gb', 'U.K.', 'en', false),
    (13, 'gb', 'UK', 'en', true), (14, 'gb', 'Великобритания', 'ru', false), (15, 'gb', 'Британия', 'ru', false),
    (16, 'gb', 'Великобританія', 'uk', false), (17, 'gb', 'Британія', 'uk', false),
    (18, 'gb', 'Соединённое Королевство', 'ru', false), (19, 'gb', 'Сполучене Королівство', 'uk', false),
    (20, 'eu', 'European Union', 'en', false), (21, 'eu', 'EU', 'en', true), (22, 'eu', 'ЕС', 'ru', false),
    (23, 'eu', 'ЄС', 'uk', false), (24, 'eu', 'Евросоюз', 'ru', false), (25, 'eu', 'Євросоюз', 'uk', false),
    (26, 'eu', 'Европейский союз', 'ru', false), (27, 'eu', 'Європейський Союз', 'uk', false),
    (30, 'un', 'United Nations', 'en', false), (31, 'un', 'UN', 'en', true), (32, 'un', 'U.N.', 'en', false),
    (33, 'un', 'ООН', 'ru', false), (34, 'un', 'Организация Объединённых Наций', 'ru', false),
    (35, 'un', 'Організація Обʼєднаних Націй', 'uk', false)
  ) AS s(n, grp, label, lang, name_only)) x
  WHERE cardinality(x.lexemes) > 0
  ORDER BY x.grp, x.lexemes, x.n
$$;
