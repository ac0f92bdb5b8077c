import { detectLanguage } from "@/lib/articles/import/language";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { highlightNotFound } from "@/lib/annotations/highlight-not-found";
import { conflict, said } from "@/lib/errors";
import { statementFromWords } from "@/lib/validation/text";
import type { ClaimDetail } from "./claim-dto";
import { recordClaimChange } from "./claim-write";
import { claimDetail } from "./get-claim";
import type { CreateClaimInput } from "./schemas";

/**
 * A new claim whose first mention is the highlight `annotationId`; the
 * statement starts as the highlighted text. One transaction; a highlight that
 * is already a mention of a claim is refused (409). Orphaned highlights may
 * still become claims: they keep their quote.
 */
export async function createClaim(access: Access, input: CreateClaimInput): Promise<ClaimDetail> {
  assertCan(access, "claim.create", "Only annotators, reviewers and admins can create claims.");
  return db.$transaction((tx) => createClaimIn(tx, access, input));
}

/** Inside a caller's transaction (mark-as-claim.ts makes the highlight and the claim in one). */
export async function createClaimIn(tx: Prisma.TransactionClient, access: Access, input: CreateClaimInput): Promise<ClaimDetail> {
  assertCan(access, "claim.create", "Only annotators, reviewers and admins can create claims.");
  const { annotationId, statement, claimant, claimDate, tags } = input;
  const annotation = await tx.annotation.findFirst({
    where: { id: annotationId, workspaceId: access.workspace.id },
    select: { id: true, articleId: true, exact: true, claimId: true, deletedAt: true, article: { select: { language: true } } },
  });
  if (!annotation || annotation.deletedAt) throw highlightNotFound();
  if (annotation.claimId) throw conflict(said("already_mention", "This highlight is already a mention of a claim."), { annotationId: said("already_mention", "Already a mention of a claim.") }, { claimId: annotation.claimId });
  // From the highlight, the article's own text, without direction controls a pasted article may hold (see schemas.ts).
  const text = statement ?? statementFromWords(annotation.exact).slice(0, 2000);
  const claim = await tx.claim.create({
    data: {
      workspaceId: access.workspace.id,
      statement: text,
      // The search document reads the statement in this language; a statement too short to tell is taken to be in its article's.
      language: await detectLanguage(text, annotation.article.language),
      claimant: claimant || null,
      claimDate: claimDate ?? null,
      tags: tags ?? [],
      createdById: access.userId,
    },
    select: { id: true, statement: true, version: true },
  });
  // Compare-and-set on the highlight: of two people claiming it at once, one wins.
  const { count } = await tx.annotation.updateMany({ where: { id: annotation.id, claimId: null, deletedAt: null }, data: { claimId: claim.id } });
  if (count === 0) throw conflict(said("just_mentioned", "This highlight was just made a mention of another claim."), { annotationId: said("just_mentioned", "Already a mention of a claim.") });
  await recordClaimChange(tx, access, claim.id, "claim.created", {
    annotationId: annotation.id,
    articleId: annotation.articleId,
    statement: claim.statement,
    version: claim.version,
  });
  return claimDetail(tx, access, claim.id);
}
