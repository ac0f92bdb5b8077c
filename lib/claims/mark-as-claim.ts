import { z } from "zod";
import { createAnnotationIn } from "@/lib/annotations/create-annotation";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { highlightNotFound } from "@/lib/annotations/highlight-not-found";
import { conflict, DomainError, said } from "@/lib/errors";
import { feedbackSchema, recordSuggestionFeedbackIn } from "@/lib/search/record-feedback";
import { ID_PATTERN } from "@/lib/validation/id";
import { attachMentionIn } from "./attach-mention";
import type { ClaimDetail } from "./claim-dto";
import { createClaimIn } from "./create-claim";
import { createClaimSchema, versionField } from "./schemas";

const offset = (what: string) => z.number({ error: `Give the ${what} offset.` }).int().min(0);
const idField = z.string().trim().min(1).max(64).regex(ID_PATTERN, "Give a valid id.");

/**
 * "Mark as claim" from the reader: the passage (a selection, or a plain
 * highlight already there) becomes a mention of a NEW claim, or of an
 * EXISTING one (`claimId` with its `version`), and what the person did with
 * the suggestions shown is recorded as feedback.
 */
export const markAsClaimSchema = z
  .object({
    /** A live plain highlight of this article to use; without it, `start`/`end`/`revision` are highlighted. */
    annotationId: idField.optional(),
    start: offset("start").optional(),
    end: offset("end").optional(),
    /** The revision the offsets were taken from. */
    revision: z.number({ error: "Give the article revision." }).int().min(1).optional(),
    /** Attach to this claim instead of creating one. */
    claimId: idField.optional(),
    /** The claim's version, with `claimId`. */
    version: versionField.optional(),
    /** For a new claim: the statement (default: the highlighted words), claimant, date and tags. */
    statement: createClaimSchema.shape.statement,
    claimant: createClaimSchema.shape.claimant,
    claimDate: createClaimSchema.shape.claimDate,
    tags: createClaimSchema.shape.tags,
    /** The suggestions shown and which one (if any) was taken. */
    feedback: feedbackSchema.omit({ annotationId: true }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.annotationId === undefined) {
      for (const field of ["start", "end", "revision"] as const) {
        if (v[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `Give the ${field === "revision" ? "article revision" : `${field} offset`}, or an annotationId.` });
      }
    }
    if (v.claimId !== undefined && v.version === undefined) ctx.addIssue({ code: "custom", path: ["version"], message: "Send the claim version you based this change on." });
    if (v.claimId !== undefined) {
      for (const field of ["statement", "claimant", "claimDate", "tags"] as const) {
        if (v[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: "Only for a new claim (leave out claimId)." });
      }
    }
  });

export type MarkAsClaimInput = z.infer<typeof markAsClaimSchema>;

export interface MarkAsClaimResult {
  /** The highlight that is now the mention. */
  annotationId: string;
  claim: ClaimDetail;
}

/**
 * One transaction for the whole intention: a failure anywhere (a stale claim
 * version, a claim that is gone, words a teammate just made a mention) leaves
 * no highlight, claim or feedback behind. The same exact words highlighted by
 * someone meanwhile are reused, as a plain highlight made here would be; if
 * that highlight is already a mention, the 409 names it (`annotationId`) and
 * its claim (`claimId`), so the reader can show that claim instead.
 */
export async function markAsClaim(access: Access, articleId: string, input: MarkAsClaimInput): Promise<MarkAsClaimResult> {
  assertCan(access, "annotation.create");
  assertCan(access, input.claimId ? "claim.edit" : "claim.create", "Only annotators, reviewers and admins can mark claims.");
  return db.$transaction(async (tx) => {
    const annotationId = await passage(tx, access, articleId, input);
    const claim = input.claimId
      ? await attachMentionIn(tx, access, input.claimId, { annotationId, version: input.version! })
      : await createClaimIn(tx, access, { annotationId, statement: input.statement, claimant: input.claimant, claimDate: input.claimDate, tags: input.tags });
    if (input.feedback) {
      await recordSuggestionFeedbackIn(tx, { ...input.feedback, annotationId, workspaceId: access.workspace.id, actorId: access.userId });
    }
    return { annotationId, claim };
  });
}

/** How recent a mention may be for "a moment ago": a little over what a reader's live feed needs to show it. */
export const MOMENT_MS = 5 * 60_000;

/** When the highlight became a mention of this claim: the feed's claim.created or claim.mention-added naming it (null if none is left). */
async function mentionMadeAt(tx: Prisma.TransactionClient, annotationId: string, claimId: string): Promise<Date | null> {
  const rows = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT max("createdAt") AS at FROM "Change"
     WHERE "claimId" = ${claimId} AND kind IN ('claim.created', 'claim.mention-added') AND data ->> 'annotationId' = ${annotationId}`;
  return rows[0]?.at ?? null;
}

/** The highlight to make the mention: the one named, a new one, or the identical live one a teammate made meanwhile. */
async function passage(tx: Prisma.TransactionClient, access: Access, articleId: string, input: MarkAsClaimInput): Promise<string> {
  if (input.annotationId) {
    const named = await tx.annotation.findFirst({ where: { id: input.annotationId, articleId, workspaceId: access.workspace.id, deletedAt: null }, select: { id: true } });
    if (!named) throw highlightNotFound();
    return named.id;
  }
  try {
    return (await createAnnotationIn(tx, access, articleId, { start: input.start!, end: input.end!, revision: input.revision! })).id;
  } catch (err) {
    // The duplicate check throws before writing anything, so the transaction is still good to use.
    const existing = err instanceof DomainError && err.status === 409 ? err.extra.existingAnnotationId : undefined;
    if (typeof existing !== "string") throw err;
    const twin = await tx.annotation.findUniqueOrThrow({ where: { id: existing }, select: { id: true, claimId: true } });
    if (twin.claimId && twin.claimId !== input.claimId) {
      // "A moment ago" only when it was (X36b: a page left open for a day said it of a mention made the day before).
      const markedAt = await mentionMadeAt(tx, twin.id, twin.claimId);
      const recent = markedAt !== null && Date.now() - markedAt.getTime() < MOMENT_MS;
      const message = recent
        ? said("marked_moment_ago", "Someone marked these words as a claim a moment ago.")
        : said("already_mention", "This highlight is already a mention of a claim.");
      throw conflict(message, { annotationId: recent ? said("marked_moment_ago", "Already a mention of a claim.") : said("already_mention", "Already a mention of a claim.") }, { annotationId: twin.id, claimId: twin.claimId, markedAt: markedAt?.toISOString() ?? null });
    }
    return twin.id;
  }
}
