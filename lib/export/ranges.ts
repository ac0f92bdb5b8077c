import { Prisma } from "@/lib/db/generated/client";
import { closeAll, concatStarted, copyValues, snapshotConnections } from "./copy-stream";
import type { ExportSet } from "./export-set";
import { exportRows } from "./rows";

/**
 * An export's claims cut into parts of about equal size, in the order exports write them (createdAt, id),
 * for formats whose query PostgreSQL must finish before its first row (aggregates, a sort): each part runs on
 * a connection of its own, all at once, and they are read one after the other (concatStarted). On two cores,
 * with 16 MB to sort in, the CSV of 100k claims went from 17 to 17–24 MB/s and JSON Lines from 31 to 51–66
 * (bench/results/export-100k-2026-12-02-session27.md). A set smaller than `PARTS.minClaims` × 2 stays one part: the
 * split costs a count, a query for the boundaries (through the (workspaceId, createdAt, id) index) and a connection
 * per part. The parts read one snapshot (snapshotConnections): every claim is in exactly one part with its own
 * mentions and sources, and a change committed while they run (a merge moving mentions) shows in none of them.
 */
export const PARTS = {
  /** Fewest claims a part holds (tests set 1 to split their small sets). */
  minClaims: 20_000,
};

export async function claimRanges(set: ExportSet, parts: number, minPerPart = PARTS.minClaims): Promise<Prisma.Sql[]> {
  const [{ n }] = await exportRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM "Claim" c WHERE ${set.claims}`);
  const count = Math.min(parts, Math.floor(n / minPerPart));
  if (count < 2) return [Prisma.sql`TRUE`];
  const offsets = Array.from({ length: count - 1 }, (_, i) => Math.floor(((i + 1) * n) / count));
  const bounds = await exportRows<{ createdAt: Date; id: string }>(Prisma.sql`
    SELECT b."createdAt", b.id FROM unnest(${offsets}::int[]) AS o(k)
      CROSS JOIN LATERAL (SELECT c."createdAt", c.id FROM "Claim" c WHERE ${set.claims} ORDER BY c."createdAt", c.id OFFSET o.k LIMIT 1) b
     ORDER BY o.k`);
  const at = (b: { createdAt: Date; id: string }) => Prisma.sql`(${b.createdAt}::timestamp(3), ${b.id}::text)`;
  return bounds.map((b, i) => {
    const from = i === 0 ? null : bounds[i - 1];
    return from ? Prisma.sql`(c."createdAt", c.id) >= ${at(from)} AND (c."createdAt", c.id) < ${at(b)}` : Prisma.sql`(c."createdAt", c.id) < ${at(b)}`;
  }).concat([Prisma.sql`(c."createdAt", c.id) >= ${at(bounds[bounds.length - 1])}`]);
}

/** One part's conditions: on its claims (alias `c`), and on the mentions of its claims (alias `a`; TRUE when whole). */
export interface Part {
  claims: Prisma.Sql;
  mentions: Prisma.Sql;
}

/**
 * The values of `query`'s rows for the set's claims in two parts run at once (claimRanges), one after the other,
 * each on a connection of its own with 16 MB to sort in (at the default 4 MB the CSV of 100k claims wrote ~90 MB of
 * temporary files): for formats whose query aggregates and sorts the whole set before its first row.
 */
export async function* copyInParts(set: ExportSet, query: (part: Part) => Prisma.Sql, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const ranges = await claimRanges(set, 2);
  const parts = ranges.map((range) => ({
    claims: range,
    mentions: ranges.length > 1 ? Prisma.sql`a."claimId" IN (SELECT c."id" FROM "Claim" c WHERE ${set.claims} AND ${range})` : Prisma.sql`TRUE`,
  }));
  // The parts read one snapshot, as one query would: a change committed while they run shows in none of them.
  const connections = await snapshotConnections(parts.length, { workMemMb: 16 });
  try {
    yield* concatStarted(parts.map((part, i) => copyValues(query(part), { connection: connections[i], signal })));
  } finally {
    await closeAll(connections);
  }
}
