-- Issue 14 (a tester's finding): the claims list's "Search statements" matched
-- the typed text only as written (ILIKE), so «гарантиям» did not find
-- «гарантии» and «Лавров» did not find "Lavrov", while the attach dialog did.
-- This new function (nothing existing is redefined) reads a typed query as a
-- selection is read: normalised (search_clean), in its language (by script),
-- each word as its search terms (its stem, and a Cyrillic name's Latin
-- spellings), every word (the first 16) required, in the statement (weight A: the list
-- searches statements): (лавр:A | lavrov:A) & гарант:A. The list ORs it with
-- the ILIKE, and the GIN index on "searchVector" answers it.
CREATE FUNCTION "search_typed_tsquery"(q TEXT) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  c TEXT := "search_clean"(coalesce(q, ''));
  lang TEXT := "search_guess_language"(c);
  groups TEXT[];
BEGIN
  SELECT array_agg(DISTINCT g) INTO groups FROM (
    SELECT w.n, '(' || string_agg('''' || replace(replace(t.lexeme, '\', '\\'), '''', '''''') || ''':A', ' | ' ORDER BY t.lexeme) || ')' AS g
    FROM regexp_matches(c, '[[:alnum:]]+', 'g') WITH ORDINALITY AS w(m, n)
    CROSS JOIN LATERAL "search_query_terms"(w.m[1], lang) t
    WHERE w.n <= 16
    GROUP BY w.n
  ) x;
  IF groups IS NULL THEN RETURN NULL; END IF;
  RETURN to_tsquery('simple', array_to_string(groups, ' & '));
END
$$;
