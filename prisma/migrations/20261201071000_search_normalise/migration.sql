-- Issue 14, a tester's findings (stranger-14): text that defeats matching by
-- one invisible or look-alike character, Ukrainian forms the first version
-- missed, and dates and numbers written in ways it did not read.
--
-- Functions (re)defined here, each from its newest definition (migration
-- multilingual_search; no later migration changed them):
--   search_clean       new: the one normaliser, used by documents (search_piece)
--                      and queries (lib/search/suggest-claims.ts calls it on the selection)
--   search_piece       the document builder: its text goes through search_clean first
--   search_uk_stem     Ukrainian endings -іям, and -нь of -ння nouns (питань = питання)
--   search_month       abbreviated months (дек., груд., нояб., Sept)
--   search_scale       2.5m, 300k, 2bn
--   search_signals     17/12/2021 (and 12/17/2021), numeric dates also give their day
--                      and year as numbers, a scaled number also its bare value (2.5)
--   search_translit    Росії/Росією, declined -ко surnames (Порошенка → poroshenko),
--                      Кличко → Klitschko, Ukrainian г also as h (Гончаренко → Honcharenko)
--   search_names       sentence-initial function words (По, За, В) are not names
-- search_query_terms is not redefined: it reads its text through the functions above.

-- One normaliser for documents and queries: NFKC (fullwidth digits and
-- letters, ligatures), default-ignorable code points removed (zero-width
-- space and joiners, soft hyphen, bidi marks, BOM, variation selectors),
-- combining diacritics removed after composition (stress marks: Зеле́нский;
-- й and ё stay, being composed), Arabic-Indic digits as ASCII digits, and a
-- word mixing Latin and Cyrillic letters folded to the script of most of its
-- letters through the letters that look alike (Pябков → Рябков, Ryаbkоv → Ryabkov).
CREATE FUNCTION "search_clean"(t TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  s TEXT;
BEGIN
  IF t IS NULL THEN RETURN NULL; END IF;
  s := t;
  IF s !~ '^[\u0000-\u007F]*$' THEN
    s := normalize(s, NFKC);
    s := regexp_replace(s, '[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]', '', 'g');
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
  END IF;
  RETURN s;
END
$$;

CREATE OR REPLACE FUNCTION "search_piece"(t TEXT, lang TEXT, w "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight("search_words"(coalesce(c, ''), coalesce(lang, "search_guess_language"(coalesce(c, ''))))
      || to_tsvector('simple', array_to_string("search_signals"(c), ' '))
      || to_tsvector('english', array_to_string("search_names"(c), ' ')), w)
  FROM (SELECT "search_clean"(t) AS c) x
$$;

CREATE OR REPLACE FUNCTION "search_uk_stem"(w TEXT) RETURNS TEXT
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
  -- The genitive plural of -ння/-ття nouns drops a letter (питання → питань): the stem of the other forms.
  IF length(w) >= 5 AND w ~ '[ая]нь$' THEN RETURN left(w, length(w) - 1) || 'н'; END IF;
  FOREACH s IN ARRAY ARRAY['іями','іям','іях','ість','ості','остю','ього','ьому','ами','ями','ові','еві','ого','ому','ими','іми',
                            'ією','ію','ія','ії','іє','ієї','ої','ою','ею','єю','их','іх','ий','ій','ім','им','ам','ям',
                            'ах','ях','ом','ем','ів','їв','ов','ти','ть','ся','сь',
                            'а','я','у','ю','і','ї','и','е','є','о','ь','й'] LOOP
    IF length(w) - length(s) >= 3 AND right(w, length(s)) = s THEN
      RETURN left(w, length(w) - length(s));
    END IF;
  END LOOP;
  RETURN w;
END
$$;

CREATE OR REPLACE FUNCTION "search_month"(word TEXT) RETURNS INT
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN w ~ '^(jan(uary)?|янв|січ)' THEN 1
    WHEN w ~ '^(feb(ruary)?|фев|лют)' THEN 2
    WHEN w ~ '^(mar(ch)?$|март|мар$|берез|бер$)' THEN 3
    WHEN w ~ '^(apr(il)?$|апрел|апр$|квіт|кві$)' THEN 4
    WHEN w ~ '^(may$|ма[йяе]$|трав|тра$)' THEN 5
    WHEN w ~ '^(june?$|июн|черв|чер$)' THEN 6
    WHEN w ~ '^(july?$|июл|лип)' THEN 7
    WHEN w ~ '^(aug(ust)?$|август|авг$|серп|сер$)' THEN 8
    WHEN w ~ '^(sep(t(ember)?)?$|сентябр|сент?$|верес|вер$)' THEN 9
    WHEN w ~ '^(oct(ober)?$|октябр|окт$|жовт|жов$)' THEN 10
    WHEN w ~ '^(nov(ember)?$|ноябр|нояб?$|листопад|лист?$)' THEN 11
    WHEN w ~ '^(dec(ember)?$|декабр|дек$|груд|гру$)' THEN 12
  END
  FROM (SELECT lower(word) AS w) x
$$;

-- A scale after a number, as its factor (or 1): written out (2.5 million,
-- 2,5 млн, 500 тисяч) or, when `attached`, the short suffix (2.5m, 300k, 2bn).
CREATE OR REPLACE FUNCTION "search_scale"(word TEXT) RETURNS NUMERIC
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN w ~ '^(thousand|тыс|тисяч)' OR w = 'k' THEN 1e3
    WHEN w ~ '^(million|mln|млн|миллион|мільйон)' OR w IN ('m', 'mn', 'mio') THEN 1e6
    WHEN w ~ '^(billion|bn|млрд|миллиард|мільярд)' OR w = 'b' THEN 1e9
    ELSE 1 END
  FROM (SELECT lower(coalesce(word, '')) AS w) x
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
  FOR m IN SELECT r FROM regexp_matches(t, '(?<![0-9.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![0-9])', 'g') AS r LOOP
    IF m[2]::int BETWEEN 1 AND 12 AND m[1]::int BETWEEN 1 AND 31 THEN
      out := out || format('0d%s%s%s', m[3], lpad(m[2], 2, '0'), lpad(m[1], 2, '0'));
    END IF;
  END LOOP;
  FOR m IN SELECT r FROM regexp_matches(t, '(?<![0-9/])(\d{1,2})/(\d{1,2})/(\d{4})(?![0-9])', 'g') AS r LOOP
    IF m[2]::int BETWEEN 1 AND 12 AND m[1]::int BETWEEN 1 AND 31 THEN
      out := out || format('0d%s%s%s', m[3], lpad(m[2], 2, '0'), lpad(m[1], 2, '0'));
    END IF;
    IF m[1]::int BETWEEN 1 AND 12 AND m[2]::int BETWEEN 1 AND 31 THEN
      out := out || format('0d%s%s%s', m[3], lpad(m[1], 2, '0'), lpad(m[2], 2, '0'));
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
  FOR m IN SELECT r FROM regexp_matches(regexp_replace(t, '\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}', ' ', 'g'), '(?<![0-9.,])(\d{1,3}(?:[, .  ]\d{3})+(?![0-9])|\d+)(?:[.,](\d+))?(?:(\s*)([' || L || ']+))?', 'g') AS r LOOP
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
    "михаил": ["mikhail"], "михайло": ["mykhailo"], "мария": ["maria"], "марія": ["maria"],
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
  FOREACH s IN ARRAY ARRAY['ого','ему','ому','ами','ями','ую','ая','ое','ые','ых','ої','ой','ою','ей','ем','ом','ым','им','ам','ям','ах','ях','ії',
                            'а','у','е','ы','я','ю','и','і','ї'] LOOP
    IF length(w) - length(s) >= 3 AND right(w, length(s)) = s THEN stems := stems || left(w, length(w) - length(s)); EXIT; END IF;
  END LOOP;
  -- Ukrainian declines surnames in -ко (Порошенка, Шевченком, Грушку, Кличкові): their nominative too.
  IF w ~ '(енк|чк|шк|йк|цьк)(а|у|ом|ові|у)$' THEN stems := stems || regexp_replace(w, '(а|у|ом|ові)$', 'о'); END IF;
  FOREACH s IN ARRAY stems LOOP
    IF known ? s THEN RETURN ARRAY(SELECT jsonb_array_elements_text(known -> s)); END IF;
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

-- The Latin spellings of a text's Cyrillic names (capitalised words, acronyms);
-- a function word capitalised at the start of a sentence (По словам, За словами,
-- В Москве) is not a name.
CREATE OR REPLACE FUNCTION "search_names"(t TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT v ORDER BY v), '{}')
  FROM (SELECT DISTINCT m[1] AS word
        FROM regexp_matches(coalesce(t, ''), '(?<![A-Za-zА-Яа-яЁёІіЇїЄєҐґʼ’''])([А-ЯЁІЇЄҐ][А-Яа-яЁёІіЇїЄєҐґʼ’'']+)', 'g') AS m) w
  CROSS JOIN LATERAL unnest("search_translit"(w.word)) AS v
  WHERE to_tsvector('russian', lower(w.word)) <> ''::tsvector AND "search_uk_stem"(lower(w.word)) IS NOT NULL
$$;

-- Existing documents rebuilt with the normaliser and the functions above (the postings follow through their update trigger).
UPDATE "Claim" SET "searchVector" = "claim_search_document"("id", "statement", "claimant", "language");
