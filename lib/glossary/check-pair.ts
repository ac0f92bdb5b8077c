import type { Prisma } from "@/lib/db/client";
import { conflict, invalid } from "@/lib/errors";

/**
 * After a pair is written (its lexemes filled by the trigger of migration
 * glossary_aliases): a side of only stop words would match nothing, and the
 * same term twice in one language would make two rules for one word.
 * Throws inside the caller's transaction, so nothing is half-written.
 */
export async function checkPair(tx: Prisma.TransactionClient, workspaceId: string, id: string): Promise<void> {
  const pair = await tx.glossaryPair.findUniqueOrThrow({ where: { id }, select: { language: true, term: true, termLexemes: true, englishLexemes: true } });
  if (pair.termLexemes.length === 0) throw invalid("The term has only common words, which search ignores.", { term: "Only common words (like «и», «на»): write a word that carries meaning." });
  if (pair.englishLexemes.length === 0) throw invalid("The English counterpart has only common words, which search ignores.", { english: "Only common words (like “the”, “of”): write a word that carries meaning." });
  const twin = await tx.glossaryPair.findFirst({
    where: { workspaceId, language: pair.language, term: { equals: pair.term, mode: "insensitive" }, id: { not: id } },
    select: { english: true },
  });
  if (twin) throw conflict(`The glossary already has “${pair.term}” (→ ${twin.english}).`, { term: "Already in the glossary: edit that pair instead." });
}
