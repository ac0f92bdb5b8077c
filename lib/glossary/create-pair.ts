import { assertCan, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { conflict, said } from "@/lib/errors";
import { checkPair, lockGlossary, writingPair } from "./check-pair";
import { recordPairChange } from "./record-pair-change";
import { MAX_GLOSSARY_PAIRS, type NewPair } from "./schemas";
import { pairView, type GlossaryPairView } from "./view";

/** Adds a pair to the workspace glossary (admins). */
export async function createPair(access: Access, input: NewPair): Promise<GlossaryPairView> {
  assertCan(access, "workspace.update", "Only admins can edit the glossary.");
  return db.$transaction((tx) => createPairIn(tx, access, input));
}

/** Inside a caller's transaction (accepting a proposal writes the pair and the proposal's status in one). */
export async function createPairIn(tx: Prisma.TransactionClient, access: Access, input: NewPair, proposalId?: string): Promise<GlossaryPairView> {
  assertCan(access, "workspace.update", "Only admins can edit the glossary.");
  await lockGlossary(tx, access.workspace.id);
  if ((await tx.glossaryPair.count({ where: { workspaceId: access.workspace.id } })) >= MAX_GLOSSARY_PAIRS) {
    throw conflict(said("glossary_full", `A glossary may have at most ${MAX_GLOSSARY_PAIRS} pairs; delete some first.`, { limit: MAX_GLOSSARY_PAIRS }), {
      term: said("glossary_full", "The glossary is full.", { limit: MAX_GLOSSARY_PAIRS }),
    });
  }
  const pair = await writingPair(input.term, () =>
    tx.glossaryPair.create({ data: { workspaceId: access.workspace.id, language: input.language, term: input.term, english: input.english, createdById: access.userId } }),
  );
  await checkPair(tx, access.workspace.id, pair.id);
  await recordPairChange(tx, access, pair.id, pair, "created", proposalId ? { proposalId } : {});
  return pairView(pair);
}
