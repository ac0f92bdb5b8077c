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
  // Newest first in commit order; the caller's own uncommitted changes (no seq yet) are the newest.
  const last = (where: Prisma.ChangeWhereInput) =>
    client.change.findFirst({ where: { claimId, ...where }, orderBy: [{ seq: { sort: "desc", nulls: "first" } }, { id: "desc" }], select: { actorId: true } });
  const ids: string[] = [];
  // One after another: these may run inside an interactive transaction (one connection).
  for (const where of [
    { kind: "claim.verdict" },
    { kind: "claim.edited", data: { path: ["field"], equals: "explanation" } },
    { kind: "claim.review-state", AND: [{ data: { path: ["from"], equals: "unreviewed" } }, { data: { path: ["to"], equals: "in-review" } }] },
  ] satisfies Prisma.ChangeWhereInput[]) {
    const e = await last(where);
    if (e?.actorId && !ids.includes(e.actorId)) ids.push(e.actorId);
  }
  // The feed keeps the actor's id (no foreign key); someone no longer a user counts for no one.
  const users = ids.length ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return ids.flatMap((id) => users.filter((u) => u.id === id));
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
