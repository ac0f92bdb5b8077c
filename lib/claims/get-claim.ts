import { can, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { ClaimDetail, ClaimEventView, ClaimRedirect, MentionView, RelationView, SourceView } from "./claim-dto";
import { approvalMissing } from "./claim-write";
import { approvalContext } from "./verdict-authors";
import { RELATION_WORDING, STANCES, type RelationType, type ReviewState, type SourceKind, type Stance } from "./review-states";
import type { RichDoc } from "./rich-text";
import type { Verdict } from "./verdicts";

/** The app's client or a transaction: getClaim reads through either. */
type Reader = Prisma.TransactionClient;

const CONTEXT_CHARS = 200;
const user = { select: { id: true, name: true } } as const;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The claim and every claim merged into it, transitively: their histories are this claim's history. */
async function mergeTree(client: Reader, claimId: string) {
  const merged: { id: string; statement: string; mergedAt: Date | null }[] = [];
  let frontier = [claimId];
  for (let depth = 0; frontier.length && depth < 50; depth++) {
    const rows = await client.claim.findMany({ where: { mergedIntoId: { in: frontier } }, select: { id: true, statement: true, mergedAt: true } });
    merged.push(...rows);
    frontier = rows.map((r) => r.id);
  }
  return merged;
}

/**
 * Everything the claim page needs. A claim merged into another answers
 * `{ redirectTo }`; a deleted one is visible only to those who may restore it.
 */
export async function getClaim(access: Access, claimId: string, client: Reader = db): Promise<ClaimDetail | ClaimRedirect> {
  const claim = await client.claim.findFirst({
    where: { id: claimId, workspaceId: access.workspace.id },
    include: {
      createdBy: user,
      assignee: user,
      approvedBy: user,
      deletedBy: user,
      changesRequestedBy: user,
      mentions: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { article: { select: { id: true, title: true, publishedAt: true, url: true, text: true } } },
      },
      sources: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { createdBy: user } },
      relationsFrom: { include: { to: { select: { id: true, statement: true, reviewState: true, verdict: true, deletedAt: true } }, createdBy: user } },
      relationsTo: { include: { from: { select: { id: true, statement: true, reviewState: true, verdict: true, deletedAt: true } }, createdBy: user } },
      comments: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: user } },
    },
  });
  if (!claim) throw notFound("Claim not found");
  if (claim.mergedIntoId) {
    // Follow the chain to the claim that still stands.
    let target = claim.mergedIntoId;
    for (let i = 0; i < 50; i++) {
      const next = await client.claim.findUnique({ where: { id: target }, select: { mergedIntoId: true } });
      if (!next?.mergedIntoId) break;
      target = next.mergedIntoId;
    }
    return { redirectTo: target };
  }
  if (claim.deletedAt && !can(access.role, "claim.restore")) throw notFound("Claim not found");

  const mergedFrom = await mergeTree(client, claim.id);
  const events = await client.claimEvent.findMany({
    where: { claimId: { in: [claim.id, ...mergedFrom.map((m) => m.id)] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { actor: user },
  });

  const mentions: MentionView[] = claim.mentions.map((m) => {
    const anchored = m.start !== null && m.end !== null;
    return {
      annotationId: m.id,
      article: { id: m.article.id, title: m.article.title, publishedAt: iso(m.article.publishedAt), url: m.article.url },
      exact: m.exact,
      prefix: m.prefix,
      suffix: m.suffix,
      before: anchored ? m.article.text.slice(Math.max(0, m.start! - CONTEXT_CHARS), m.start!) : m.prefix,
      after: anchored ? m.article.text.slice(m.end!, m.end! + CONTEXT_CHARS) : m.suffix,
      status: m.status,
      start: m.start,
      end: m.end,
      deleted: m.deletedAt !== null,
      createdAt: m.createdAt.toISOString(),
    };
  });

  const sources: SourceView[] = claim.sources.map((s) => ({
    id: s.id,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedAt: iso(s.publishedAt),
    accessedAt: iso(s.accessedAt),
    kind: s.kind as SourceKind,
    stance: s.stance as Stance,
    note: s.note,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
  }));
  const sourcesByStance = Object.fromEntries(STANCES.map((st) => [st, sources.filter((s) => s.stance === st)])) as Record<Stance, SourceView[]>;

  const relation = (
    r: (typeof claim.relationsFrom)[number] | (typeof claim.relationsTo)[number],
    direction: "outgoing" | "incoming",
    other: { id: string; statement: string; reviewState: string; verdict: string | null },
  ): RelationView => ({
    id: r.id,
    type: r.type as RelationType,
    direction,
    wording: RELATION_WORDING[r.type as RelationType]?.[direction] ?? r.type,
    other: { id: other.id, statement: other.statement, reviewState: other.reviewState as ReviewState, verdict: other.verdict as Verdict | null },
    note: r.note,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  });
  const relations = [
    ...claim.relationsFrom.filter((r) => !r.to.deletedAt).map((r) => relation(r, "outgoing", r.to)),
    ...claim.relationsTo.filter((r) => !r.from.deletedAt).map((r) => relation(r, "incoming", r.from)),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  const eventViews: ClaimEventView[] = events.map((e) => ({
    id: e.id,
    claimId: e.claimId,
    kind: e.kind as ClaimEventView["kind"],
    data: (e.data ?? {}) as Record<string, unknown>,
    actor: e.actor,
    createdAt: e.createdAt.toISOString(),
  }));

  return {
    id: claim.id,
    statement: claim.statement,
    claimant: claim.claimant,
    claimDate: iso(claim.claimDate),
    reviewState: claim.reviewState as ReviewState,
    verdict: claim.verdict as Verdict | null,
    explanation: (claim.explanation as unknown as RichDoc | null) ?? null,
    explanationText: claim.explanationText,
    tags: claim.tags,
    version: claim.version,
    createdBy: claim.createdBy,
    createdAt: claim.createdAt.toISOString(),
    updatedAt: claim.updatedAt.toISOString(),
    assignee: claim.assignee,
    approvedBy: claim.approvedBy,
    approvedAt: iso(claim.approvedAt),
    deletedAt: iso(claim.deletedAt),
    deletedBy: claim.deletedBy,
    approvalMissing: approvalMissing(claim, claim.sources.length),
    changesRequested: claim.changesRequestedAt ? { reason: claim.changesRequestedReason ?? "", at: claim.changesRequestedAt.toISOString(), by: claim.changesRequestedBy } : null,
    ...(await approvalContext(client, access.workspace.id, claim.id)),
    mentions,
    sources,
    sourcesByStance,
    relations,
    events: eventViews,
    comments: claim.comments.map((c) => ({
      id: c.id,
      body: c.body as unknown as RichDoc,
      bodyText: c.bodyText,
      author: c.author,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      edited: c.updatedAt.getTime() - c.createdAt.getTime() > 1000,
    })),
    mergedFrom: mergedFrom.map((m) => ({ id: m.id, statement: m.statement, mergedAt: iso(m.mergedAt) })),
  };
}

/**
 * For mutations: the detail of a claim that is known to stand, read inside the
 * mutation's own transaction. Answering from there, not with a fresh read
 * after commit, means a write that committed is never reported as failed
 * because the connection dropped between the commit and the read.
 */
export async function claimDetail(tx: Reader, access: Access, claimId: string): Promise<ClaimDetail> {
  const result = await getClaim(access, claimId, tx);
  if ("redirectTo" in result) throw notFound("Claim not found");
  return result;
}
