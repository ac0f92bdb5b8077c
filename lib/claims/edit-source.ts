import { assertCan, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { ClaimDetail } from "./claim-dto";
import { commitClaim, loadClaim, recordClaimChange, staleClaim } from "./claim-write";
import { claimDetail } from "./get-claim";
import { SOURCE_EDIT_FIELDS, type EditSourceInput } from "./schemas";

type Field = (typeof SOURCE_EDIT_FIELDS)[number];
const DATE_FIELDS = new Set<Field>(["publishedAt", "accessedAt"]);

/** The stored form of a field's new value: empty optional text is null, like addSource stores it. */
function stored(field: Field, value: unknown): string | Date | null {
  if (value === undefined || value === null || value === "") return null;
  return DATE_FIELDS.has(field) ? (value as Date) : String(value);
}
const comparable = (v: string | Date | null) => (v instanceof Date ? v.toISOString() : v);

/**
 * Corrects a source (a wrong URL, the stance, the date…) against the claim
 * version it was based on. Like adding one, allowed on an approved claim: the
 * source count an approval needs can't drop by an edit. One `source-edited`
 * event lists each changed field with its old and new value; an edit that
 * changes nothing writes nothing (a stale caller still gets its 409).
 */
export async function editSource(access: Access, claimId: string, sourceId: string, input: EditSourceInput): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can edit sources.");
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId, input.version);
    const source = await tx.source.findFirst({ where: { id: sourceId, claimId: claim.id } });
    if (!source) throw notFound("Source not found");

    const data: Prisma.SourceUpdateInput = {};
    const changes: { field: Field; from: string | null; to: string | null }[] = [];
    for (const field of SOURCE_EDIT_FIELDS) {
      if (input[field] === undefined) continue;
      const to = stored(field, input[field]);
      const from = source[field];
      if (comparable(to) === comparable(from)) continue;
      (data as Record<string, unknown>)[field] = to;
      changes.push({ field, from: comparable(from), to: comparable(to) });
    }
    if (!changes.length) {
      if (claim.version !== input.version) throw await staleClaim(tx, claim.id, input.version);
      return claimDetail(tx, access, claimId);
    }
    const version = await commitClaim(tx, claim, input.version);
    const updated = await tx.source.update({ where: { id: source.id }, data, select: { title: true } });
    await recordClaimChange(tx, access, claim.id, "claim.source-edited", { sourceId: source.id, title: updated.title, changes, version });
    return claimDetail(tx, access, claimId);
  });
}
