import { assertCan, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { conflict, notFound, said } from "@/lib/errors";
import { createPairIn } from "./create-pair";
import { recordPairChange } from "./record-pair-change";
import type { GlossaryLanguage } from "./schemas";
import type { GlossaryPairView } from "./view";
import { lockGlossary } from "./check-pair";

async function pendingProposal(tx: Prisma.TransactionClient, access: Access, proposalId: string) {
  const proposal = await tx.glossaryProposal.findFirst({ where: { id: proposalId, workspaceId: access.workspace.id } });
  if (!proposal) throw notFound("Proposal not found");
  if (proposal.status !== "pending") {
    throw conflict(said("proposal_decided", `This proposal was already ${proposal.status}.`, { status: proposal.status }), {
      proposalId: said("proposal_decided", `Already ${proposal.status}.`, { status: proposal.status }),
    });
  }
  return proposal;
}

/** Accepts a proposal: its words become a glossary pair, in one transaction with the proposal's status. */
export async function acceptProposal(access: Access, proposalId: string): Promise<GlossaryPairView> {
  assertCan(access, "workspace.update", "Only admins can accept glossary proposals.");
  return db.$transaction(async (tx) => {
    await lockGlossary(tx, access.workspace.id);
    const p = await pendingProposal(tx, access, proposalId);
    await tx.glossaryProposal.update({ where: { id: p.id }, data: { status: "accepted", decidedById: access.userId } });
    return createPairIn(tx, access, { language: p.language as GlossaryLanguage, term: p.term, english: p.english }, p.id);
  });
}

/** Rejects a proposal: it stays rejected and is not proposed again. */
export async function rejectProposal(access: Access, proposalId: string): Promise<void> {
  assertCan(access, "workspace.update", "Only admins can reject glossary proposals.");
  await db.$transaction(async (tx) => {
    await lockGlossary(tx, access.workspace.id);
    const p = await pendingProposal(tx, access, proposalId);
    await tx.glossaryProposal.update({ where: { id: p.id }, data: { status: "rejected", decidedById: access.userId } });
    await recordPairChange(tx, access, p.id, p, "proposal-rejected", { proposalId: p.id });
  });
}
