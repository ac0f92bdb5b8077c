-- Issue 14, testers' findings on cross-language matching details (X32, X34,
-- X35, X39, X49, N14b-2, N14b-5, N14b-6).
--
-- Functions (re)defined here, each from its newest definition:
--   search_clean          (search_normalise) now a call of search_clean(t, false), below
--   search_clean(t, keep_joiners)  new: the same normaliser; an apostrophe between two Cyrillic
--                         letters (Мар'яна, Мар’яна) becomes the Ukrainian apostrophe ʼ (U+02BC),
--                         a letter to every tokeniser here, so the three spellings of «Марʼяна»
--                         are one word everywhere (N14b-6: with ' or ’ the name was two words,
--                         «Мар» and «яна», and had no name key); keep_joiners keeps ZWNJ and ZWJ
--                         (U+200C, U+200D), which spell a Persian or Indic name, for stored labels
--   search_label          new: search_clean(t, true), what alias names are stored as (N14b-2)
--   search_words          (search_document_plpgsql) ё read as е and ʼ dropped before stemming in
--                         every language (X35: the Russian stemmer folded ё, the others did not)
--   search_translit       (search_normalise) ё: the name also as spelled with е (Алёна: alyona and
--                         alena); Соединённые / Сполучені → united, Штаты / Штати → states,
--                         Королевство / Королівство → kingdom (X32: multi-word place names)
--   search_signals        (search_normalise) two-digit years: 17.12.21, 17/12/21 (X39)
--   search_surfaces       (name_keys) a word is compared with the wanted lexemes' first letters
--                         with ё as е, ґ as г and apostrophes dropped, as search_words reads it
--                         (X34: «ёлка», «ґанок», «мʼясо» were never found, so the reason showed the stem)
--   search_typed_tsquery  (search_typed_tsquery) now a call of search_typed_tsquery(q, 'A'), below
--   search_typed_tsquery(q, weights)  new: a date or number written over several words (17 декабря
--                         2021, 2,5 млн) also matches as the one token documents have for it
--                         (X49); weights 'B' is the claimant filter's (N14b-5)
--   alias_name_lexemes_trigger  (name_keys) names stored by search_label (joiners kept), lexemes
--                         from search_clean (joiners ignored)
-- Not redefined: the postings trigger functions and the suggestion query.

CREATE FUNCTION "search_clean"(t TEXT, keep_joiners BOOLEAN) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  s TEXT;
BEGIN
  IF t IS NULL THEN RETURN NULL; END IF;
  s := t;
  IF s !~ '^[\u0000-\u007F]*$' THEN
    s := normalize(s, NFKC);
    IF keep_joiners THEN
      s := regexp_replace(s, '[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]', '', 'g');
    ELSE
      s := regexp_replace(s, '[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]', '', 'g');
    END IF;
    s := regexp_replace(s, '[\u0300-\u036F]', '', 'g');
    s := translate(s, '٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789');
    IF s ~ '[A-Za-z][А-Яа-яЁёІіЇїЄєҐґЈјЅѕ]|[А-Яа-яЁёІіЇїЄєҐґЈјЅѕ][A-Za-z]' THEN
      SELECT string_agg(CASE
          WHEN r !~ '[A-Za-z]' OR r !~ '[А-Яа-яЁёІіЇїЄєҐґЈјЅѕ]' THEN r
          WHEN length(regexp_replace(r, '[^A-Za-z]', '', 'g')) > length(regexp_replace(r, '[^А-Яа-яЁёІіЇїЄєҐґЈјЅѕ]', '', 'g'))
            THEN translate(r, 'АВЕКМНОРСТУХаеорсухкіјѕІЈЅ', 'ABEKMHOPCTYXaeopcyxkijsIJS')
          WHEN length(regexp_replace(r, '[^A-Za-z]', '', 'g')) < length(regexp_replace(r, '[^А-Яа-яЁёІіЇїЄєҐґЈјЅѕ]', '', 'g'))
            THEN translate(r, 'ABCEHKMOPTXYaceopxyki', 'АВСЕНКМОРТХУасеорхукі')
          ELSE r END, '' ORDER BY n)
      INTO s
      FROM regexp_matches(s, '[A-Za-zА-Яа-яЁёІіЇїЄєҐґЈјЅѕ]+|[^A-Za-zА-Яа-яЁёІіЇїЄєҐґЈјЅѕ]+', 'g') WITH ORDINALITY AS x(m, n)
      CROSS JOIN LATERAL (SELECT m[1] AS r) w;
    END IF;
    -- Ukrainian writes its apostrophe three ways (', ’, ʼ): inside a Cyrillic word it is one letter, ʼ.
    IF s ~ '[А-Яа-яЁёІіЇїЄєҐґ][''’][А-Яа-яЁёІіЇїЄєҐґ]' THEN
      s := regexp_replace(s, '([А-Яа-яЁёІіЇїЄєҐґ])[''’](?=[А-Яа-яЁёІіЇїЄєҐґ])', '\1ʼ', 'g');
    END IF;
  END IF;
  RETURN s;
END
$$;

CREATE OR REPLACE FUNCTION "search_clean"(t TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN "search_clean"(t, false);
END
$$;

-- A name or label as stored and shown: folded as search_clean folds it, but
-- with its zero-width joiners (ZWNJ, ZWJ), which are part of how some scripts
-- spell a name (Persian «می‌خواهم»); matching reads it through search_clean.
CREATE FUNCTION "search_label"(t TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN "search_clean"(t, true);
END
$$;

CREATE OR REPLACE FUNCTION "search_words"(t TEXT, lang TEXT) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  -- ё as е (Russian writes both; only the Russian stemmer folded it) and the apostrophe ʼ dropped (мʼясо = мясо).
  f TEXT := translate(t, 'Ёёʼ', 'Ее');
BEGIN
  RETURN CASE WHEN split_part(lower(coalesce(lang, '')), '-', 1) = 'uk'
    THEN to_tsvector('simple', "search_uk_normalise"(f))
    ELSE to_tsvector("search_config"(lang), f) END;
END
$$;

CREATE OR REPLACE FUNCTION "search_translit"(word TEXT) RETURNS TEXT[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  w TEXT := lower(translate(word, 'ʼ’''', ''));
  uk BOOLEAN := w ~ '[іїєґ]';
  stems TEXT[] := ARRAY[w];
  s TEXT;
  out TEXT[] := '{}';
  known CONSTANT JSONB := '{
    "сергей": ["sergey", "sergei"], "серге": ["sergey", "sergei"], "сергій": ["serhiy", "serhii", "sergey", "sergei"], "сергі": ["serhiy", "serhii", "sergey", "sergei"],
    "энтони": ["antony", "anthony"], "ентоні": ["antony", "anthony"], "антоний": ["antony", "anthony"],
    "юрий": ["yuri", "yury", "yuriy"], "юри": ["yuri", "yury", "yuriy"], "юрій": ["yuriy", "yurii", "yuri"],
    "алексей": ["alexei", "alexey", "aleksei"], "алексе": ["alexei", "alexey", "aleksei"], "олексій": ["oleksiy", "oleksii", "alexei"],
    "александр": ["alexander", "aleksandr"], "олександр": ["oleksandr", "alexander"],
    "андрей": ["andrei", "andrey"], "андре": ["andrei", "andrey"], "андрій": ["andriy", "andrii"],
    "дмитрий": ["dmitry", "dmitri"], "дмитри": ["dmitry", "dmitri"], "дмитро": ["dmytro"], "николай": ["nikolai", "nikolay"], "никола": ["nikolai", "nikolay"], "владимир": ["vladimir"], "володимир": ["volodymyr", "vladimir"], "микола": ["mykola"],
    "михаил": ["mikhail"], "михайло": ["mykhailo"], "мария": ["maria"], "марія": ["maria"], "марии": ["maria"], "мари": ["maria"], "марії": ["maria"], "марі": ["maria"],
    "виктория": ["victoria"], "вікторія": ["victoria"], "венди": ["wendy"], "венді": ["wendy"],
    "джо": ["joe"], "джейк": ["jake"], "лиз": ["liz"], "ліз": ["liz"],
    "байден": ["biden"], "трасс": ["truss"], "салливан": ["sullivan"], "салліван": ["sullivan"],
    "зеленский": ["zelensky", "zelenskyy"], "зеленск": ["zelensky", "zelenskyy"], "зеленський": ["zelensky", "zelenskyy"], "зеленськ": ["zelensky", "zelenskyy"],
    "вашингтон": ["washington"], "москва": ["moscow"], "москв": ["moscow"],
    "россия": ["russia"], "росси": ["russia"], "росія": ["russia"], "росі": ["russia"], "росії": ["russia"], "росією": ["russia"], "росіє": ["russia"],
    "кличко": ["klitschko", "klychko", "klichko"], "харьков": ["kharkiv", "kharkov"], "харків": ["kharkiv", "kharkov"], "харков": ["kharkiv", "kharkov"],
    "одесса": ["odesa", "odessa"], "одесс": ["odesa", "odessa"], "одеса": ["odesa", "odessa"], "одес": ["odesa", "odessa"],
    "украина": ["ukraine"], "украин": ["ukraine"], "україна": ["ukraine"], "україн": ["ukraine"],
    "сша": ["usa", "us"], "оон": ["un"], "ес": ["eu"], "єс": ["eu"], "евросоюз": ["eu"], "євросоюз": ["eu"],
    "обсе": ["osce"], "обсє": ["osce"], "нато": ["nato"],
    "женева": ["geneva"], "женев": ["geneva"], "брюссель": ["brussels"], "брюссел": ["brussels"], "брюсель": ["brussels"], "брюсел": ["brussels"],
    "киев": ["kyiv", "kiev"], "київ": ["kyiv", "kiev"], "києв": ["kyiv", "kiev"],
    "европа": ["europe"], "европ": ["europe"], "європа": ["europe"], "європ": ["europe"],
    "германия": ["germany"], "германи": ["germany"], "німеччина": ["germany"], "німеччин": ["germany"],
    "франция": ["france"], "франци": ["france"], "франція": ["france"], "франці": ["france"],
    "грузия": ["georgia"], "грузи": ["georgia"], "грузія": ["georgia"], "грузі": ["georgia"],
    "бухарест": ["bucharest"], "британия": ["britain"], "британи": ["britain"], "британія": ["britain"], "британі": ["britain"],
    "кремль": ["kremlin"], "кремл": ["kremlin"], "запад": ["west"], "захід": ["west"], "заход": ["west"],
    "донбасс": ["donbas", "donbass"], "донбас": ["donbas", "donbass"], "луганск": ["luhansk", "lugansk"], "луганськ": ["luhansk", "lugansk"]
  }';
BEGIN
  -- The words of multi-word place names that no letter rule gives back (X32), in every case form:
  -- Соединённые/Соединенных Штатов, Сполучені/Сполучених Штатів, Соединённое Королевство.
  IF w ~ '^(соедин[её]нн|сполучен)[а-яёії]{0,3}$' THEN RETURN ARRAY['united']; END IF;
  IF w ~ '^штат(ы|ов|ам|ами|ах|и|ів|ам|ах)$' THEN RETURN ARRAY['states']; END IF;
  IF w ~ '^(королевств|королівств)(о|а|у|ом|е|і)?$' THEN RETURN ARRAY['kingdom']; END IF;
  -- Russian writes ё or е (Алёна, Алена): the name both ways (yo as well as e).
  IF w ~ 'ё' THEN out := "search_translit"(replace(w, 'ё', 'е')); END IF;
  FOREACH s IN ARRAY ARRAY['ого','ему','ому','ами','ями','ую','ая','ое','ые','ых','ої','ой','ою','ей','ем','ом','ым','им','ам','ям','ах','ях','ії',
                            'а','у','е','ы','я','ю','и','і','ї'] LOOP
    IF length(w) - length(s) >= 3 AND right(w, length(s)) = s THEN stems := stems || left(w, length(w) - length(s)); EXIT; END IF;
  END LOOP;
  -- Ukrainian declines surnames in -ко (Порошенка, Шевченком, Грушку, Кличкові): their nominative too.
  IF w ~ '(енк|чк|шк|йк|цьк)(а|у|ом|ові|у)$' THEN stems := stems || regexp_replace(w, '(а|у|ом|ові)$', 'о'); END IF;
  FOREACH s IN ARRAY stems LOOP
    IF known ? s THEN RETURN ARRAY(SELECT DISTINCT x FROM unnest(out || ARRAY(SELECT jsonb_array_elements_text(known -> s))) AS x ORDER BY x); END IF;
  END LOOP;
  FOREACH s IN ARRAY stems LOOP
    -- BGN/PCGN (Ukrainian: the national system): е at the start or after a vowel is ye in Russian.
    out := out || "search_translit_rule"(
      regexp_replace(CASE WHEN uk THEN regexp_replace(s, 'ий$', 'yi') ELSE regexp_replace(regexp_replace(s, 'ий$', 'iy'), '(^|[аеёиоуыэюяьъ])е', '\1ye', 'g') END, 'ый$', 'yy'), uk);
    -- A name with г and no letter only Russian has may be Ukrainian: г also as h (Гончаренко: Honcharenko as well as Goncharenko).
    IF NOT uk AND s ~ 'г' AND s !~ '[ыэъё]' THEN out := out || "search_translit_rule"(regexp_replace(s, 'ий$', 'yi'), true); END IF;
    -- й, я, ю as i, ia, iu (Sergei, Riabkov), -ий as -ii; Ukrainian є as e (Пєсков: Peskov).
    out := out || "search_translit_rule"(replace(replace(replace(replace(s, 'й', 'i'), 'я', 'ia'), 'ю', 'iu'), 'є', 'е'), uk);
    -- -ий, -ый, -ій, -ой as -y (Dmitry, Zelensky).
    IF s ~ '[иыіо]й$' THEN out := out || "search_translit_rule"(regexp_replace(s, '[иыіо]й$', 'y'), uk); END IF;
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT x FROM unnest(out) AS x WHERE x ~ '^[a-z]+$' ORDER BY x);
END
$$;

CREATE OR REPLACE FUNCTION "search_signals"(t TEXT) RETURNS TEXT[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  L CONSTANT TEXT := 'A-Za-zА-Яа-яЁёІіЇїЄєҐґ';
  ORD CONSTANT TEXT := '(?:st|nd|rd|th|-?(?:го|е|ого))?';
  m TEXT[];
  mon INT;
  d INT;
  y INT;
  v NUMERIC;
  f NUMERIC;
  out TEXT[] := '{}';
BEGIN
  IF t IS NULL OR t !~ '[0-9]' THEN RETURN out; END IF;
  -- ISO 2021-12-17, 17.12.2021, and 17/12/2021 (12/17/2021 when the first
  -- can't be a month; both readings when either could be).
  FOR m IN SELECT r FROM regexp_matches(t, '(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])', 'g') AS r LOOP
    IF m[2]::int BETWEEN 1 AND 12 AND m[3]::int BETWEEN 1 AND 31 THEN out := out || format('0d%s%s%s', m[1], m[2], m[3]); END IF;
  END LOOP;
  -- A two-digit year (17.12.21, 17/12/21, X39) is of this century up to 69, of the last from 70 (as POSIX strptime's %y).
  FOR m IN SELECT r FROM regexp_matches(t, '(?<![0-9.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![0-9]|\.[0-9])', 'g') AS r LOOP
    IF m[2]::int BETWEEN 1 AND 12 AND m[1]::int BETWEEN 1 AND 31 THEN
      out := out || format('0d%s%s%s', CASE WHEN length(m[3]) = 4 THEN m[3]::int WHEN m[3]::int < 70 THEN 2000 + m[3]::int ELSE 1900 + m[3]::int END,
                           lpad(m[2], 2, '0'), lpad(m[1], 2, '0'));
    END IF;
  END LOOP;
  FOR m IN SELECT r FROM regexp_matches(t, '(?<![0-9/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![0-9]|/[0-9])', 'g') AS r LOOP
    y := CASE WHEN length(m[3]) = 4 THEN m[3]::int WHEN m[3]::int < 70 THEN 2000 + m[3]::int ELSE 1900 + m[3]::int END;
    IF m[2]::int BETWEEN 1 AND 12 AND m[1]::int BETWEEN 1 AND 31 THEN
      out := out || format('0d%s%s%s', y, lpad(m[2], 2, '0'), lpad(m[1], 2, '0'));
    END IF;
    IF m[1]::int BETWEEN 1 AND 12 AND m[2]::int BETWEEN 1 AND 31 THEN
      out := out || format('0d%s%s%s', y, lpad(m[1], 2, '0'), lpad(m[2], 2, '0'));
    END IF;
  END LOOP;
  -- A date written in digits gives its day and year as numbers, as a written-out one does (17 декабря 2021: 17, 2021).
  out := out || ARRAY(SELECT '0n' || ltrim(substr(x, 9, 2), '0') FROM unnest(out) AS x WHERE x ~ '^0d[0-9]{8}$')
             || ARRAY(SELECT '0n' || ltrim(substr(x, 3, 4), '0') FROM unnest(out) AS x WHERE x ~ '^0d[0-9]{8}$');
  -- Month patterns only where a month name may be (one quick pass instead of six).
  IF t ~* '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек|січ|лют|бер|кві|тра|чер|лип|сер|вер|жов|лис|гру)' THEN
    -- day month year: 17 December 2021, 17 декабря 2021 года, 17-го грудня 2021, 17 дек. 2021
    FOR m IN SELECT r FROM regexp_matches(t, '(?<![0-9])(\d{1,2})' || ORD || '\s+([' || L || ']{3,})\.?,?\s+(\d{4})(?![0-9])', 'g') AS r LOOP
      mon := "search_month"(m[2]); d := m[1]::int; y := m[3]::int;
      IF mon IS NOT NULL AND d BETWEEN 1 AND 31 AND y BETWEEN 1000 AND 2999 THEN
        out := out || format('0d%s%s%s', y, lpad(mon::text, 2, '0'), lpad(d::text, 2, '0'));
      END IF;
    END LOOP;
    -- month day, year: December 17, 2021
    FOR m IN SELECT r FROM regexp_matches(t, '([' || L || ']{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![0-9])', 'g') AS r LOOP
      mon := "search_month"(m[1]); d := m[2]::int; y := m[3]::int;
      IF mon IS NOT NULL AND d BETWEEN 1 AND 31 AND y BETWEEN 1000 AND 2999 THEN
        out := out || format('0d%s%s%s', y, lpad(mon::text, 2, '0'), lpad(d::text, 2, '0'));
      END IF;
    END LOOP;
    -- month year: December 2021, в декабре 2021 года, у грудні 2021
    FOR m IN SELECT r FROM regexp_matches(t, '([' || L || ']{3,})\.?\s+(\d{4})(?![0-9])', 'g') AS r LOOP
      mon := "search_month"(m[1]); y := m[2]::int;
      IF mon IS NOT NULL AND y BETWEEN 1000 AND 2999 THEN out := out || format('0m%s%s', y, lpad(mon::text, 2, '0')); END IF;
    END LOOP;
    -- day month, month day: 24 February, 24 февраля, February 24
    FOR m IN SELECT r FROM regexp_matches(t, '(?<![0-9.,])(\d{1,2})' || ORD || '\s+([' || L || ']{3,})', 'g') AS r LOOP
      mon := "search_month"(m[2]); d := m[1]::int;
      IF mon IS NOT NULL AND d BETWEEN 1 AND 31 THEN out := out || format('0dm%s%s', lpad(mon::text, 2, '0'), lpad(d::text, 2, '0')); END IF;
    END LOOP;
    FOR m IN SELECT r FROM regexp_matches(t, '([' || L || ']{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![0-9])', 'g') AS r LOOP
      mon := "search_month"(m[1]); d := m[2]::int;
      IF mon IS NOT NULL AND d BETWEEN 1 AND 31 THEN out := out || format('0dm%s%s', lpad(mon::text, 2, '0'), lpad(d::text, 2, '0')); END IF;
    END LOOP;
  END IF;
  -- A full date also says its month and its day of the month.
  out := out || ARRAY(SELECT '0m' || substr(x, 3, 6) FROM unnest(out) AS x WHERE x ~ '^0d[0-9]{8}$')
             || ARRAY(SELECT '0dm' || substr(x, 7, 4) FROM unnest(out) AS x WHERE x ~ '^0d[0-9]{8}$');
  -- Numbers: thousands grouped with commas, spaces or dots (1,000, 1 000, 1.000),
  -- a decimal point or comma (2.5, 2,5), a scale word (million, млн, тисяч) or
  -- a scale letter written on the number (2.5m, 300k). A scaled number also
  -- stands as written (2.5 million: 2500000 and 2.5), so "2.5" meets it.
  -- Dates in digits are taken out first, two-digit years too (17.12.21 is not the number 17.12).
  FOR m IN SELECT r FROM regexp_matches(regexp_replace(t, '(?<![0-9.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![0-9]|\.[0-9])|(?<![0-9/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![0-9]|/[0-9])|\d{4}-\d{2}-\d{2}', ' ', 'g'), '(?<![0-9.,])(\d{1,3}(?:[, .  ]\d{3})+(?![0-9])|\d+)(?:[.,](\d+))?(?:(\s*)([' || L || ']+))?', 'g') AS r LOOP
    IF length(m[1]) <= 24 AND length(coalesce(m[2], '')) <= 6 THEN
      v := (regexp_replace(m[1], '[^0-9]', '', 'g') || coalesce('.' || m[2], ''))::numeric;
      f := CASE WHEN m[4] IS NULL THEN 1
                WHEN lower(m[4]) IN ('k', 'm', 'mn', 'b') AND m[3] <> '' THEN 1
                ELSE "search_scale"(m[4]) END;
      out := out || ('0n' || replace(trim_scale(v * f)::text, '.', 'p'));
      IF f <> 1 THEN out := out || ('0n' || replace(trim_scale(v)::text, '.', 'p')); END IF;
    END IF;
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT x FROM unnest(out) AS x ORDER BY x);
END
$$;

-- As in migration name_keys, but a word is compared with the wanted lexemes'
-- first three letters as search_words reads it (ё as е, ґ as г, apostrophes
-- dropped): «ёлка» (елк), «ґанок» (ганок), «мʼясо» (мяс) were never found,
-- so the reason showed the stem instead of the word (X34).
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
      WHERE left(translate(lower(m.m[1]), 'ёґʼ', 'ег'), 3) = ANY (prefixes)
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

-- A typed query as a selection is read (migration search_typed_tsquery): each
-- word (the first 16) required, as any of its search terms, in the fields of
-- `weights` ('A' the statement, the list's search; 'B' the claimant, its
-- claimant filter). X49: a date or number written over several words
-- («17 декабря 2021», "December 17, 2021", «2,5 млн») is one token in the
-- documents (0d20211217, 0n2500000) but was asked for word by word (0n17 &
-- декабр & 0n2021), so «17 декабря 2021» did not find "17 December 2021". Now
-- each word a date or number of the whole text covers (search_surfaces: the
-- words the token was read from) also accepts that token:
-- (0n17 | 0d20211217) & (декабр | 0d20211217) & (0n2021 | 0d20211217).
-- So it still finds everything it found before, and the date however written.
CREATE FUNCTION "search_typed_tsquery"(q TEXT, weights TEXT) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  c TEXT := "search_clean"(coalesce(q, ''));
  lang TEXT := "search_guess_language"(c);
  wt TEXT := ':' || coalesce(nullif(regexp_replace(coalesce(weights, ''), '[^ABCD]', '', 'g'), ''), 'A');
  covering JSONB := '[]';
  groups TEXT[];
BEGIN
  -- The whole text's dates and numbers, with the words each was read from (only where two digits' words may meet);
  -- a date's "year" word after it (17 декабря 2021 года, 17 грудня 2021 року, 2021 г.) is part of the date.
  IF c ~ '[0-9][^0-9]+[[:alnum:]]|[[:alpha:]][^[:alnum:]]+[0-9]' THEN
    SELECT coalesce(jsonb_agg(jsonb_build_array(s.lexeme, s.pos, s.last + CASE
             WHEN s.lexeme ~ '^0[dm][0-9]' AND lower(substring(c FROM '^[^[:alnum:]]*(?:[[:alnum:]]+[^[:alnum:]]*){' || s.last || '}([[:alnum:]]+)'))
                  ~ '^(год|года|году|годом|г|рік|року|р|year)$' THEN 1 ELSE 0 END)), '[]')
    INTO covering
    FROM (SELECT x.lexeme, x.pos, x.pos + (SELECT count(*) FROM regexp_matches(x.surface, '[[:alnum:]]+', 'g'))::int - 1 AS last
          FROM "search_surfaces"(c, lang, "search_signals"(c)) x) s
    -- A whole date's month (0m) and day (0dm) tokens are not asked for beside it: a day and month's surface may be
    -- the whole date (17.12.2021), which would let 17.12.2020 in.
    WHERE NOT (s.lexeme ~ '^0(m|dm)[0-9]' AND c IS NOT NULL AND EXISTS (SELECT 1 FROM unnest("search_signals"(c)) d WHERE d ~ '^0d[0-9]{8}$'));
  END IF;
  SELECT array_agg(DISTINCT g) INTO groups FROM (
    SELECT w.n, '(' || string_agg('''' || replace(replace(t.lexeme, '\', '\\'), '''', '''''') || '''' || wt, ' | ' ORDER BY t.lexeme) || ')' AS g
    FROM regexp_matches(c, '[[:alnum:]]+', 'g') WITH ORDINALITY AS w(m, n)
    CROSS JOIN LATERAL (
      SELECT x.lexeme FROM "search_query_terms"(w.m[1], lang) x
      UNION
      SELECT v.j ->> 0 FROM jsonb_array_elements(covering) v(j)
      WHERE w.n BETWEEN (v.j ->> 1)::int AND (v.j ->> 2)::int
    ) t
    WHERE w.n <= 16
    GROUP BY w.n
  ) x;
  IF groups IS NULL THEN RETURN NULL; END IF;
  RETURN to_tsquery('simple', array_to_string(groups, ' & '));
END
$$;

CREATE OR REPLACE FUNCTION "search_typed_tsquery"(q TEXT) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN "search_typed_tsquery"(q, 'A');
END
$$;

-- N14b-2: a name is stored as written but for look-alike letters and invisible
-- characters other than the joiners (search_label: «Mohammad‌reza» keeps its
-- ZWNJ); its lexemes, what matching reads, come from search_clean, which drops them.
CREATE OR REPLACE FUNCTION "alias_name_lexemes_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."name" := "search_label"(NEW."name");
  NEW."lexemes" := tsvector_to_array("search_words"("search_clean"(NEW."name"), "search_guess_language"("search_clean"(NEW."name"))));
  RETURN NEW;
END
$$;

-- On a copy of the pages bench's 100k-claim dataset (ct_pages_100k, 200k mentions), 2026-12-01 17:30–18:08 UTC
-- at load average 31–35 on 2 cores (other engineers' builds and tests): the glossary and alias updates took
-- 45 ms (no rows), the claims' 37 min 32 s of wall time, of which the backend's own CPU was 330 s; on a quiet
-- machine expect about the CPU time. It runs in the migration's transaction, holding the claims' row locks.
-- What the functions above change in stored data, one statement per table:
-- glossary and alias lexemes (ё, ʼ), then every claim's document (its names'
-- spellings, two-digit years, ʼ); the postings and the workspace's words follow
-- through the claims' update trigger, per statement.
-- A row whose new spelling another row already has (Мар'яна beside Марʼяна) keeps its spelling, as in
-- migration name_keys: the unique indexes would refuse it, and the glossary page shows both to edit.
UPDATE "GlossaryPair" g SET "term" = g."term"
WHERE NOT EXISTS (SELECT 1 FROM "GlossaryPair" o WHERE o."workspaceId" = g."workspaceId" AND o."language" = g."language"
                  AND o."term" = "search_clean"(g."term") AND o."id" <> g."id");
UPDATE "AliasName" n SET "name" = n."name"
WHERE NOT EXISTS (SELECT 1 FROM "AliasName" o WHERE o."workspaceId" = n."workspaceId" AND o."name" = "search_label"(n."name") AND o."id" <> n."id");
UPDATE "Claim" SET "searchVector" = "claim_search_document"("id", "statement", "claimant", "language");
