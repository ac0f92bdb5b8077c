import type { Access } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { changeArea, type Change, type ChangeKind } from "@/lib/changes";

/**
 * A committed change as the live streams send it: the feed's row plus the
 * articles it touches (a claim's change touches every article the claim is
 * mentioned in), worked out once per batch per instance, not per client.
 */
export type LiveChange = Change & { articleIds: string[] };

/** What a page listens to: a whole workspace (lists, dashboard), one article (the reader) or one claim. */
export type LiveScope = { kind: "workspace" } | { kind: "article"; articleId: string } | { kind: "claim"; claimId: string };

/** Areas every member may see (viewers included); the rest (members, invites, tokens, settings…) only admins. */
const CONTENT_AREAS = new Set(["claim", "comment", "article", "annotation"]);

/** May this member see this change? Streams and the polling endpoint ask the same question. */
export function visibleTo(access: Pick<Access, "role">, change: Change): boolean {
  if (CONTENT_AREAS.has(changeArea(change.kind))) return true;
  return can(access.role, "members.manage");
}

/** Does the change concern the page listening with this scope? */
export function inScope(scope: LiveScope, change: LiveChange): boolean {
  switch (scope.kind) {
    case "workspace":
      return true;
    case "article":
      return change.articleId === scope.articleId || change.articleIds.includes(scope.articleId);
    case "claim":
      // A merge into another claim names the merged one in `data.from`: its page must hear it.
      return change.claimId === scope.claimId || (change.kind === "claim.merged" && change.data.from === scope.claimId);
  }
}

/** The JSON a client receives for one change (dates as ISO strings), still discriminated by kind. */
export type WireChange = {
  [K in ChangeKind]: Omit<Extract<LiveChange, { kind: K }>, "createdAt" | "workspaceId"> & { createdAt: string };
}[ChangeKind];

export function toWire(change: LiveChange): WireChange {
  return {
    seq: change.seq,
    kind: change.kind,
    actorId: change.actorId,
    claimId: change.claimId,
    articleId: change.articleId,
    subjectId: change.subjectId,
    articleIds: change.articleIds,
    data: change.data,
    createdAt: change.createdAt.toISOString(),
  } as WireChange;
}
