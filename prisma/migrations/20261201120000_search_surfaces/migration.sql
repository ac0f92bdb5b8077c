-- Issue 14, finding F5: a suggestion's reasons showed the search's internal
-- forms (stems such as гарант, ISO dates such as --12-17, transliterations
-- such as anthoni). This new function (nothing existing is redefined; the
-- search documents are untouched) finds, for the lexemes a suggestion
-- matched, the words as a text has them, so the reason can say
-- «17 December 2021 ↔ 17 декабря 2021» or «Sergey Ryabkov ↔ Сергей Рябков».
--
-- search_surfaces(t, lang, wanted): for each wanted lexeme found, the
-- shortest stretch of t (after search_clean, as the documents read it) that
-- yields it, and the position of its first word (for joining a first name
-- and a surname). Words and names: each word of t read alone by the same
-- functions as the documents (search_words in the text's language; a
-- capitalised Cyrillic word through search_names), only for words that can
-- yield a wanted lexeme (same first three letters, or a capitalised Cyrillic
-- word when a name is wanted), so a long selection costs little. Dates and
-- numbers: the stretches of one to three words around each word with a
-- digit, read by search_signals, shortest first, stopping once every wanted
-- signal is found. Called by the ranking query (lib/search/suggest-claims.ts)
-- once for the selection and once per suggestion shown, for the lexemes matched.
CREATE FUNCTION "search_surfaces"(t TEXT, lang TEXT, wanted TEXT[]) RETURNS TABLE (lexeme TEXT, surface TEXT, pos INT)
LANGUAGE plpgsql IMMUTABLE ROWS 10 AS $$
DECLARE
  c TEXT := "search_clean"(coalesce(t, ''));
  code TEXT;
  words TEXT[] := ARRAY(SELECT x FROM unnest(wanted) x WHERE x !~ '^0[a-z]');
  signals TEXT[] := ARRAY(SELECT x FROM unnest(wanted) x WHERE x ~ '^0[a-z]');
  prefixes TEXT[];
  toks TEXT[];
  seps TEXT[];
  found TEXT[] := '{}';
  i INT;
  w INT[];
  span TEXT;
  s TEXT;
  k INT;
BEGIN
  IF cardinality(wanted) IS NULL OR cardinality(wanted) = 0 OR c = '' THEN RETURN; END IF;
  code := coalesce(lang, "search_guess_language"(c));
  IF cardinality(words) > 0 THEN
    prefixes := ARRAY(SELECT DISTINCT left(x, 3) FROM unnest(words) x);
    RETURN QUERY
    SELECT DISTINCT ON (x.lexeme) x.lexeme, m.m[1], m.n::int
    FROM regexp_matches(c, '[[:alnum:]]+', 'g') WITH ORDINALITY AS m(m, n)
    CROSS JOIN LATERAL (
      SELECT y AS lexeme FROM unnest(tsvector_to_array("search_words"(m.m[1], code))) y
      WHERE left(lower(m.m[1]), 3) = ANY (prefixes)
      UNION
      SELECT y FROM unnest(tsvector_to_array(to_tsvector('english', array_to_string("search_names"(m.m[1]), ' ')))) y
      WHERE m.m[1] ~ '^[А-ЯЁІЇЄҐ]'
    ) x
    WHERE x.lexeme = ANY (words)
    ORDER BY x.lexeme, m.n;
  END IF;
  IF cardinality(signals) > 0 AND c ~ '[0-9]' THEN
    SELECT array_agg(m[1] ORDER BY n), array_agg(m[2] ORDER BY n) INTO toks, seps
    FROM regexp_matches(c, '([[:alnum:]]+)([^[:alnum:]]*)', 'g') WITH ORDINALITY AS x(m, n);
    -- Shortest first: a number alone, a day with its month, then a whole date.
    FOREACH w SLICE 1 IN ARRAY ARRAY[[0, 0], [0, 1], [-1, 0], [0, 2], [-1, 1], [-2, 0]] LOOP
      FOR i IN 1 .. cardinality(toks) LOOP
        CONTINUE WHEN toks[i] !~ '[0-9]' OR i + w[1] < 1 OR i + w[2] > cardinality(toks);
        span := toks[i + w[2]];
        FOR k IN REVERSE i + w[2] - 1 .. i + w[1] LOOP
          span := toks[k] || seps[k] || span;
        END LOOP;
        FOREACH s IN ARRAY coalesce("search_signals"(span), '{}') LOOP
          IF s = ANY (signals) AND NOT s = ANY (found) THEN
            found := found || s;
            lexeme := s; surface := span; pos := i + w[1];
            RETURN NEXT;
          END IF;
        END LOOP;
        EXIT WHEN cardinality(found) = cardinality(signals);
      END LOOP;
      EXIT WHEN cardinality(found) = cardinality(signals);
    END LOOP;
  END IF;
END
$$;
