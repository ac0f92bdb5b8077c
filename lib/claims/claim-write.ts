import type { Access } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";
import { conflict, DomainError, notFound, type FieldErrors, said } from "@/lib/errors";
import { recordChange, type ChangeData, type ChangeInput } from "@/lib/changes";
import type { ClaimChange, ClaimEventKind, StaleClaimProblem } from "./claim-dto";
import { readClaimChanges, subjectsOf, type ClaimChangeKind } from "./claim-changes";

/**
 * What every claim mutation shares: find the claim in the actor's workspace,
 * compare-and-set its version, and append events. Internal to lib/claims.
 */
export type Tx = Prisma.TransactionClient;

const claimWriteSelect = {
  id: true,
  workspaceId: true,
  statement: true,
  claimant: true,
  claimDate: true,
  reviewState: true,
  verdict: true,
  explanation: true,
  explanationText: true,
  tags: true,
  assigneeId: true,
  version: true,
  deletedAt: true,
  mergedIntoId: true,
} satisfies Prisma.ClaimSelect;
export type ClaimForWrite = Prisma.ClaimGetPayload<{ select: typeof claimWriteSelect }>;

/**
 * A live claim of the workspace; deleted → 404, merged → 409 naming the
 * survivor; with `baseVersion`, a stale one → 409 saying what changed.
 */
export async function loadClaim(tx: Tx, access: Access, claimId: string, baseVersion?: number): Promise<ClaimForWrite> {
  const claim = await tx.claim.findFirst({ where: { id: claimId, workspaceId: access.workspace.id }, select: claimWriteSelect });
  if (!claim || claim.deletedAt) throw notFound("Claim not found");
  if (claim.mergedIntoId) {
    throw conflict(said("claim_merged", "This claim was merged into another claim; make the change there."), {}, { mergedIntoId: claim.mergedIntoId });
  }
  if (baseVersion !== undefined && claim.version !== baseVersion) throw await staleClaim(tx, claim.id, baseVersion);
  return claim;
}

/**
 * Compare-and-set: applies `data` and bumps the version only if the claim is
 * still at `baseVersion`. Otherwise nothing is written and the 409 says what
 * changed since. Returns the new version.
 */
export async function commitClaim(tx: Tx, claim: ClaimForWrite, baseVersion: number, data: Prisma.ClaimUncheckedUpdateManyInput = {}): Promise<number> {
  if (claim.version !== baseVersion) throw await staleClaim(tx, claim.id, baseVersion);
  const { count } = await tx.claim.updateMany({
    where: { id: claim.id, version: baseVersion, deletedAt: null, mergedIntoId: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw await staleClaim(tx, claim.id, baseVersion);
  return baseVersion + 1;
}

/** For changes that don't name a version (bulk actions, the far end of a relation): bump it anyway so stale editors notice. */
export async function bumpClaim(tx: Tx, claimId: string, data: Prisma.ClaimUncheckedUpdateInput = {}): Promise<number> {
  const row = await tx.claim.update({ where: { id: claimId }, data: { ...data, version: { increment: 1 } }, select: { version: true } });
  return row.version;
}

/**
 * A claim's history entry: a typed change on the workspace feed, in the
 * change's transaction. Changes are only ever appended; nothing updates or deletes them.
 */
export function recordClaimChange<K extends ClaimChangeKind>(tx: Tx, access: Access, claimId: string, kind: K, data: ChangeData<K>) {
  return recordChange(tx, { kind, data, workspaceId: access.workspace.id, actorId: access.userId, claimId, ...subjectsOf(kind, data) } as ChangeInput);
}

/** What approval still lacks; empty when the claim may be approved. */
export function approvalMissing(claim: { verdict: string | null; explanationText: string }, sourceCount: number): FieldErrors {
  const missing: FieldErrors = {};
  if (!claim.verdict) missing.verdict = "Choose a verdict first.";
  if (!claim.explanationText.trim()) missing.explanation = "Explain the verdict first.";
  if (sourceCount === 0) missing.sources = "Add at least one source first.";
  return missing;
}

const FIELDS_OF: Partial<Record<ClaimEventKind, ClaimChange["field"][]>> = {
  "review-state": ["reviewState"],
  verdict: ["verdict"],
  "mention-added": ["mentions"],
  "mention-removed": ["mentions"],
  "source-added": ["sources"],
  "source-removed": ["sources"],
  "source-edited": ["sources"],
  "relation-added": ["relations"],
  "relation-removed": ["relations"],
  merged: ["mentions", "sources", "relations", "tags"],
  deleted: ["deleted"],
  restored: ["deleted", "mentions"],
};

/**
 * The 409 for a stale version: the current version and each field changed
 * since, with its current value, who and when. A version ahead of the claim's
 * is no one's change but the caller's mistake: a 400 on `version`.
 */
export async function staleClaim(tx: Tx, claimId: string, baseVersion: number) {
  const current = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      version: true,
      statement: true,
      claimant: true,
      claimDate: true,
      tags: true,
      reviewState: true,
      verdict: true,
      explanationText: true,
      deletedAt: true,
      mergedIntoId: true,
      assignee: { select: { id: true, name: true } },
      _count: { select: { sources: true, relationsFrom: true, relationsTo: true, mentions: { where: { deletedAt: null } } } },
    },
  });
  const events = await readClaimChanges(tx, [claimId], { take: 200 });
  const valueOf: Record<ClaimChange["field"], unknown> = {
    statement: current.statement,
    claimant: current.claimant,
    claimDate: current.claimDate?.toISOString() ?? null,
    tags: current.tags,
    assignee: current.assignee,
    explanation: current.explanationText,
    reviewState: current.reviewState,
    verdict: current.verdict,
    mentions: current._count.mentions,
    sources: current._count.sources,
    relations: current._count.relationsFrom + current._count.relationsTo,
    deleted: current.deletedAt !== null,
  };
  const changes = new Map<ClaimChange["field"], ClaimChange>();
  for (const e of events) {
    const data = e.data;
    if (typeof data.version !== "number" || data.version <= baseVersion) continue;
    const fields = e.kind === "edited" ? [data.field as ClaimChange["field"]] : (FIELDS_OF[e.kind as ClaimEventKind] ?? []);
    for (const field of fields) {
      if (!changes.has(field)) changes.set(field, { field, value: valueOf[field], by: e.actor, at: e.createdAt });
    }
  }
  if (baseVersion > current.version) {
    // Not someone else's change: this claim never had that version. The caller's copy is wrong
    // (made up, or from another database); say so, and give the version to start again from.
    return new DomainError(
      400,
      `This claim is at version ${current.version}; version ${baseVersion} doesn't exist yet, so the change can't be based on it. Reload the claim and try again.`,
      { version: `The claim is at version ${current.version}.` },
      { currentVersion: current.version },
    );
  }
  const list = [...changes.values()];
  const body: StaleClaimProblem & { mergedIntoId?: string } = { currentVersion: current.version, changes: list };
  if (current.mergedIntoId) body.mergedIntoId = current.mergedIntoId;
  const what = current.deletedAt
    ? "It was deleted."
    : current.mergedIntoId
      ? "It was merged into another claim."
      : list.length
        ? `Changed: ${list.map((c) => c.field).join(", ")}.`
        : "";
  return conflict(`Someone changed this claim since you opened it (you had version ${baseVersion}, it is now ${current.version}). ${what} Review the changes and try again.`.replace(/\s+/g, " ").trim(), {}, body as unknown as Record<string, unknown>);
}
