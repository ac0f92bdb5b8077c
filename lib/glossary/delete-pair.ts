import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { findPair } from "./find-pair";

/** Removes a pair; suggestions stop using it at once. */
export async function deletePair(access: Access, pairId: string): Promise<void> {
  assertCan(access, "workspace.update", "Only admins can edit the glossary.");
  await db.$transaction(async (tx) => {
    const pair = await findPair(tx, access, pairId);
    await tx.glossaryPair.delete({ where: { id: pair.id } });
    await recordChange(tx, {
      kind: "glossary.changed",
      workspaceId: access.workspace.id,
      actorId: access.userId,
      subjectId: pair.id,
      data: { action: "deleted", language: pair.language, term: pair.term, english: pair.english },
    });
  });
}
