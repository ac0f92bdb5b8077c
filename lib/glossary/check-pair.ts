import type { Prisma } from "@/lib/db/client";
import { conflict, invalid, said } from "@/lib/errors";

/**
 * After a pair is written (its lexemes filled by the trigger of migration
 * glossary_aliases): a side of only stop words would match nothing, and the
 * same term twice in one language would make two rules for one word.
 * Throws inside the caller's transaction, so nothing is half-written.
 */
/**
 * Serialises a workspace's glossary writes until the transaction ends: checkPair reads the other pairs
 * after writing its own, so two admins adding two forms of one word at the same moment («блокада»,
 * «блокаду») would each miss the other's uncommitted row and both be stored. The unique index only
 * catches the same spelling.
 */
export async function lockGlossary(tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`glossary:${workspaceId}`}, 0))`;
}

/** The conflict for a term the glossary has (found by checkPair, or by the unique index when two writes race). */
export function termTaken(term: string, english?: string) {
  return conflict(
    english ? said("glossary_term_taken_as", `The glossary already has “${term}” (→ ${english}).`, { term, english }) : said("glossary_term_taken", `The glossary already has “${term}”.`, { term }),
    { term: said("glossary_term_in_use", "Already in the glossary: edit that pair instead.") },
  );
}

/** Runs a pair's write; the unique index on (workspace, language, term) refusing it is that 409, not a 500. */
export async function writingPair<T>(term: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw termTaken(term);
    throw err;
  }
}

export async function checkPair(tx: Prisma.TransactionClient, workspaceId: string, id: string): Promise<void> {
  const pair = await tx.glossaryPair.findUniqueOrThrow({ where: { id }, select: { language: true, term: true, termLexemes: true, englishLexemes: true } });
  if (pair.termLexemes.length === 0) throw invalid(said("glossary_term_stop_words", "The term has only common words, which search ignores."), {
      term: said("glossary_term_stop_words_field", "Only common words (like «и», «на»): write a word that carries meaning."),
    });
  if (pair.englishLexemes.length === 0) throw invalid(said("glossary_english_stop_words", "The English counterpart has only common words, which search ignores."), {
      english: said("glossary_english_stop_words_field", "Only common words (like “the”, “of”): write a word that carries meaning."),
    });
  const twin = await tx.glossaryPair.findFirst({
    where: { workspaceId, language: pair.language, term: { equals: pair.term, mode: "insensitive" }, id: { not: id } },
    select: { english: true },
  });
  if (twin) throw termTaken(pair.term, twin.english);
  // Another spelling or form of the same words ("санкциям" beside "санкции", "наемники" beside "наёмники"):
  // search reads both as one term, so a second pair would be a second, competing rule for it.
  const sameWords = await tx.glossaryPair.findFirst({
    where: { workspaceId, language: pair.language, termLexemes: { equals: pair.termLexemes }, id: { not: id } },
    select: { term: true, english: true },
  });
  if (sameWords) {
    const values = { taken: sameWords.term, english: sameWords.english, term: pair.term };
    throw conflict(said("glossary_same_words", `The glossary already has “${sameWords.term}” (→ ${sameWords.english}), which search reads as the same words as “${pair.term}”.`, values), {
      term: said("glossary_same_words_field", `Search reads this as “${sameWords.term}”, already in the glossary: edit that pair instead.`, values),
    });
  }
}
