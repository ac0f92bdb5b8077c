import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { highlightNotFound } from "@/lib/annotations/highlight-not-found";
import { invalidInput, notFound } from "@/lib/errors";

/**
 * What a person did with the suggestions shown for one selection or search:
 * each shown claim accepted or dismissed, with the rank and score it had.
 * Kept as the workspace's own evaluation set for tuning the ranking later.
 */
export const feedbackItemSchema = z.object({
  claimId: z.string().min(1),
  rank: z.int().min(1).max(1000),
  score: z.number().finite(),
  accepted: z.boolean(),
});

export const feedbackSchema = z.object({
  annotationId: z.string().min(1).nullish(),
  queryText: z.string().trim().min(1, "The selection or query is missing.").max(10_000),
  items: z.array(feedbackItemSchema).min(1, "Nothing to record.").max(100),
});

export type FeedbackInput = z.infer<typeof feedbackSchema> & { workspaceId: string; actorId: string };

/** Records every item in one transaction; claims and the annotation must belong to the workspace. */
export async function recordSuggestionFeedback(input: FeedbackInput): Promise<{ recorded: number }> {
  return db.$transaction((tx) => recordSuggestionFeedbackIn(tx, input));
}

/** Inside a caller's transaction (mark-as-claim.ts records it with the claim it led to). */
export async function recordSuggestionFeedbackIn(tx: Prisma.TransactionClient, input: FeedbackInput): Promise<{ recorded: number }> {
  const parsed = feedbackSchema.safeParse(input);
  if (!parsed.success) throw invalidInput("Some fields are invalid.", parsed.error);
  const { workspaceId, actorId } = input;
  const { queryText, items } = parsed.data;
  const annotationId = parsed.data.annotationId ?? null;
  const claimIds = [...new Set(items.map((i) => i.claimId))];
  const found = await tx.claim.count({ where: { id: { in: claimIds }, workspaceId } });
  if (found !== claimIds.length) throw notFound("Claim not found");
  if (annotationId && !(await tx.annotation.findFirst({ where: { id: annotationId, workspaceId }, select: { id: true } }))) {
    throw highlightNotFound();
  }
  const { count } = await tx.suggestionFeedback.createMany({
    data: items.map((item) => ({ workspaceId, actorId, annotationId, queryText, ...item })),
  });
  return { recorded: count };
}
