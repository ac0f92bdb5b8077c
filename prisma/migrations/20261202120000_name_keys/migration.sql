-- Issue 14 §2, a tester's findings on names: Latin spelling variants of one
-- name (Sergei/Sergey, Zelensky/Zelenskyy/Zelenskiy, Alexei/Aleksei) met only
-- when one side was Cyrillic, and Cyrillic renderings of Western names
-- (Шольц, Макрон, Байден) never met their Latin originals (Scholz, Macron,
-- Biden), which no transliteration rule gives back.
--
-- A phonetic name key, the same for Latin and Cyrillic: each capitalised word
-- (not a function word) is reduced to a consonant skeleton of sound classes —
-- sibilants and affricates (s z c-before-e/i ts tz sh sch ch zh; с з ц ч ш щ ж)
-- as s, k c q ck к as k, g h kh gh; г ґ х as g, v w; в as v, j dj dzh; дж as j,
-- th as t, ph as f, x as ks — vowels, й, ь, ъ dropped, doubled letters
-- collapsed: Scholz and Шольц (Шольца, Шольцем) are both "sls", Macron and
-- Макрон (Макроном) "mkrn", Johnson and Джонсон "jnsn", Sergei, Sergey,
-- Serhiy and Сергей "srg". A Cyrillic word's case ending is also taken off
-- (Макроном → Макрон), a Latin word's final -s too (Brussels → Brussel, to
-- meet Брюссель), and an h between a vowel and a consonant is read both ways
-- (Johnson; Luhansk = Луганск).
--
-- Lexemes: 0k<key> for one word, only for keys of at least three consonants
-- (shorter ones match too much alone: Joe "j", Kyiv "kv"), and 0f<key>0<key>
-- for a first name and surname side by side (any length: Liz Truss "ls0trs"),
-- so a selection naming "Sergei Ryabkov" meets "Sergey Ryabkov" on the full
-- name, which outweighs sharing "Sergei" with many "Sergei Lavrov" claims.
-- They are names to the ranking (kind 'name', IDF^1.5) and matched exactly
-- (lexemes starting 0 and a letter are signals: never by prefix or spelling).
--
-- How many claims a key matches is measured on the bench data (README,
-- "Glossary and aliases": name keys).
--
-- Functions (re)defined here, each from its newest definition:
--   search_name_skeletons  new: one word's keys (no prefix)
--   search_name_keys       new: a text's name-key lexemes with the words they come from and their position
--   search_piece           (search_document_plpgsql) documents also carry the keys
--   search_query_terms     (search_query_terms_plpgsql) queries also carry them, as names
--   search_surfaces        (search_surfaces) a key's words as the text has them, for the reasons
--   glossary_pair_lexemes_trigger, alias_name_lexemes_trigger (glossary_aliases):
--                          a term and a name are stored folded by search_clean (finding N3:
--                          «сaнкции» with a Latin a is «санкции», so it is a duplicate)

