import { db, type Prisma } from "@/lib/db/client";
import type { UserRef } from "./claim-dto";

type Reader = Prisma.TransactionClient;

/**
 * Who authored the finding an approval would sign off: whoever last set the
 * verdict, last changed its explanation, and last submitted the claim for
 * review (unreviewed → in-review). With the workspace's "a second person must
 * approve" setting on, none of them may approve it. Read from the claim's own
 * events (not those of claims merged into it: their verdicts are not this
 * one's). People who left the workspace's history (actor null) count for no one.
 */
export async function verdictAuthors(client: Reader, claimId: string): Promise<UserRef[]> {
  // One query for the three (the claim page reads this on every view): each part is the newest matching event in
  // commit order, the caller's own uncommitted changes (no seq yet) being the newest; an actor who is no longer a
  // user (the feed keeps the id, no foreign key) counts for no one.
  const rows = await client.$queryRaw<(UserRef & { part: number })[]>`
    SELECT e.part, u.id, u.name FROM (
      (SELECT 1 AS part, "actorId" FROM "Change" WHERE "claimId" = ${claimId} AND kind = 'claim.verdict'
        ORDER BY seq DESC NULLS FIRST, id DESC LIMIT 1)
      UNION ALL
      (SELECT 2, "actorId" FROM "Change" WHERE "claimId" = ${claimId} AND kind = 'claim.edited' AND data -> 'field' = '"explanation"'::jsonb
        ORDER BY seq DESC NULLS FIRST, id DESC LIMIT 1)
      UNION ALL
      (SELECT 3, "actorId" FROM "Change" WHERE "claimId" = ${claimId} AND kind = 'claim.review-state'
          AND data -> 'from' = '"unreviewed"'::jsonb AND data -> 'to' = '"in-review"'::jsonb
        ORDER BY seq DESC NULLS FIRST, id DESC LIMIT 1)
    ) e JOIN "User" u ON u.id = e."actorId"
    ORDER BY e.part`;
  const authors: UserRef[] = [];
  for (const r of rows) if (!authors.some((a) => a.id === r.id)) authors.push({ id: r.id, name: r.name });
  return authors;
}

/** Whether the workspace wants a second person to approve; see verdictAuthors. */
export async function requiresSecondApprover(workspaceId: string, client: Reader = db): Promise<boolean> {
  const ws = await client.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { requireSecondApprover: true } });
  return ws.requireSecondApprover;
}

/** The claim page's share of this: whether the rule is on, and whom it excludes. */
export async function approvalContext(client: Reader, workspaceId: string, claimId: string) {
  return { secondApproverRequired: await requiresSecondApprover(workspaceId, client), verdictAuthors: await verdictAuthors(client, claimId) };
}
