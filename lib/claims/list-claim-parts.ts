import type { Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { MentionView, RelationView, SourceView } from "./claim-dto";
import { partCursor, readMentions, readRelations, readSources, type PageOpts } from "./claim-reads";
import { decodeHistoryCursor } from "./history-cursor";
import type { Stance } from "./review-states";
import { standingClaim } from "./standing-claim";

/**
 * A claim's mentions, sources or relations a page at a time (REST API v1),
 * each a keyset page in SQL in (createdAt, id) order: reading page n costs the
 * same as page 1, and never the whole claim.
 */
export interface PartPage<T> {
  items: T[];
  nextCursor: string | null;
}
export interface PartQuery {
  limit: number;
  cursor?: string;
}

async function page<T extends { createdAt: string }>(q: PartQuery, read: (opts: PageOpts) => Promise<T[]>, idOf: (item: T) => string): Promise<PartPage<T>> {
  const rows = await read({ after: q.cursor ? decodeHistoryCursor(q.cursor) : undefined, take: q.limit + 1 });
  return { items: rows.slice(0, q.limit), nextCursor: partCursor(rows, q.limit, idOf) };
}

export async function listClaimMentions(access: Access, claimId: string, q: PartQuery): Promise<PartPage<MentionView>> {
  const id = await standingClaim(access, claimId);
  return page(q, (opts) => readMentions(db, id, opts), (m) => m.annotationId);
}

export async function listClaimSources(access: Access, claimId: string, q: PartQuery & { stance?: Stance }): Promise<PartPage<SourceView>> {
  const id = await standingClaim(access, claimId);
  return page(q, (opts) => readSources(db, id, { ...opts, stance: q.stance }), (s) => s.id);
}

export async function listClaimRelations(access: Access, claimId: string, q: PartQuery & { direction?: "outgoing" | "incoming" }): Promise<PartPage<RelationView>> {
  const id = await standingClaim(access, claimId);
  return page(q, (opts) => readRelations(db, id, { ...opts, direction: q.direction }), (r) => r.id);
}
