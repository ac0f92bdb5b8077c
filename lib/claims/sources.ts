import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { conflict, notFound, said } from "@/lib/errors";
import type { ClaimDetail } from "./claim-dto";
import { commitClaim, loadClaim, recordClaimChange } from "./claim-write";
import { claimDetail } from "./get-claim";
import type { AddSourceInput } from "./schemas";

/** Evidence for or against the claim. */
export async function addSource(access: Access, claimId: string, input: AddSourceInput): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can add sources.");
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId, input.version);
    const version = await commitClaim(tx, claim, input.version);
    const source = await tx.source.create({
      data: {
        claimId: claim.id,
        url: input.url || null,
        title: input.title,
        publisher: input.publisher || null,
        publishedAt: input.publishedAt ?? null,
        accessedAt: input.accessedAt ?? null,
        kind: input.kind,
        stance: input.stance,
        note: input.note || null,
        createdById: access.userId,
      },
      select: { id: true },
    });
    await recordClaimChange(tx, access, claim.id, "claim.source-added", { sourceId: source.id, title: input.title, url: input.url || null, stance: input.stance, version });
    return claimDetail(tx, access, claimId);
  });
}

/**
 * Removes a source; the event keeps its title, URL and stance. An approved
 * claim keeps at least one source (approval required it): reopen it first.
 */
export async function removeSource(access: Access, claimId: string, sourceId: string, input: { version: number }): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can remove sources.");
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId, input.version);
    const source = await tx.source.findFirst({ where: { id: sourceId, claimId: claim.id } });
    if (!source) throw notFound("Source not found");
    const version = await commitClaim(tx, claim, input.version);
    if (claim.reviewState === "approved" && (await tx.source.count({ where: { claimId: claim.id } })) === 1) {
      throw conflict(said("source_last_of_approved", "This is the approved claim's only source. Add another first, or have a reviewer reopen the claim."), {
        sourceId: said("source_last_of_approved", "The only source of an approved claim."),
      });
    }
    await tx.source.delete({ where: { id: source.id } });
    await recordClaimChange(tx, access, claim.id, "claim.source-removed", {
      sourceId: source.id,
      title: source.title,
      url: source.url,
      publisher: source.publisher,
      kind: source.kind,
      stance: source.stance,
      note: source.note,
      version,
    });
    return claimDetail(tx, access, claimId);
  });
}
