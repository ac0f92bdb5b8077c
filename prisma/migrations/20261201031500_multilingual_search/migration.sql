-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "language" TEXT;

-- Hand-written below: the engine generated everything above from schema.prisma.
-- The drift check compares tables, columns, indexes and foreign keys only, so
-- these functions and triggers do not show up as drift.

-- Issue 14: each text is searched in its own language. A claim's search
-- document is built from pieces, each in the language it was written in: the
-- statement and claimant in the claim's language ("Claim"."language", set by
-- the app with the detector of lib/articles/import/language.ts; when null,
-- guessed here from the script), each mention's quote in its article's
-- language. A selection's query is built by the same functions in the
-- selection's own language (lib/search/suggest-claims.ts), so both sides
-- always agree on a word's lexeme.
--
-- Each piece also carries language-neutral signals (cross-language matching):
-- dates, numbers and Cyrillic names written in Latin letters.

-- The text search configuration for a BCP 47 code. No config means 'english'
-- (what every document used before); Ukrainian and languages without a
-- snowball stemmer here use 'simple' (Ukrainian with search_uk_normalise).
CREATE FUNCTION "search_config"(lang TEXT) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE split_part(lower(coalesce(lang, 'en')), '-', 1)
    WHEN 'en' THEN 'english' WHEN 'ru' THEN 'russian' WHEN 'de' THEN 'german' WHEN 'fr' THEN 'french'
    WHEN 'es' THEN 'spanish' WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese' WHEN 'nl' THEN 'dutch'
    WHEN 'sv' THEN 'swedish' WHEN 'da' THEN 'danish' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
    WHEN 'fi' THEN 'finnish' WHEN 'hu' THEN 'hungarian' WHEN 'ro' THEN 'romanian' WHEN 'tr' THEN 'turkish'
    WHEN 'lt' THEN 'lithuanian' WHEN 'el' THEN 'greek' WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian'
    WHEN 'ca' THEN 'catalan' WHEN 'eu' THEN 'basque' WHEN 'ga' THEN 'irish' WHEN 'id' THEN 'indonesian'
    WHEN 'sr' THEN 'serbian' WHEN 'ta' THEN 'tamil' WHEN 'ne' THEN 'nepali' WHEN 'hi' THEN 'hindi'
    WHEN 'yi' THEN 'yiddish'
    ELSE 'simple' END)::regconfig
$$;

