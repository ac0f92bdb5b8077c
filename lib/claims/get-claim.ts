import { can, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors";
import type { ClaimDetail, ClaimEventView, ClaimRedirect, SourceView, UserRef } from "./claim-dto";
import { afterOf, mergedInto, partCursor, mergeTarget, readHistory, readMentions, readRelations, readSources, type Reader } from "./claim-reads";
import { approvalMissing } from "./claim-write";
import { approvalContext } from "./verdict-authors";
import { encodeHistoryCursor } from "./history-cursor";
import { STANCES, type ReviewState, type Stance } from "./review-states";
import type { RichDoc } from "./rich-text";
import type { Verdict } from "./verdicts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Events on the claim page and in every claim answer; older ones are read a page at a time (listClaimHistory). */
export const HISTORY_PAGE = 50;
/**
 * Mentions in every claim answer; the rest a page at a time (listClaimMentions). A claim made in 200
 * articles would otherwise cut 200 contexts from 200 article texts for every page view and every change.
 */
export const MENTIONS_PAGE = 20;

/** The cursor of the history page after `events` (newest first), or null when they were the last. */
export function historyCursor(events: ClaimEventView[], more: boolean): string | null {
  const last = events.at(-1);
  return more && last ? encodeHistoryCursor(afterOf(last)) : null;
}

interface ClaimRow {
  id: string;
  statement: string;
  language: string | null;
  claimant: string | null;
  claimDate: Date | null;
  reviewState: string;
  verdict: string | null;
  explanation: unknown;
  explanationText: string;
  tags: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  approvedAt: Date | null;
  deletedAt: Date | null;
  changesRequestedAt: Date | null;
  changesRequestedReason: string | null;
  mergedIntoId: string | null;
  createdBy: UserRef | null;
  assignee: UserRef | null;
  approvedBy: UserRef | null;
  deletedBy: UserRef | null;
  changesRequestedBy: UserRef | null;
}

/**
 * The claim and the five people it names, in one query (Prisma's include reads each relation with a query of
 * its own: six round trips on every view of the page).
 */
async function readClaimRow(client: Reader, claimId: string, workspaceId: string): Promise<ClaimRow | null> {
  const person = (alias: string) => Prisma.raw(`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`);
  const rows = await client.$queryRaw<ClaimRow[]>`
    SELECT c.id, c.statement, c.language, c.claimant, c."claimDate", c."reviewState", c.verdict, c.explanation, c."explanationText", c.tags, c.version,
           c."createdAt", c."updatedAt", c."approvedAt", c."deletedAt", c."changesRequestedAt", c."changesRequestedReason", c."mergedIntoId",
           ${person("cb")} AS "createdBy", ${person("asg")} AS assignee, ${person("ab")} AS "approvedBy", ${person("del")} AS "deletedBy",
           ${person("cr")} AS "changesRequestedBy"
      FROM "Claim" c
      LEFT JOIN "User" cb ON cb.id = c."createdById"
      LEFT JOIN "User" asg ON asg.id = c."assigneeId"
      LEFT JOIN "User" ab ON ab.id = c."approvedById"
      LEFT JOIN "User" del ON del.id = c."deletedById"
      LEFT JOIN "User" cr ON cr.id = c."changesRequestedById"
     WHERE c.id = ${claimId} AND c."workspaceId" = ${workspaceId}`;
  return rows[0] ?? null;
}

type Reads<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/** Runs independent reads at once (on the pool, each on a connection of its own). */
function parallel<T extends readonly (() => Promise<unknown>)[]>(...reads: T): Promise<Reads<T>> {
  return Promise.all(reads.map((r) => r())) as Promise<Reads<T>>;
}

/** Runs reads one after another (in a transaction, which has one connection). */
async function sequential<T extends readonly (() => Promise<unknown>)[]>(...reads: T): Promise<Reads<T>> {
  const out: unknown[] = [];
  for (const r of reads) out.push(await r());
  return out as Reads<T>;
}

/**
 * Everything the claim page needs. A claim merged into another answers
 * `{ redirectTo }`; a deleted one is visible only to those who may restore it.
 * Reads only this claim's rows, each part in one query: the merge chain and
 * tree by recursive queries, mention context cut in SQL, the newest
 * HISTORY_PAGE events (`eventsNextCursor` for the rest).
 */
export async function getClaim(access: Access, claimId: string, client: Reader = db): Promise<ClaimDetail | ClaimRedirect> {
  const claim = await readClaimRow(client, claimId, access.workspace.id);
  if (!claim) throw notFound("Claim not found");
  if (claim.mergedIntoId) return { redirectTo: (await mergeTarget(client, claim.id)) ?? claim.mergedIntoId };
  if (claim.deletedAt && !can(access.role, "claim.restore")) throw notFound("Claim not found");

  // On the app's pool the parts are read at once, each on its own connection: a page view waits for the slowest
  // read, not for the sum of a dozen round trips. Inside a transaction (every claim change's answer) queries
  // share one connection, so they go one after another.
  const read = client === db ? parallel : sequential;
  const [mergedFrom, mentions, [mentionTotals], sources, relations, comments, approval] = await read(
    () => mergedInto(client, claim.id),
    () => readMentions(client, claim.id, { take: MENTIONS_PAGE + 1 }),
    () => client.$queryRaw<{ mentions: number; articles: number }[]>`
      SELECT count(*)::int AS mentions, count(DISTINCT "articleId")::int AS articles FROM "Annotation" WHERE "claimId" = ${claim.id} AND "deletedAt" IS NULL`,
    () => readSources(client, claim.id),
    () => readRelations(client, claim.id),
    // With their authors in one query (Prisma reads the users with a second).
    () => client.$queryRaw<{ id: string; body: unknown; bodyText: string; createdAt: Date; updatedAt: Date; authorId: string | null; authorName: string | null }[]>`
      SELECT k.id, k.body, k."bodyText", k."createdAt", k."updatedAt", u.id AS "authorId", u.name AS "authorName"
        FROM "ClaimComment" k LEFT JOIN "User" u ON u.id = k."authorId"
       WHERE k."claimId" = ${claim.id} AND k."deletedAt" IS NULL
       ORDER BY k."createdAt", k.id`,
    () => approvalContext(client, access.workspace.id, claim.id),
  );
  // The history includes that of every claim merged into this one, so it waits for those.
  const events = await readHistory(client, [claim.id, ...mergedFrom.map((m) => m.id)], { take: HISTORY_PAGE + 1 });
  const sourcesByStance = Object.fromEntries(STANCES.map((st) => [st, sources.filter((s) => s.stance === st)])) as Record<Stance, SourceView[]>;
  const shown = events.slice(0, HISTORY_PAGE);

  return {
    id: claim.id,
    statement: claim.statement,
    language: claim.language,
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
    approvalMissing: approvalMissing(claim, sources.length),
    changesRequested: claim.changesRequestedAt ? { reason: claim.changesRequestedReason ?? "", at: claim.changesRequestedAt.toISOString(), by: claim.changesRequestedBy } : null,
    ...approval,
    mentions: mentions.slice(0, MENTIONS_PAGE),
    mentionsNextCursor: partCursor(mentions, MENTIONS_PAGE, (m) => m.annotationId),
    mentionCount: mentionTotals.mentions,
    mentionArticleCount: mentionTotals.articles,
    sources,
    sourcesByStance,
    relations,
    events: shown,
    eventsNextCursor: historyCursor(shown, events.length > HISTORY_PAGE),
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body as unknown as RichDoc,
      bodyText: c.bodyText,
      author: c.authorId ? { id: c.authorId, name: c.authorName ?? "" } : null,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      edited: c.updatedAt.getTime() - c.createdAt.getTime() > 1000,
    })),
    mergedFrom: mergedFrom.map((m) => ({ id: m.id, statement: m.statement, language: m.language, mergedAt: iso(m.mergedAt) })),
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
