import { Prisma } from "@/lib/db/generated/client";

/**
 * Glossary proposals from an attached mention (issue 14). When a Russian or
 * Ukrainian quote becomes a mention of an English claim, each content word of
 * the quote is paired with each content word of the statement, and the pair's
 * support (attachments that held both) goes up by one. Over a desk's accepted
 * suggestions, a word and its translation keep meeting while other pairings
 * scatter: list-proposals.ts shows a pair once it has been seen twice and
 * neither word has met another more often (competitive linking, explainable as
 * "seen together in N attached mentions"). Nothing enters the glossary until an
 * admin accepts it.
 *
 * Content words: the lexemes search_words() keeps (stop words gone), at least
 * three letters, not capitalised mid-quote (names match by transliteration
 * already), the WORDS_PER_SIDE longest of each side, so an attachment adds at
 * most 64 counts; terms the glossary already has are left out.
 */
const WORDS_PER_SIDE = 8;

/** Runs in the attaching transaction (attach-mention.ts), so proposals and the mention commit together. */
export async function proposeFromMention(tx: Prisma.TransactionClient, workspaceId: string, annotationId: string, claimId: string): Promise<number> {
  return tx.$executeRaw(Prisma.sql`
    WITH pair AS (
      SELECT a."exact" AS quote, split_part(lower(coalesce(ar."language", "search_guess_language"(a."exact"))), '-', 1) AS lang, c."statement"
      FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId" JOIN "Claim" c ON c."id" = ${claimId}
      WHERE a."id" = ${annotationId} AND a."workspaceId" = ${workspaceId} AND c."workspaceId" = ${workspaceId}
        AND split_part(lower(coalesce(ar."language", "search_guess_language"(a."exact"))), '-', 1) IN ('ru', 'uk')
        AND split_part(lower(coalesce(c."language", "search_guess_language"(c."statement"))), '-', 1) = 'en'
    ),
    src AS (
      SELECT DISTINCT ON (x.lexeme) x.lexeme, lower(r.m[1]) AS word, p.lang
      FROM pair p
      CROSS JOIN LATERAL regexp_matches(p.quote, '([А-Яа-яЁёІіЇїЄєҐґʼ’'']+)', 'g') WITH ORDINALITY AS r(m, n)
      CROSS JOIN LATERAL unnest(tsvector_to_array("search_words"(r.m[1], p.lang))) AS x(lexeme)
      WHERE (r.n = 1 OR r.m[1] !~ '^[А-ЯЁІЇЄҐ]') AND length(x.lexeme) >= 3
        AND NOT EXISTS (SELECT 1 FROM "GlossaryPair" g WHERE g."workspaceId" = ${workspaceId} AND g."language" = p.lang AND x.lexeme = ANY(g."termLexemes"))
      ORDER BY x.lexeme, r.n
    ),
    tgt AS (
      SELECT DISTINCT ON (x.lexeme) x.lexeme, lower(r.m[1]) AS word
      FROM pair p
      CROSS JOIN LATERAL regexp_matches(p."statement", '([A-Za-z]+)', 'g') WITH ORDINALITY AS r(m, n)
      CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('english', r.m[1]))) AS x(lexeme)
      WHERE (r.n = 1 OR r.m[1] !~ '^[A-Z]') AND length(x.lexeme) >= 3
      ORDER BY x.lexeme, r.n
    ),
    s AS (SELECT * FROM src ORDER BY length(lexeme) DESC, lexeme LIMIT ${WORDS_PER_SIDE}),
    t AS (SELECT * FROM tgt ORDER BY length(lexeme) DESC, lexeme LIMIT ${WORDS_PER_SIDE})
    INSERT INTO "GlossaryProposal" ("id", "workspaceId", "language", "termLexeme", "englishLexeme", "term", "english", "support", "status", "createdAt", "updatedAt")
    SELECT 'gp' || replace(gen_random_uuid()::text, '-', ''), ${workspaceId}, s.lang, s.lexeme, t.lexeme, s.word, t.word, 1, 'pending', now(), now()
    FROM s CROSS JOIN t
    ON CONFLICT ("workspaceId", "language", "termLexeme", "englishLexeme")
    DO UPDATE SET "support" = "GlossaryProposal"."support" + 1, "updatedAt" = now()`);
}
