import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { conflict, DomainError, invalid, notFound, said } from "@/lib/errors";
import type { ClaimDetail } from "./claim-dto";
import { bumpClaim, commitClaim, loadClaim, recordClaimChange } from "./claim-write";
import { claimDetail } from "./get-claim";
import type { AddRelationInput } from "./schemas";

/**
 * "This claim <type> that one", shown on both claims. Both get an event; the
 * other claim's version is bumped too, since its page changes.
 */
export async function addRelation(access: Access, claimId: string, input: AddRelationInput): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can relate claims.");
  if (input.toId === claimId) throw invalid(said("relation_self", "A claim can't be related to itself."), { toId: said("relation_self", "Choose another claim.") });
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId, input.version);
    const other = await tx.claim.findFirst({
      where: { id: input.toId, workspaceId: access.workspace.id, deletedAt: null, mergedIntoId: null },
      select: { id: true, statement: true },
    });
    // Naming the field, as other refusals of a request's values do (black-box, session 33).
    if (!other) throw new DomainError(404, "The other claim wasn't found.", { toId: "No such claim in this workspace." });
    // "related" reads the same both ways, so B related A duplicates A related B.
    const duplicate = await tx.claimRelation.findFirst({
      where: {
        type: input.type,
        OR: [{ fromId: claim.id, toId: other.id }, ...(input.type === "related" ? [{ fromId: other.id, toId: claim.id }] : [])],
      },
      select: { id: true },
    });
    if (duplicate) throw conflict(said("relation_exists", "These claims are already related that way."), { toId: said("relation_exists", "Already related that way.") }, { relationId: duplicate.id });
    // Both rows are locked in id order, so two people relating the same pair from either end can't deadlock.
    const [version, otherVersion] = await lockBoth(() => commitClaim(tx, claim, input.version), () => bumpClaim(tx, other.id), other.id < claim.id);
    const relation = await tx.claimRelation.create({
      data: { workspaceId: access.workspace.id, fromId: claim.id, toId: other.id, type: input.type, note: input.note || null, createdById: access.userId },
      select: { id: true },
    });
    const common = { relationId: relation.id, type: input.type, note: input.note || null };
    await recordClaimChange(tx, access, claim.id, "claim.relation-added", { ...common, direction: "outgoing", otherId: other.id, otherStatement: other.statement, version });
    await recordClaimChange(tx, access, other.id, "claim.relation-added", {
      ...common,
      direction: "incoming",
      otherId: claim.id,
      otherStatement: claim.statement,
      version: otherVersion,
    });
    return claimDetail(tx, access, claimId);
  });
}

async function lockBoth(mine: () => Promise<number>, theirs: () => Promise<number>, theirsFirst: boolean): Promise<[number, number]> {
  if (theirsFirst) {
    const t = await theirs();
    return [await mine(), t];
  }
  const m = await mine();
  return [m, await theirs()];
}

/** Removes a relation from either end; `version` is that claim's. */
export async function removeRelation(access: Access, claimId: string, relationId: string, input: { version: number }): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can remove relations.");
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId, input.version);
    const relation = await tx.claimRelation.findFirst({
      where: { id: relationId, workspaceId: access.workspace.id, OR: [{ fromId: claim.id }, { toId: claim.id }] },
      include: { from: { select: { id: true, statement: true } }, to: { select: { id: true, statement: true } } },
    });
    if (!relation) throw notFound("Relation not found");
    const outgoing = relation.fromId === claim.id;
    const other = outgoing ? relation.to : relation.from;
    const [version, otherVersion] = await lockBoth(() => commitClaim(tx, claim, input.version), () => bumpClaim(tx, other.id), other.id < claim.id);
    await tx.claimRelation.delete({ where: { id: relation.id } });
    const common = { relationId: relation.id, type: relation.type, note: relation.note };
    await recordClaimChange(tx, access, claim.id, "claim.relation-removed", {
      ...common,
      direction: outgoing ? "outgoing" : "incoming",
      otherId: other.id,
      otherStatement: other.statement,
      version,
    });
    await recordClaimChange(tx, access, other.id, "claim.relation-removed", {
      ...common,
      direction: outgoing ? "incoming" : "outgoing",
      otherId: claim.id,
      otherStatement: claim.statement,
      version: otherVersion,
    });
    return claimDetail(tx, access, claimId);
  });
}
