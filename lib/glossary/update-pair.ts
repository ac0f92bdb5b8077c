import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { checkPair, lockGlossary, writingPair } from "./check-pair";
import { findPair } from "./find-pair";
import { recordPairChange } from "./record-pair-change";
import type { PairEdit } from "./schemas";
import { pairView, type GlossaryPairView } from "./view";

/** Changes a pair's language, term or English counterpart (admins). */
export async function updatePair(access: Access, pairId: string, edit: PairEdit): Promise<GlossaryPairView> {
  assertCan(access, "workspace.update", "Only admins can edit the glossary.");
  return db.$transaction(async (tx) => {
    await lockGlossary(tx, access.workspace.id);
    const before = await findPair(tx, access, pairId);
    const term = edit.term ?? before.term;
    const pair = await writingPair(term, () =>
      tx.glossaryPair.update({ where: { id: before.id }, data: { language: edit.language ?? before.language, term, english: edit.english ?? before.english } }),
    );
    await checkPair(tx, access.workspace.id, pair.id);
    await recordPairChange(tx, access, pair.id, pair, "edited", { from: { language: before.language, term: before.term, english: before.english } });
    return pairView(pair);
  });
}
