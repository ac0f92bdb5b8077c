import type { Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import type { Prisma } from "@/lib/db/client";
import type { ChangeData } from "@/lib/changes/kinds";

type PairChange = ChangeData<"glossary.changed">;

/** A glossary change in the feed (and so the audit log), in the caller's transaction; `subjectId` is the pair or the proposal. */
export function recordPairChange(
  tx: Prisma.TransactionClient,
  access: Access,
  subjectId: string,
  pair: { language: string; term: string; english: string },
  action: PairChange["action"],
  extra: Pick<PairChange, "from" | "proposalId"> = {},
) {
  return recordChange(tx, {
    kind: "glossary.changed",
    workspaceId: access.workspace.id,
    actorId: access.userId,
    subjectId,
    data: { action, language: pair.language, term: pair.term, english: pair.english, ...extra },
  });
}
