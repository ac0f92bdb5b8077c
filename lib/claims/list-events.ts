import { assertCan, can, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import type { ClaimEventKind } from "./claim-dto";

export interface EventFilters {
  claimId?: string;
  kind?: ClaimEventKind;
  /** Only events at or after this time. */
  since?: Date;
  /** Keyset: only events strictly before this one in (createdAt, id) descending order. */
  before?: { at: Date; id: string };
  limit: number;
}

/** The workspace's append-only claim history, newest first. */
export async function listClaimEvents(access: Access, filters: EventFilters) {
  assertCan(access, "workspace.view");
  // Deleted claims' history is for those who may see (and restore) deleted claims.
  const and: Prisma.ClaimEventWhereInput[] = [{ claim: { workspaceId: access.workspace.id, ...(can(access.role, "claim.restore") ? {} : { deletedAt: null }) } }];
  if (filters.claimId) and.push({ claimId: filters.claimId });
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.since) and.push({ createdAt: { gte: filters.since } });
  if (filters.before) {
    const { at, id } = filters.before;
    and.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] });
  }
  const rows = await db.claimEvent.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filters.limit,
    select: { id: true, claimId: true, kind: true, data: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ ...r, data: (r.data ?? {}) as Record<string, unknown> }));
}
