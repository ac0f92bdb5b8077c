import { can, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { forbidden, invalid } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/problem";
import type { ClaimListItem, ClaimPage } from "./claim-dto";
import { CHANGES_REQUESTED, type ReviewState } from "./review-states";
import { claimFiltersSchema, namedFilterErrors, type ClaimFilters, type ClaimSort } from "./schemas";
import type { Verdict } from "./verdicts";
import { tagSpellings } from "./workspace-tags";

interface Cursor {
  sort: ClaimSort;
  value: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString("base64url");
}

function decodeCursor(raw: string, sort: ClaimSort): Cursor {
  try {
    const [s, value, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (s === sort && typeof value === "string" && typeof id === "string") return { sort, value, id };
  } catch {
    // fall through
  }
  throw invalid("That page cursor is not valid for this list; start from the first page.", namedFilterErrors({ cursor: "Invalid cursor." }));
}

const ORDER: Record<ClaimSort, { field: "updatedAt" | "createdAt" | "statement"; dir: "asc" | "desc" }> = {
  updated: { field: "updatedAt", dir: "desc" },
  created: { field: "createdAt", dir: "desc" },
  statement: { field: "statement", dir: "asc" },
};

/** Keyset pagination: rows strictly after the cursor in (sort field, id) order. */
function after(cursor: Cursor): Prisma.ClaimWhereInput {
  const { field, dir } = ORDER[cursor.sort];
  const value = field === "statement" ? cursor.value : new Date(cursor.value);
  const op = dir === "asc" ? "gt" : "lt";
  return { OR: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: cursor.id } }] };
}

/** Parses filters from query parameters (or an object); 400 naming the bad parameter. */
export function parseClaimFilters(input: URLSearchParams | ClaimFilters) {
  const raw = input instanceof URLSearchParams ? Object.fromEntries(input) : input;
  const parsed = claimFiltersSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = namedFilterErrors(fieldErrors(parsed.error));
    const messages = Object.values(fields);
    throw invalid(messages.length === 1 ? messages[0] : `Some filters are invalid: ${messages.join(" ")}`, fields);
  }
  return parsed.data;
}

/**
 * The workspace's claims, filtered and sorted on the server, a page at a time.
 * Merged claims never appear; deleted ones only when an admin asks for them.
 */
export async function listClaims(access: Access, filters: ClaimFilters = {}): Promise<ClaimPage> {
  const f = parseClaimFilters(filters);
  if (f.deleted && !can(access.role, "claim.restore")) throw forbidden("Only admins can list deleted claims.");
  const and: Prisma.ClaimWhereInput[] = [{ workspaceId: access.workspace.id, mergedIntoId: null, deletedAt: f.deleted ? { not: null } : null }];
  if (f.reviewState?.length) {
    const states = f.reviewState.filter((s): s is ReviewState => s !== CHANGES_REQUESTED);
    const sentBack = f.reviewState.includes(CHANGES_REQUESTED) ? [{ reviewState: "unreviewed", changesRequestedAt: { not: null } }] : [];
    and.push({ OR: [...(states.length ? [{ reviewState: { in: states } }] : []), ...sentBack] });
  }
  if (f.verdict?.length) {
    const real = f.verdict.filter((v) => v !== "none");
    and.push({ OR: [...(real.length ? [{ verdict: { in: real } }] : []), ...(f.verdict.includes("none") ? [{ verdict: null }] : [])] });
  }
  // Case-insensitive: the tag as any of its spellings in this workspace (lib/claims/workspace-tags.ts).
  if (f.tag) and.push({ tags: { hasSome: await tagSpellings(access.workspace.id, f.tag) } });
  if (f.articleId) and.push({ mentions: { some: { articleId: f.articleId, deletedAt: null } } });
  if (f.claimant) and.push({ claimant: { contains: f.claimant, mode: "insensitive" } });
  if (f.assignee) and.push({ assigneeId: f.assignee === "me" ? access.userId : f.assignee === "none" ? null : f.assignee });
  if (f.hasSources !== undefined) and.push({ sources: f.hasSources ? { some: {} } : { none: {} } });
  if (f.q) and.push({ statement: { contains: f.q, mode: "insensitive" } });
  if (f.cursor) and.push(after(decodeCursor(f.cursor, f.sort)));

  const { field, dir } = ORDER[f.sort];
  const rows = await db.claim.findMany({
    where: { AND: and },
    orderBy: [{ [field]: dir }, { id: dir }],
    take: f.limit + 1,
    select: {
      id: true,
      statement: true,
      claimant: true,
      claimDate: true,
      reviewState: true,
      verdict: true,
      changesRequestedAt: true,
      changesRequestedReason: true,
      tags: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      deletedAt: true,
      assignee: { select: { id: true, name: true } },
      mentions: { where: { deletedAt: null }, select: { articleId: true } },
      _count: { select: { sources: true } },
    },
  });
  const page = rows.slice(0, f.limit);
  const items: ClaimListItem[] = page.map((r) => ({
    id: r.id,
    statement: r.statement,
    claimant: r.claimant,
    claimDate: r.claimDate?.toISOString() ?? null,
    reviewState: r.reviewState as ReviewState,
    verdict: r.verdict as Verdict | null,
    changesRequested: r.changesRequestedAt ? { reason: r.changesRequestedReason ?? "", at: r.changesRequestedAt.toISOString() } : null,
    tags: r.tags,
    assignee: r.assignee,
    mentionCount: r.mentions.length,
    articleCount: new Set(r.mentions.map((m) => m.articleId)).size,
    sourceCount: r._count.sources,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: r.deletedAt?.toISOString() ?? null,
  }));
  const last = page.at(-1);
  const nextCursor =
    rows.length > f.limit && last
      ? encodeCursor({ sort: f.sort, value: f.sort === "statement" ? last.statement : last[ORDER[f.sort].field as "updatedAt" | "createdAt"].toISOString(), id: last.id })
      : null;
  return { items, nextCursor };
}
