import { db, type Prisma } from "@/lib/db/client";
import type { ReviewState } from "@/lib/claims/review-states";
import type { Verdict } from "@/lib/claims/verdicts";
import type { ExportSet } from "./export-set";

/** Claims read per query; each batch's children come in one query per kind. */
export const BATCH_SIZE = 500;

export interface Keyed {
  createdAt: Date;
  id: string;
}

export type AfterKey = { OR: [{ createdAt: { gt: Date } }, { createdAt: Date; id: { gt: string } }] } | Record<string, never>;

/** Rows strictly after `last` in (createdAt, id) order. */
export function after(last: Keyed | undefined): AfterKey {
  return last ? { OR: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, id: { gt: last.id } }] } : {};
}

export const KEYSET_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/**
 * Keyset pagination in (createdAt, id) order: `read(after, take)` returns the
 * next rows; yields one array per query, so memory holds one batch at a time
 * however many rows there are, and rows written meanwhile never shift a page.
 */
export async function* keysetPages<T extends Keyed>(read: (after: AfterKey, take: number) => Promise<T[]>, size = BATCH_SIZE): AsyncGenerator<T[]> {
  let last: T | undefined;
  for (;;) {
    const rows = await read(after(last), size);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    last = rows[rows.length - 1];
  }
}

export interface ExportMention {
  annotationId: string;
  article: { id: string; title: string; url: string | null; publishedAt: Date | null; language: string | null };
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  status: "exact" | "moved" | "fuzzy" | "orphaned";
  note: string | null;
  createdAt: Date;
}

export interface ExportSource {
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  publishedAt: Date | null;
  accessedAt: Date | null;
  kind: string;
  stance: string;
  note: string | null;
}

export interface ExportRelation {
  type: string;
  direction: "outgoing" | "incoming";
  otherId: string;
}

export interface ExportClaim {
  id: string;
  statement: string;
  claimant: string | null;
  claimDate: Date | null;
  reviewState: ReviewState;
  verdict: Verdict | null;
  explanationText: string;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  approvedAt: Date | null;
  /** Live mentions within the set, oldest first. */
  mentions: ExportMention[];
  /** Oldest first. */
  sources: ExportSource[];
  /** Only when asked for (`links`): relations to live claims, oldest first. */
  relations: ExportRelation[];
  /** Only when asked for (`links`): claims merged into this one. */
  mergedFrom: string[];
}

const claimSelect = {
  id: true,
  statement: true,
  claimant: true,
  claimDate: true,
  reviewState: true,
  verdict: true,
  explanationText: true,
  tags: true,
  createdAt: true,
  updatedAt: true,
  approvedAt: true,
} satisfies Prisma.ClaimSelect;

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * The set's claims in (createdAt, id) order, a batch at a time, each with its
 * mentions and sources (and, with `links`, relations and merged claims):
 * one query per kind per batch, never one per claim.
 */
export async function* claimBatches(set: ExportSet, opts: { links?: boolean; where?: Prisma.ClaimWhereInput; size?: number } = {}): AsyncGenerator<ExportClaim[]> {
  const where = opts.where ? { AND: [set.claims, opts.where] } : set.claims;
  const pages = keysetPages((afterKey, take) => db.claim.findMany({ where: { AND: [where, afterKey] }, orderBy: KEYSET_ORDER, take, select: claimSelect }), opts.size);
  for await (const page of pages) {
    const ids = page.map((c) => c.id);
    const [mentions, sources, relations, merged] = await Promise.all([
      db.annotation.findMany({
        where: { ...set.mentions, claimId: { in: ids } },
        orderBy: KEYSET_ORDER,
        select: {
          id: true,
          claimId: true,
          exact: true,
          prefix: true,
          suffix: true,
          start: true,
          end: true,
          status: true,
          note: true,
          createdAt: true,
          article: { select: { id: true, title: true, url: true, publishedAt: true, language: true } },
        },
      }),
      db.source.findMany({
        where: { claimId: { in: ids } },
        orderBy: KEYSET_ORDER,
        select: { id: true, claimId: true, url: true, title: true, publisher: true, publishedAt: true, accessedAt: true, kind: true, stance: true, note: true },
      }),
      opts.links
        ? db.claimRelation.findMany({
            where: { OR: [{ fromId: { in: ids } }, { toId: { in: ids } }], from: { deletedAt: null, mergedIntoId: null }, to: { deletedAt: null, mergedIntoId: null } },
            orderBy: KEYSET_ORDER,
            select: { fromId: true, toId: true, type: true },
          })
        : [],
      opts.links ? db.claim.findMany({ where: { mergedIntoId: { in: ids } }, orderBy: KEYSET_ORDER, select: { id: true, mergedIntoId: true } }) : [],
    ]);
    const mentionsOf = groupBy(mentions, (m) => m.claimId!);
    const sourcesOf = groupBy(sources, (s) => s.claimId);
    const inBatch = new Set(ids);
    const relationsOf = new Map<string, ExportRelation[]>();
    for (const r of relations) {
      if (inBatch.has(r.fromId)) relationsOf.set(r.fromId, [...(relationsOf.get(r.fromId) ?? []), { type: r.type, direction: "outgoing", otherId: r.toId }]);
      if (inBatch.has(r.toId)) relationsOf.set(r.toId, [...(relationsOf.get(r.toId) ?? []), { type: r.type, direction: "incoming", otherId: r.fromId }]);
    }
    const mergedOf = groupBy(merged, (m) => m.mergedIntoId!);
    yield page.map((c) => ({
      ...c,
      reviewState: c.reviewState as ReviewState,
      verdict: c.verdict as Verdict | null,
      mentions: (mentionsOf.get(c.id) ?? []).map((m) => ({
        annotationId: m.id,
        article: m.article,
        exact: m.exact,
        prefix: m.prefix,
        suffix: m.suffix,
        start: m.start,
        end: m.end,
        status: m.status,
        note: m.note,
        createdAt: m.createdAt,
      })),
      sources: sourcesOf.get(c.id) ?? [],
      relations: relationsOf.get(c.id) ?? [],
      mergedFrom: (mergedOf.get(c.id) ?? []).map((m) => m.id),
    }));
  }
}