-- A language from the script, for texts whose language nobody detected (claims
-- written before this migration, claims created in bulk, short selections):
-- mostly Cyrillic is Ukrainian with a Ukrainian-only letter, else Russian;
-- mostly Latin is English; anything else null (the 'english' config, as before).
CREATE FUNCTION "search_guess_language"(t TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN cyr > 0 AND cyr * 2 >= cyr + lat THEN CASE WHEN t ~ '[іїєґІЇЄҐ]' THEN 'uk' ELSE 'ru' END
    WHEN lat > 0 THEN 'en'
  END
  FROM (SELECT length(regexp_replace(t, '[^А-Яа-яЁёІіЇїЄєҐґ]', '', 'g')) AS cyr,
               length(regexp_replace(t, '[^A-Za-z]', '', 'g')) AS lat) n
$$;

-- Ukrainian has no stemmer in PostgreSQL: a light one of our own, the longest
-- matching inflection ending taken off words of more than three letters
-- (гарантії, гарантій, гарантіями → гарант), and common function words
-- dropped. Both documents and queries go through it, so they agree.
CREATE FUNCTION "search_uk_stem"(w TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  s TEXT;
BEGIN
  IF w = ANY (ARRAY['і','й','в','у','на','з','із','зі','зо','та','що','до','не','як','за','від','по','це','про','для',
                    'але','чи','його','її','їх','ми','ви','він','вона','воно','вони','був','була','було','були','бути',
                    'який','яка','яке','які','також','так','ще','вже','же','б','би','а','о','ж','то','те','ті','цей','ця',
                    'ці','при','під','над','між','після','через','щоб','коли','якщо','тому','тоже','лише','вся','весь','усі','всі']) THEN
    RETURN NULL;
  END IF;
  FOREACH s IN ARRAY ARRAY['іями','ість','ості','остю','ього','ьому','ами','ями','ові','еві','ого','ому','ими','іми','ими',
                            'ією','ію','ія','ії','іє','іях','ієї','ої','ою','ею','єю','их','іх','ий','ій','ім','им','ам','ям',
                            'ах','ях','ом','ем','ів','їв','ов','ти','ть','ся','сь',
                            'а','я','у','ю','і','ї','и','е','є','о','ь','й'] LOOP
    IF length(w) - length(s) >= 3 AND right(w, length(s)) = s THEN
      RETURN left(w, length(w) - length(s));
    END IF;
  END LOOP;
  RETURN w;
END
$$;

CREATE FUNCTION "search_uk_normalise"(t TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(string_agg("search_uk_stem"(m[1]), ' ' ORDER BY n), '')
  FROM regexp_matches(translate(lower(t), 'ґʼ’''', 'г'), '([a-zа-яёіїє0-9]+)', 'g') WITH ORDINALITY AS x(m, n)
$$;

-- A text's own words, stemmed in its language.
CREATE FUNCTION "search_words"(t TEXT, lang TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN split_part(lower(coalesce(lang, '')), '-', 1) = 'uk'
    THEN to_tsvector('simple', "search_uk_normalise"(t))
    ELSE to_tsvector("search_config"(lang), t) END
$$;

-- Cross-language signals (issue 14): dates and numbers however written, as
-- one token each, in both documents and queries. Tokens start with 0 and a
-- letter so no word can be one: 0d20211217 (a date), 0m202112 (a month),
-- 0dm1217 (a day of a month, no year), 0n2500000 (a number; 0n2p5 is 2.5).
-- "17 December 2021", «17 декабря 2021 года» and «17 грудня 2021 року» give
-- the same 0d20211217 (and 0m202112, 0dm1217, so a text with less of the date
-- still meets it).

-- A month name (any case, in English, Russian or Ukrainian, full, inflected or
-- abbreviated) as its number, or null.
CREATE FUNCTION "search_month"(word TEXT) RETURNS INT
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN w ~ '^(jan(uary)?|янв|січ)' THEN 1
    WHEN w ~ '^(feb(ruary)?|фев|лют)' THEN 2
    WHEN w ~ '^(mar(ch)?$|март|берез)' THEN 3
    WHEN w ~ '^(apr(il)?$|апрел|квіт)' THEN 4
    WHEN w ~ '^(may$|ма[йяе]$|трав)' THEN 5
    WHEN w ~ '^(june?$|июн|черв)' THEN 6
    WHEN w ~ '^(july?$|июл|лип)' THEN 7
    WHEN w ~ '^(aug(ust)?$|август|серп)' THEN 8
    WHEN w ~ '^(sep(t(ember)?)?$|сентябр|верес)' THEN 9
    WHEN w ~ '^(oct(ober)?$|октябр|жовт)' THEN 10
    WHEN w ~ '^(nov(ember)?$|ноябр|листопад)' THEN 11
    WHEN w ~ '^(dec(ember)?$|декабр|груд)' THEN 12
  END
  FROM (SELECT lower(word) AS w) x
$$;

-- A scale word after a number (2.5 million, 2,5 млн, 500 тисяч) as its factor, or 1.
CREATE FUNCTION "search_scale"(word TEXT) RETURNS NUMERIC
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN w ~ '^(thousand|тыс|тисяч)' THEN 1e3
    WHEN w ~ '^(million|mln|млн|миллион|мільйон)' THEN 1e6
    WHEN w ~ '^(billion|bn|млрд|миллиард|мільярд)' THEN 1e9
    ELSE 1 END
  FROM (SELECT lower(coalesce(word, '')) AS w) x
$$;

CREATE FUNCTION "search_signals"(t TEXT) RETURNS TEXT[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  L CONSTANT TEXT := 'A-Za-zА-Яа-яЁёІіЇїЄєҐґ';
  ORD CONSTANT TEXT := '(?:st|nd|rd|th|-?(?:го|е|ого))?';
  m TEXT[];
  mon INT;
  d INT;
  y INT;
  v NUMERIC;
  out TEXT[] := '{}';
BEGIN
  IF t IS NULL OR t !~ '[0-9]' THEN RETURN out; END IF;
  -- ISO 2021-12-17 and 17.12.2021
  FOR m IN SELECT r FROM regexp_matches(t, '(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])', 'g') AS r LOOP
    IF m[2]::int BETWEEN 1 AND 12 AND m[3]::int BETWEEN 1 AND 31 THEN out := out || format('0d%s%s%s', m[1], m[2], m[3]); END IF;
  END LOOP;
  FOR m IN SELECT r FROM regexp_matches(t, '(?<![0-9.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![0-9])', 'g') AS r LOOP
    IF m[2]::int BETWEEN 1 AND 12 AND m[1]::int BETWEEN 1 AND 31 THEN
      out := out || format('0d%s%s%s', m[3], lpad(m[2], 2, '0'), lpad(m[1], 2, '0'));
    END IF;
  END LOOP;
  -- Month patterns only where a month name may be (one quick pass instead of six).
  IF t ~* '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)' THEN
    -- day month year: 17 December 2021, 17 декабря 2021 года, 17-го грудня 2021
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
    FOR m IN SELECT r FROM regexp_matches(t, '([' || L || ']{3,})\s+(\d{4})(?![0-9])', 'g') AS r LOOP
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
  -- a decimal point or comma (2.5, 2,5), a scale word (million, млн, тисяч).
  FOR m IN SELECT r FROM regexp_matches(regexp_replace(t, '\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}', ' ', 'g'), '(?<![0-9.,])(\d{1,3}(?:[, .  ]\d{3})+(?![0-9])|\d+)(?:[.,](\d+))?(?:\s*([' || L || ']+))?', 'g') AS r LOOP
    IF length(m[1]) <= 24 AND length(coalesce(m[2], '')) <= 6 THEN
      v := (regexp_replace(m[1], '[^0-9]', '', 'g') || coalesce('.' || m[2], ''))::numeric * "search_scale"(m[3]);
      out := out || ('0n' || replace(trim_scale(v)::text, '.', 'p'));
    END IF;
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT x FROM unnest(out) AS x ORDER BY x);
END
$$;

-- Names across scripts (issue 14): a Cyrillic name also stands in a search
-- document (and a query) in Latin letters, stemmed as English, so a Russian
-- passage naming «Сергей Лавров» meets an English claim with "Sergey Lavrov"
-- and the other way round. No transliteration package can run inside these
-- triggers, so: a small table of names whose English spelling no rule gives
-- (Энтони → Antony, Anthony; Байден → Biden; Москва → Moscow), else rules
-- with the usual variants (BGN/PCGN Sergey, Ryabkov; Sergei, Riabkov with й
-- and я as i, ia; Dmitry, Zelensky with -ий as -y; Ukrainian г as h, и as y).
-- Both the word and the word with a case ending off are written (Лаврова →
-- lavrova, lavrov), since Russian and Ukrainian inflect names.
CREATE FUNCTION "search_translit_rule"(w TEXT, uk BOOLEAN) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT translate(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      w, 'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'ю', 'yu'), 'я', 'ya'), 'ё', 'yo'), 'є', 'ye'), 'ї', 'yi'),
    'абвгґдезийклмнопрстуфыэіьъ',
    CASE WHEN uk THEN 'abvhgdezyyklmnoprstufyei' ELSE 'abvggdeziyklmnoprstufyei' END)
$$;

CREATE FUNCTION "search_translit"(word TEXT) RETURNS TEXT[]
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
    "михаил": ["mikhail"], "михайло": ["mykhailo"], "мария": ["maria"], "марія": ["maria"],
    "виктория": ["victoria"], "вікторія": ["victoria"], "венди": ["wendy"], "венді": ["wendy"],
    "джо": ["joe"], "джейк": ["jake"], "лиз": ["liz"], "ліз": ["liz"],
    "байден": ["biden"], "трасс": ["truss"], "салливан": ["sullivan"], "салліван": ["sullivan"],
    "зеленский": ["zelensky", "zelenskyy"], "зеленск": ["zelensky", "zelenskyy"], "зеленський": ["zelensky", "zelenskyy"], "зеленськ": ["zelensky", "zelenskyy"],
    "вашингтон": ["washington"], "москва": ["moscow"], "москв": ["moscow"],
    "россия": ["russia"], "росси": ["russia"], "росія": ["russia"], "росі": ["russia"],
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
  FOREACH s IN ARRAY ARRAY['ого','ему','ому','ами','ями','ую','ая','ое','ые','ых','ої','ой','ою','ей','ем','ом','ым','им','ам','ям','ах','ях','ії',
                            'а','у','е','ы','я','ю','и','і','ї'] LOOP
    IF length(w) - length(s) >= 3 AND right(w, length(s)) = s THEN stems := stems || left(w, length(w) - length(s)); EXIT; END IF;
  END LOOP;
  FOREACH s IN ARRAY stems LOOP
    IF known ? s THEN RETURN ARRAY(SELECT jsonb_array_elements_text(known -> s)); END IF;
  END LOOP;
  FOREACH s IN ARRAY stems LOOP
    -- BGN/PCGN (Ukrainian: the national system): е at the start or after a vowel is ye in Russian.
    out := out || "search_translit_rule"(
      regexp_replace(CASE WHEN uk THEN regexp_replace(s, 'ий$', 'yi') ELSE regexp_replace(regexp_replace(s, 'ий$', 'iy'), '(^|[аеёиоуыэюяьъ])е', '\1ye', 'g') END, 'ый$', 'yy'), uk);
    -- й, я, ю as i, ia, iu (Sergei, Riabkov), -ий as -ii; Ukrainian є as e (Пєсков: Peskov).
    out := out || "search_translit_rule"(replace(replace(replace(replace(s, 'й', 'i'), 'я', 'ia'), 'ю', 'iu'), 'є', 'е'), uk);
    -- -ий, -ый, -ій, -ой as -y (Dmitry, Zelensky).
    IF s ~ '[иыіо]й$' THEN out := out || "search_translit_rule"(regexp_replace(s, '[иыіо]й$', 'y'), uk); END IF;
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT x FROM unnest(out) AS x WHERE x ~ '^[a-z]+$' ORDER BY x);
END
$$;

-- The Latin spellings of a text's Cyrillic names (capitalised words, acronyms).
CREATE FUNCTION "search_names"(t TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT v ORDER BY v), '{}')
  FROM (SELECT DISTINCT m[1] AS word
        FROM regexp_matches(coalesce(t, ''), '(?<![A-Za-zА-Яа-яЁёІіЇїЄєҐґʼ’''])([А-ЯЁІЇЄҐ][А-Яа-яЁёІіЇїЄєҐґʼ’'']+)', 'g') AS m) w
  CROSS JOIN LATERAL unnest("search_translit"(w.word)) AS v
$$;

-- The piece of a search document for one text: its words in its language
-- (lang null: guessed from the script) with the signals of lib/search, all
-- with one weight (the field: A statement, B claimant, C mention quotes).
CREATE FUNCTION "search_piece"(t TEXT, lang TEXT, w "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight("search_words"(coalesce(t, ''), coalesce(lang, "search_guess_language"(coalesce(t, ''))))
      || to_tsvector('simple', array_to_string("search_signals"(t), ' '))
      || to_tsvector('english', array_to_string("search_names"(t), ' ')), w)
$$;

-- The terms of a query (a selection) in its language, the same as its
-- search_piece's, each with its kind: 'date', 'number', 'name' (a Cyrillic
-- name in Latin letters, or a capitalised Latin word) or 'word'; a term of
-- two kinds is shown as the first.
CREATE FUNCTION "search_query_terms"(t TEXT, lang TEXT) RETURNS TABLE (lexeme TEXT, kind TEXT)
LANGUAGE sql IMMUTABLE AS $$
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
  SELECT DISTINCT ON (lexeme) lexeme, kind FROM terms
  ORDER BY lexeme, array_position(ARRAY['date', 'number', 'name', 'word'], kind)
$$;

CREATE AGGREGATE "search_tsvector_agg"(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

-- A claim's search document: statement (A) and claimant (B) in the claim's
-- language, each live mention's quote (C) in its article's language.
CREATE FUNCTION "claim_search_document"(claim_id TEXT, statement TEXT, claimant TEXT, language TEXT) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT "search_piece"(statement, lang, 'A')
      || "search_piece"(claimant, lang, 'B')
      || coalesce((
           SELECT "search_tsvector_agg"("search_piece"(a."exact", ar."language", 'C') ORDER BY a."createdAt", a."id")
           FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
           WHERE a."claimId" = claim_id AND a."deletedAt" IS NULL), '')
  FROM (SELECT coalesce(language, "search_guess_language"(statement)) AS lang) l
$$;

CREATE OR REPLACE FUNCTION "claim_search_vector_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := "claim_search_document"(NEW."id", NEW."statement", NEW."claimant", NEW."language");
  RETURN NEW;
END
$$;

DROP TRIGGER "Claim_searchVector_maintain" ON "Claim";
CREATE TRIGGER "Claim_searchVector_maintain"
  BEFORE INSERT OR UPDATE OF "statement", "claimant", "language" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "claim_search_vector_trigger"();

CREATE OR REPLACE FUNCTION "claim_search_refresh"(claim_id TEXT) RETURNS void
LANGUAGE sql AS $$
  UPDATE "Claim" c SET "searchVector" = "claim_search_document"(c."id", c."statement", c."claimant", c."language")
  WHERE c."id" = claim_id
$$;

DROP FUNCTION "claim_search_document"(TEXT, TEXT, TEXT);

-- An article's language corrected: its mentions' quotes are read anew.
CREATE FUNCTION "article_language_search_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" c SET "searchVector" = "claim_search_document"(c."id", c."statement", c."claimant", c."language")
  WHERE c."id" IN (SELECT a."claimId" FROM "Annotation" a WHERE a."articleId" = NEW."id" AND a."claimId" IS NOT NULL AND a."deletedAt" IS NULL);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Article_language_claimSearch"
  AFTER UPDATE OF "language" ON "Article"
  FOR EACH ROW WHEN (OLD."language" IS DISTINCT FROM NEW."language")
  EXECUTE FUNCTION "article_language_search_trigger"();

-- Existing documents rebuilt (the postings follow through their update trigger).
UPDATE "Claim" SET "searchVector" = "claim_search_document"("id", "statement", "claimant", "language");
