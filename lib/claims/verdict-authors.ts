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
  const last = (where: Prisma.ClaimEventWhereInput) =>
    client.claimEvent.findFirst({
      where: { claimId, ...where },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { actor: { select: { id: true, name: true } } },
    });
  const byId = new Map<string, UserRef>();
  // One after another: these may run inside an interactive transaction (one connection).
  for (const where of [
    { kind: "verdict" },
    { kind: "edited", data: { path: ["field"], equals: "explanation" } },
    { kind: "review-state", AND: [{ data: { path: ["from"], equals: "unreviewed" } }, { data: { path: ["to"], equals: "in-review" } }] },
  ] satisfies Prisma.ClaimEventWhereInput[]) {
    const e = await last(where);
    if (e?.actor) byId.set(e.actor.id, e.actor);
  }
  return [...byId.values()];
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
