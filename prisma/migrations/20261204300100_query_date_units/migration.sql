-- Issue 14, tester's finding T10: a selection's date counted its day and year
-- as shared numbers, so "12 March 2024" met a claim about "12 May 2024" by the
-- numbers 12 and 2024. A date is one unit: a selection's numbers are now read
-- from its text with its dates blanked (search_without_dates), and the date
-- itself matches only as a date (0d…, 0m…, 0dm…: the same day, month or day of
-- the month). Done on the query side only: documents keep the day and year of
-- their dates as numbers, so a selection saying only "in 2024" still finds a
-- claim dated 12 May 2024, and no claim's document is recomputed on upgrade.
--
-- Functions (re)defined here:
--   search_without_dates  new: the text with every date search_signals reads as
--                         one (2024-03-12, 12.03.2024, 12/03/24, 12 March 2024,
--                         March 12, 2024, March 2024, 12 March, 12 марта 2024
--                         года, 12-го березня) replaced by a space
--   search_query_terms    (name_keys) numbers from search_without_dates

CREATE FUNCTION "search_without_dates"(t TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  L CONSTANT TEXT := 'A-Za-zА-Яа-яЁёІіЇїЄєҐґ';
  ORD CONSTANT TEXT := '(?:st|nd|rd|th|-?(?:го|е|ого))?';
  s TEXT;
  m TEXT[];
BEGIN
  IF t IS NULL OR t !~ '[0-9]' THEN RETURN t; END IF;
  -- As search_signals reads dates in digits (migration search_lows).
  s := regexp_replace(t, '(?<![0-9.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![0-9]|\.[0-9])|(?<![0-9/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![0-9]|/[0-9])|(?<![0-9])\d{4}-\d{2}-\d{2}(?![0-9])', ' ', 'g');
  IF s ~* '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек|січ|лют|бер|кві|тра|чер|лип|сер|вер|жов|лис|гру)' THEN
    -- day month [year]: 12 March 2024, 12 марта, 12-го березня 2024
    FOR m IN SELECT r FROM regexp_matches(s, '((?<![0-9.,])\d{1,2}' || ORD || '\s+([' || L || ']{3,})\.?(?:,?\s+\d{4}(?![0-9]))?)', 'g') AS r LOOP
      IF "search_month"(m[2]) IS NOT NULL THEN s := replace(s, m[1], ' '); END IF;
    END LOOP;
    -- month day[, year] and month year: March 12, 2024; March 12; March 2024
    FOR m IN SELECT r FROM regexp_matches(s, '(([' || L || ']{3,})\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{4})(?![0-9]))', 'g') AS r LOOP
      IF "search_month"(m[2]) IS NOT NULL THEN s := replace(s, m[1], ' '); END IF;
    END LOOP;
  END IF;
  RETURN s;
END
$$;

CREATE OR REPLACE FUNCTION "search_query_terms"(t TEXT, lang TEXT) RETURNS TABLE (lexeme TEXT, kind TEXT)
LANGUAGE plpgsql IMMUTABLE ROWS 40 AS $$
BEGIN
  RETURN QUERY
  WITH l AS (SELECT coalesce(lang, "search_guess_language"(t)) AS code),
  terms AS (
    -- Numbers are matched as numbers (0n…), however written, not as words.
    SELECT x AS lexeme, 'word' AS kind FROM l, unnest(tsvector_to_array("search_words"(t, l.code))) AS x WHERE x !~ '^0[a-z]' AND x !~ '^[0-9.,]+$'
    UNION ALL
    -- A date is one unit (T10): its day and year are not numbers of their own.
    SELECT s, 'date' FROM unnest("search_signals"(t)) AS s WHERE s NOT LIKE '0n%'
    UNION ALL
    SELECT s, 'number' FROM unnest("search_signals"("search_without_dates"(t))) AS s WHERE s LIKE '0n%'
    UNION ALL
    SELECT x, 'name' FROM unnest(tsvector_to_array(to_tsvector('english', array_to_string("search_names"(t), ' ')))) AS x
    UNION ALL
    SELECT x, 'name' FROM l, unnest(tsvector_to_array("search_words"((
      SELECT string_agg(m[1], ' ') FROM regexp_matches(t, '(?<![A-Za-z''’])([A-Z][A-Za-z]+)', 'g') AS m), l.code))) AS x
    UNION ALL
    SELECT k.lexeme, 'name' FROM "search_name_keys"(t) k
  )
  SELECT DISTINCT ON (terms.lexeme) terms.lexeme, terms.kind FROM terms
  ORDER BY terms.lexeme, array_position(ARRAY['date', 'number', 'name', 'word'], terms.kind);
END
$$;
