-- Issue 14, suggestion latency: a selection's query terms with a cached plan.
--
-- search_query_terms() of migration multilingual_search was LANGUAGE sql, so
-- the planner inlined it into every suggestion query and parsed, analysed and
-- planned its body (and the SQL functions it calls) again on every request:
-- about 1 ms of each call's 1.6 ms (p50, English selections; p95 5 ms vs
-- 0.9 ms). As PL/pgSQL the same query is planned once per connection and
-- its plan reused (a generic plan: t and lang are parameters).
--
-- The body is the same query, unchanged, so the terms are the same (the test
-- lib/search/query-terms.test.ts compares them with the documents' lexemes);
-- documents are not touched (search_piece and its helpers stay as they were).
-- ROWS 40: the planner's guess for a selection's terms (a function's default
-- is 1000), close to what suggest-claims.ts keeps (MAX_TERMS 48).
CREATE OR REPLACE FUNCTION "search_query_terms"(t TEXT, lang TEXT) RETURNS TABLE (lexeme TEXT, kind TEXT)
LANGUAGE plpgsql IMMUTABLE ROWS 40 AS $$
BEGIN
  RETURN QUERY
  WITH l AS (SELECT coalesce(lang, "search_guess_language"(t)) AS code),
  terms AS (
    -- Numbers are matched as numbers (0n…), however written, not as words.
    SELECT x AS lexeme, 'word' AS kind FROM l, unnest(tsvector_to_array("search_words"(t, l.code))) AS x WHERE x !~ '^0[a-z]' AND x !~ '^[0-9.,]+$'
    UNION ALL
    SELECT s, CASE WHEN s LIKE '0n%' THEN 'number' ELSE 'date' END FROM unnest("search_signals"(t)) AS s
    UNION ALL
    SELECT x, 'name' FROM unnest(tsvector_to_array(to_tsvector('english', array_to_string("search_names"(t), ' ')))) AS x
    UNION ALL
    SELECT x, 'name' FROM l, unnest(tsvector_to_array("search_words"((
      SELECT string_agg(m[1], ' ') FROM regexp_matches(t, '(?<![A-Za-z''’])([A-Z][A-Za-z]+)', 'g') AS m), l.code))) AS x
  )
  SELECT DISTINCT ON (terms.lexeme) terms.lexeme, terms.kind FROM terms
  ORDER BY terms.lexeme, array_position(ARRAY['date', 'number', 'name', 'word'], terms.kind);
END
$$;
