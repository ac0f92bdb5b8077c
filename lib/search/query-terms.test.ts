import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";

/**
 * search_query_terms() (a selection's terms) as PL/pgSQL, migration
 * search_query_terms_plpgsql, for a plan cached per connection instead of
 * one planned with every suggestion: the same terms as the LANGUAGE sql
 * definition it replaced (multilingual_search), and every term one that the
 * document built from the same text (search_piece) contains, so selections
 * and claims still agree on every word, date, number and name. Since migration
 * query_date_units a date's day and year are no longer numbers of their own.
 */

/** The body of the replaced SQL function, as it was, run as a plain query. */
const BEFORE = `
  WITH l AS (SELECT coalesce($2::text, "search_guess_language"($1)) AS code),
  terms AS (
    SELECT x AS lexeme, 'word' AS kind FROM l, unnest(tsvector_to_array("search_words"($1, l.code))) AS x WHERE x !~ '^0[a-z]' AND x !~ '^[0-9.,]+$'
    UNION ALL
    SELECT s, CASE WHEN s LIKE '0n%' THEN 'number' ELSE 'date' END FROM unnest("search_signals"($1)) AS s
    UNION ALL
    SELECT x, 'name' FROM unnest(tsvector_to_array(to_tsvector('english', array_to_string("search_names"($1), ' ')))) AS x
    UNION ALL
    SELECT x, 'name' FROM l, unnest(tsvector_to_array("search_words"((
      SELECT string_agg(m[1], ' ') FROM regexp_matches($1, '(?<![A-Za-z''’])([A-Z][A-Za-z]+)', 'g') AS m), l.code))) AS x
  )
  SELECT DISTINCT ON (lexeme) lexeme, kind FROM terms
  ORDER BY lexeme, array_position(ARRAY['date', 'number', 'name', 'word'], kind)`;

const TEXTS: [string, string | null][] = [
  ["NATO must withdraw its forces to the positions of 1997, Ryabkov said in Geneva on 10 January 2022.", "en"],
  ["Lavrov told Blinken on December 17, 2021 that 2.5 million troops were not the issue.", null],
  ["Сергей Рябков заявил 17 декабря 2021 года, что НАТО должно вернуться к позициям 1997 года.", "ru"],
  ["Сергій Рябков заявив 17 грудня 2021 року, що НАТО має повернутися до позицій 1997 року; 500 тисяч військових.", "uk"],
  ["Байден и Зеленский обсудили гарантии безопасности", null],
  ["the", "en"],
  ["a 1,000 km border, 2,5 млн, 17.12.2021 and 2021-12-17", null],
  ["", null],
];

describe("search_query_terms", () => {
  it("is PL/pgSQL now (planned once per connection, not inlined into every suggestion query)", async () => {
    const rows = await db.$queryRaw<{ lang: string }[]>`
      SELECT l.lanname AS lang FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.proname = 'search_query_terms'`;
    expect(rows).toEqual([{ lang: "plpgsql" }]);
  });

  it.each(TEXTS)("gives the same terms as before, all in the text's own document: %s", async (text, lang) => {
    const now = await db.$queryRaw<{ lexeme: string; kind: string }[]>`SELECT lexeme, kind FROM "search_query_terms"(${text}, ${lang}::text)`;
    const before = await db.$queryRawUnsafe<{ lexeme: string; kind: string }[]>(BEFORE, text, lang);
    // But a date is one unit (migration query_date_units, finding T10): numbers only from outside the text's dates.
    const [{ outside }] = await db.$queryRaw<{ outside: string[] }[]>`SELECT "search_signals"("search_without_dates"(${text})) AS outside`;
    const expected = before.filter((t) => t.kind !== "number" || outside.includes(t.lexeme));
    // Plus the name keys of migration name_keys (0k…, 0f…), as names.
    expect(now.filter((t) => !/^0[kf]/.test(t.lexeme))).toEqual(expected);
    const keys = await db.$queryRaw<{ lexeme: string }[]>`SELECT DISTINCT lexeme FROM "search_name_keys"(${text}) ORDER BY 1`;
    expect(now.filter((t) => /^0[kf]/.test(t.lexeme))).toEqual(keys.map((k) => ({ lexeme: k.lexeme, kind: "name" })));
    const [doc] = await db.$queryRaw<{ lexemes: string[] }[]>`
      SELECT tsvector_to_array("search_piece"(${text}, ${lang}::text, 'A')) AS lexemes`;
    for (const term of now) expect(doc.lexemes).toContain(term.lexeme);
    if (text.length > 5) expect(now.length).toBeGreaterThan(0);
  });
});
