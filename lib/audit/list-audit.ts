import { assertCan, type Access } from "@/lib/auth/permissions";
import { parseChange } from "@/lib/changes/read";
import type { Change } from "@/lib/changes/kinds";
import { db, type Prisma } from "@/lib/db/client";
import { endOfDay, kindsOf, type AuditFilter } from "./filters";
import { summarizeChange, type AuditWords } from "./summary";

export interface AuditEntry {
  change: Change;
  actorName: string | null;
  summary: string;
}

export function auditWhere(access: Access, f: Omit<AuditFilter, "limit">): Prisma.ChangeWhereInput {
  const kinds = kindsOf(f.kind);
  return {
    workspaceId: access.workspace.id,
    seq: f.before ? { not: null, lt: BigInt(f.before) } : { not: null },
    ...(f.person ? { actorId: f.person } : {}),
    ...(kinds ? { kind: { in: kinds } } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: endOfDay(f.to) } : {}) } } : {}),
  };
}

/** Names of the people who made the changes (null for the system or someone whose account is gone). */
export async function actorNames(changes: Change[]): Promise<Map<string, string>> {
  const ids = [...new Set(changes.map((c) => c.actorId).filter((x): x is string => x !== null))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

/**
 * A page of the workspace's committed changes, newest first (by seq); `nextBefore` continues it. Admins only.
 * Summaries in the translator's language (the audit page's), in English without one (the REST API).
 */
export async function listAudit(access: Access, f: AuditFilter, words?: AuditWords): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  assertCan(access, "workspace.update");
  const rows = await db.change.findMany({ where: auditWhere(access, f), orderBy: { seq: "desc" }, take: f.limit + 1 });
  const changes = rows.slice(0, f.limit).map(parseChange);
  const names = await actorNames(changes);
  return {
    items: changes.map((c) => ({ change: c, actorName: c.actorId ? (names.get(c.actorId) ?? null) : null, summary: summarizeChange(c, words) })),
    nextBefore: rows.length > f.limit ? (changes.at(-1)?.seq ?? null) : null,
  };
}

/** Who can be chosen in the person filter: the workspace's members. */
export async function auditPeople(access: Access): Promise<{ id: string; name: string }[]> {
  assertCan(access, "workspace.update");
  const members = await db.membership.findMany({ where: { workspaceId: access.workspace.id }, select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } });
  return members.map((m) => m.user);
}
