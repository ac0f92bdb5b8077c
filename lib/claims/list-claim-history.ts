import { assertCan, can, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { ClaimEventView } from "./claim-dto";
import { mergedInto, readHistory } from "./claim-reads";
import { HISTORY_PAGE, historyCursor } from "./get-claim";
import { decodeHistoryCursor } from "./history-cursor";

export interface HistoryPage {
  items: ClaimEventView[];
  nextCursor: string | null;
}

/**
 * A claim's history after the newest page the claim itself carries
 * (`eventsNextCursor`): the events of the claim and of every claim merged into
 * it, newest first, `limit` at a time.
 */
export async function listClaimHistory(access: Access, claimId: string, opts: { cursor?: string; limit?: number } = {}): Promise<HistoryPage> {
  assertCan(access, "workspace.view");
  const before = opts.cursor ? decodeHistoryCursor(opts.cursor) : undefined;
  const take = Math.min(Math.max(opts.limit ?? HISTORY_PAGE, 1), 100);
  const claim = await db.claim.findFirst({ where: { id: claimId, workspaceId: access.workspace.id, mergedIntoId: null }, select: { id: true, deletedAt: true } });
  if (!claim || (claim.deletedAt && !can(access.role, "claim.restore"))) throw notFound("Claim not found");
  const tree = await mergedInto(db, claim.id);
  const rows = await readHistory(db, [claim.id, ...tree.map((m) => m.id)], { before, take: take + 1 });
  const items = rows.slice(0, take);
  return { items, nextCursor: historyCursor(items, rows.length > take) };
}