CREATE FUNCTION "search_name_skeletons"(word TEXT) RETURNS TEXT[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  w TEXT := lower(translate(coalesce(word, ''), 'ʼ’''', ''));
  forms TEXT[];
  f TEXT;
  s TEXT;
  out TEXT[] := '{}';
BEGIN
  IF w ~ '[а-яёіїєґ]' THEN
    IF w !~ '^[а-яёіїєґ]+$' THEN RETURN out; END IF;
    forms := ARRAY[w];
    -- Case endings with a consonant (vowel endings go with the vowels): Макроном, Шольцем, Зеленського, Шольцові.
    FOREACH s IN ARRAY ARRAY['ого','его','ему','ому','ами','ями','ові','еві','єві','ым','им','ім','ом','ем','єм','ам','ям','ах','ях','ых','их','іх'] LOOP
      IF length(w) - length(s) >= 3 AND right(w, length(s)) = s THEN forms := forms || left(w, length(w) - length(s)); EXIT; END IF;
    END LOOP;
    FOREACH f IN ARRAY forms LOOP
      out := out || translate(replace(f, 'дж', 'j'), 'бвгґджзклмнпрстфхцчшщаеёиоуыэюяіїєйьъ', 'bvggdsskl' || 'mnprstfgssss');
    END LOOP;
  ELSE
    w := replace(replace(replace(replace(replace(w, 'č', 'ch'), 'š', 'sh'), 'ž', 'zh'), 'ć', 'ch'), 'ß', 'ss');
    w := translate(regexp_replace(normalize(w, NFD), '[\u0300-\u036F]', '', 'g'), 'łøı', 'loi');
    IF w !~ '^[a-z]+$' THEN RETURN out; END IF;
    forms := ARRAY[w];
    IF length(w) > 3 AND w ~ '[^s]s$' THEN forms := forms || left(w, length(w) - 1); END IF;
    FOREACH f IN ARRAY forms LOOP
      f := replace(replace(replace(replace(f, 'sch', 's'), 'chr', 'kr'), 'dzh', 'j'), 'dj', 'j');
      f := replace(replace(replace(replace(replace(replace(replace(replace(f, 'ck', 'k'), 'kh', 'g'), 'gh', 'g'), 'ph', 'f'), 'th', 't'), 'sh', 's'), 'zh', 's'), 'ch', 's');
      f := replace(replace(replace(f, 'x', 'ks'), 'q', 'k'), 'w', 'v');
      f := replace(regexp_replace(f, 'c([eiy])', 's\1', 'g'), 'c', 'k');
      f := replace(f, 'z', 's');
      -- An h after a vowel before a consonant may be silent (Johnson) or a г (Luhansk): both.
      IF f ~ '[aeiouy]h([^aeiouy]|$)' THEN
        out := out || translate(regexp_replace(f, '([aeiouy])h([^aeiouy]|$)', '\1\2', 'g'), 'haeiouy', 'g');
      END IF;
      out := out || translate(f, 'haeiouy', 'g');
    END LOOP;
  END IF;
  -- ts is one sound (тс, ц); doubled letters are one.
  RETURN ARRAY(SELECT DISTINCT regexp_replace(replace(x, 'ts', 's'), '(.)\1+', '\1', 'g') FROM unnest(out) AS x WHERE x <> '');
END
$$;

-- The name-key lexemes of a text (after search_clean): for each capitalised
-- word that is not a function word (The, По, За), 0k<key> (keys of three
-- consonants or more); for each two such words next to each other (only
-- spaces between), 0f<key>0<key>. With the words each comes from and the
-- position of its first word, counted as search_surfaces counts ([[:alnum:]]+ runs).
CREATE FUNCTION "search_name_keys"(t TEXT) RETURNS TABLE (lexeme TEXT, surface TEXT, pos INT)
LANGUAGE plpgsql IMMUTABLE ROWS 10 AS $$
DECLARE
  r RECORD;
  prev_keys TEXT[];
  prev_word TEXT;
  prev_sep TEXT;
  prev_n INT := -1;
  keys TEXT[];
  k TEXT;
  j TEXT;
BEGIN
  IF t IS NULL OR t !~ '[A-ZА-ЯЁІЇЄҐ]' THEN RETURN; END IF;
  FOR r IN SELECT m[1] AS word, m[2] AS sep, n::int AS n
           FROM regexp_matches(t, '([[:alnum:]]+)([^[:alnum:]]*)', 'g') WITH ORDINALITY AS x(m, n) LOOP
    keys := NULL;
    IF r.word ~ '^[A-ZА-ЯЁІЇЄҐÀ-ÞĀ-Ž][^0-9]+$' THEN
      IF r.word ~ '[А-Яа-яЁёІіЇїЄєҐґ]' THEN
        IF to_tsvector('russian', lower(r.word)) <> ''::tsvector AND "search_uk_stem"(lower(r.word)) IS NOT NULL THEN keys := "search_name_skeletons"(r.word); END IF;
      ELSIF to_tsvector('english', lower(r.word)) <> ''::tsvector THEN
        keys := "search_name_skeletons"(r.word);
      END IF;
    END IF;
    IF cardinality(keys) > 0 THEN
      FOREACH k IN ARRAY keys LOOP
        IF length(k) >= 3 THEN lexeme := '0k' || k; surface := r.word; pos := r.n; RETURN NEXT; END IF;
      END LOOP;
      IF prev_n = r.n - 1 AND prev_sep ~ '^\s+$' THEN
        FOREACH j IN ARRAY prev_keys LOOP
          FOREACH k IN ARRAY keys LOOP
            lexeme := '0f' || j || '0' || k; surface := prev_word || ' ' || r.word; pos := prev_n; RETURN NEXT;
          END LOOP;
        END LOOP;
      END IF;
      prev_keys := keys; prev_word := r.word; prev_sep := r.sep; prev_n := r.n;
    END IF;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION "search_piece"(t TEXT, lang TEXT, w "char") RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  c TEXT := "search_clean"(t);
BEGIN
  RETURN setweight("search_words"(coalesce(c, ''), coalesce(lang, "search_guess_language"(coalesce(c, ''))))
      || to_tsvector('simple', array_to_string("search_signals"(c), ' '))
      || to_tsvector('english', array_to_string("search_names"(c), ' '))
      || to_tsvector('simple', coalesce((SELECT string_agg(DISTINCT k.lexeme, ' ') FROM "search_name_keys"(c) k), '')), w);
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
    SELECT s, CASE WHEN s LIKE '0n%' THEN 'number' ELSE 'date' END FROM unnest("search_signals"(t)) AS s
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

-- The reasons' words for name keys too: a key's word (or first name and
-- surname) as the text writes it, so a suggestion says «Шольц ↔ Scholz».
-- Otherwise as in migration search_surfaces; keys are not dates or numbers.
CREATE OR REPLACE FUNCTION "search_surfaces"(t TEXT, lang TEXT, wanted TEXT[]) RETURNS TABLE (lexeme TEXT, surface TEXT, pos INT)
LANGUAGE plpgsql IMMUTABLE ROWS 10 AS $$
DECLARE
  c TEXT := "search_clean"(coalesce(t, ''));
  code TEXT;
  words TEXT[] := ARRAY(SELECT x FROM unnest(wanted) x WHERE x !~ '^0[a-z]');
  keys TEXT[] := ARRAY(SELECT x FROM unnest(wanted) x WHERE x ~ '^0[kf]');
  signals TEXT[] := ARRAY(SELECT x FROM unnest(wanted) x WHERE x ~ '^0[a-z]' AND x !~ '^0[kf]');
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
  IF cardinality(keys) > 0 THEN
    RETURN QUERY
    SELECT DISTINCT ON (x.lexeme) x.lexeme, x.surface, x.pos FROM "search_name_keys"(c) x
    WHERE x.lexeme = ANY (keys)
    ORDER BY x.lexeme, x.pos;
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

-- Finding N3: a term or a name with a look-alike letter of the other script
-- («сaнкции» with a Latin a) is stored as search_clean folds it («санкции»),
-- so it is the same term (a 409 naming `term`, by lib/glossary/check-pair.ts
-- or the unique index) and means what it looks like.
CREATE OR REPLACE FUNCTION "glossary_pair_lexemes_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."term" := "search_clean"(NEW."term");
  NEW."english" := "search_clean"(NEW."english");
  NEW."termLexemes" := tsvector_to_array("search_words"(NEW."term", NEW."language"));
  NEW."englishLexemes" := tsvector_to_array("search_words"(NEW."english", 'en'));
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION "alias_name_lexemes_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."name" := "search_clean"(NEW."name");
  NEW."lexemes" := tsvector_to_array("search_words"(NEW."name", "search_guess_language"(NEW."name")));
  RETURN NEW;
END
$$;

-- Stored terms and names folded likewise (the lexemes follow through the triggers).
-- A stored duplicate that folds onto another row's spelling is left as it is
-- (the unique indexes would refuse it); the glossary page shows both to edit.
UPDATE "GlossaryPair" g SET "term" = "search_clean"(g."term"), "english" = "search_clean"(g."english")
WHERE (g."term" IS DISTINCT FROM "search_clean"(g."term") OR g."english" IS DISTINCT FROM "search_clean"(g."english"))
  AND NOT EXISTS (SELECT 1 FROM "GlossaryPair" o WHERE o."workspaceId" = g."workspaceId" AND o."language" = g."language"
                  AND o."term" = "search_clean"(g."term") AND o."id" <> g."id");
UPDATE "AliasName" n SET "name" = "search_clean"(n."name")
WHERE n."name" IS DISTINCT FROM "search_clean"(n."name")
  AND NOT EXISTS (SELECT 1 FROM "AliasName" o WHERE o."workspaceId" = n."workspaceId" AND o."name" = "search_clean"(n."name") AND o."id" <> n."id");

-- Existing documents rebuilt with the keys (the postings follow through their update trigger).
UPDATE "Claim" SET "searchVector" = "claim_search_document"("id", "statement", "claimant", "language");
