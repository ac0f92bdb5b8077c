import type { Prisma } from "@/lib/db/client";
import type { ChangeInput } from "@/lib/changes/kinds";
import type { NotificationKind } from "./kinds";
import { clipStatement, type NotificationParams } from "./title";
import { withoutDirectionControls } from "@/lib/validation/text";

type Tx = Prisma.TransactionClient;

/** One inbox entry to write: who gets it, what kind, and what it says. */
export interface Draft {
  userId: string;
  kind: NotificationKind;
  workspaceId: string;
  changeIndex: number;
  actorId: string | null;
  claimId: string | null;
  /** In English, as API clients read it; `params` let each reader see it in their own language. */
  title: string;
  params: NotificationParams;
  detail: string | null;
}

interface ClaimPeople {
  id: string;
  statement: string;
  assigneeId: string | null;
  createdById: string | null;
}

const quote = (statement: string) => `“${clipStatement(statement)}”`;

const about = (claim: ClaimPeople): NotificationParams => ({ statement: clipStatement(claim.statement) });

/** The people who work on a claim: its assignee and its creator. */
function workers(claim: ClaimPeople): string[] {
  return [claim.assigneeId, claim.createdById].filter((id): id is string => Boolean(id));
}

/** The changes that can notify anyone; every other kind is passed over before any read. */
function notifies(c: ChangeInput): boolean {
  switch (c.kind) {
    case "claim.edited":
      return c.data.field === "assignee";
    case "claim.review-state":
    case "claim.merged":
    case "claim.deleted":
    case "comment.created":
    case "invite.accepted":
      return true;
    case "comment.edited":
      return Boolean(c.data.newlyMentioned?.length);
    default:
      return false;
  }
}

/**
 * Which notifications the changes call for, before preferences and
 * membership are applied. Reads the claims involved in the writer's
 * transaction, so it sees them as the change left them. Changes of kinds
 * that tell nobody are dropped first (they cost no query); the claims, the
 * comments' text and the claims' commenters are each read once for the batch.
 */
export async function deriveDrafts(tx: Tx, all: ChangeInput[]): Promise<Draft[]> {
  const changes = all.map((c, i) => ({ c, i })).filter(({ c }) => notifies(c));
  if (!changes.length) return [];
  const claimIds = new Set<string>();
  const commentIds = new Set<string>();
  const discussed = new Set<string>();
  for (const { c } of changes) {
    if (c.kind === "invite.accepted") continue;
    if (c.claimId) claimIds.add(c.claimId);
    if (c.kind === "claim.merged") claimIds.add(c.data.from);
    if (c.kind === "comment.created" || c.kind === "comment.edited") commentIds.add(c.data.commentId);
    if (c.kind === "comment.created" && c.claimId) discussed.add(c.claimId);
  }
  const [claimRows, commentRows, commenterRows] = await Promise.all([
    claimIds.size ? tx.claim.findMany({ where: { id: { in: [...claimIds] } }, select: { id: true, statement: true, assigneeId: true, createdById: true } }) : [],
    commentIds.size ? tx.claimComment.findMany({ where: { id: { in: [...commentIds] } }, select: { id: true, bodyText: true } }) : [],
    discussed.size
      ? tx.claimComment.findMany({ where: { claimId: { in: [...discussed] }, deletedAt: null, authorId: { not: null } }, select: { claimId: true, authorId: true }, distinct: ["claimId", "authorId"] })
      : [],
  ]);
  const claims = new Map<string, ClaimPeople>(claimRows.map((r) => [r.id, r]));
  const excerpts = new Map(commentRows.map((r) => [r.id, withoutDirectionControls(r.bodyText.slice(0, 500))]));
  const commenters = new Map<string, string[]>();
  for (const r of commenterRows) commenters.set(r.claimId, [...(commenters.get(r.claimId) ?? []), r.authorId!]);

  const drafts: Draft[] = [];
  const add = (c: ChangeInput, changeIndex: number, userIds: string[], kind: NotificationKind, title: string, params: NotificationParams, detail: string | null = null, claimId = c.claimId ?? null) => {
    for (const userId of new Set(userIds)) {
      drafts.push({ userId, kind, workspaceId: c.workspaceId, changeIndex, actorId: c.actorId, claimId, title, params, detail });
    }
  };
  for (const { c, i } of changes) {
    const claim = c.claimId ? claims.get(c.claimId) : undefined;
    switch (c.kind) {
      case "claim.edited": {
        const to = c.data.to;
        if (c.data.field === "assignee" && claim && to && typeof to === "object" && !Array.isArray(to) && to.id) {
          add(c, i, [to.id], "assigned", `You were assigned ${quote(claim.statement)}`, about(claim));
        }
        break;
      }
      case "claim.review-state": {
        if (!claim) break;
        const { from, to, note } = c.data;
        if (to === "approved") add(c, i, workers(claim), "approved", `${quote(claim.statement)} was approved`, about(claim), note);
        else if (from === "approved") add(c, i, workers(claim), "reopened", `${quote(claim.statement)} was reopened`, about(claim), note);
        else if (from === "in-review" && to === "unreviewed") add(c, i, workers(claim), "sent-back", `${quote(claim.statement)} was sent back`, about(claim), note);
        break;
      }
      case "claim.merged": {
        const merged = claims.get(c.data.from);
        const kept = claim ? quote(claim.statement) : "another claim";
        if (merged) add(c, i, workers(merged), "merged", `${quote(c.data.fromStatement)} was merged into ${kept}`, { statement: clipStatement(c.data.fromStatement), ...(claim ? { kept: clipStatement(claim.statement) } : {}) });
        break;
      }
      case "claim.deleted": {
        if (claim) add(c, i, workers(claim), "deleted", `${quote(claim.statement)} was deleted`, about(claim));
        break;
      }
      case "comment.created": {
        if (!claim) break;
        const mentioned = new Set(c.data.mentioned);
        const excerpt = excerpts.get(c.data.commentId) ?? null;
        add(c, i, [...mentioned], "mentioned", `You were mentioned on ${quote(claim.statement)}`, about(claim), excerpt);
        const others = [...workers(claim), ...(commenters.get(claim.id) ?? [])].filter((id) => !mentioned.has(id));
        add(c, i, others, "commented", `New comment on ${quote(claim.statement)}`, about(claim), excerpt);
        break;
      }
      case "comment.edited": {
        // Only those the edit mentions for the first time: everyone else was told when they were first mentioned.
        if (claim) add(c, i, c.data.newlyMentioned ?? [], "mentioned", `You were mentioned on ${quote(claim.statement)}`, about(claim), excerpts.get(c.data.commentId) ?? null);
        break;
      }
      case "invite.accepted": {
        add(c, i, [c.data.invitedById], "invite-accepted", `${c.data.user.name} accepted your invite and joined as ${c.data.role}`, { name: c.data.user.name, role: c.data.role });
        break;
      }
      default:
        break;
    }
  }
  return drafts;
}
