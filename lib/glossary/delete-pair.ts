import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { findPair } from "./find-pair";
import { recordPairChange } from "./record-pair-change";
import { lockGlossary } from "./check-pair";

/** Removes a pair; suggestions stop using it at once. */
export async function deletePair(access: Access, pairId: string): Promise<void> {
  assertCan(access, "workspace.update", "Only admins can edit the glossary.");
  await db.$transaction(async (tx) => {
    // After an edit or a delete of the same pair by another admin has committed: then it is a plain 404.
    await lockGlossary(tx, access.workspace.id);
    const pair = await findPair(tx, access, pairId);
    await tx.glossaryPair.delete({ where: { id: pair.id } });
    await recordPairChange(tx, access, pair.id, pair, "deleted");
  });
}
