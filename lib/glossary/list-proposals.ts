import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { GlossaryProposalView } from "./view";

/** A pair is proposed once seen together in this many attached mentions. */
export const MIN_SUPPORT = 2;
const SHOWN = 200;

/**
 * Pending proposals worth an admin's look: seen at least MIN_SUPPORT times,
 * and the best partner of both its words (no other pairing of either word was
 * seen more often), strongest first. A word the glossary already pairs (in that
 * language) is left out on either side: accepting "санкции = sanctions" also
 * retires "санкции = new" and "новые = sanctions", seen as often only because
 * the two words kept company.
 */
export async function listProposals(access: Access): Promise<GlossaryProposalView[]> {
  assertCan(access, "workspace.update", "Only admins can review glossary proposals.");
  return db.$queryRaw<GlossaryProposalView[]>(Prisma.sql`
    SELECT p."id", p."language", p."term", p."english", p."support"
    FROM (
      SELECT g.*, max(g."support") OVER (PARTITION BY g."language", g."termLexeme") AS best_term,
        max(g."support") OVER (PARTITION BY g."language", g."englishLexeme") AS best_english
      FROM "GlossaryProposal" g WHERE g."workspaceId" = ${access.workspace.id} AND g."status" = 'pending'
    ) p
    WHERE p."support" >= ${MIN_SUPPORT} AND p."support" = p.best_term AND p."support" = p.best_english
      AND NOT EXISTS (
        SELECT 1 FROM "GlossaryPair" x WHERE x."workspaceId" = p."workspaceId" AND x."language" = p."language"
          AND (p."termLexeme" = ANY(x."termLexemes") OR p."englishLexeme" = ANY(x."englishLexemes"))
      )
    ORDER BY p."support" DESC, p."term", p."english"
    LIMIT ${SHOWN}`);
}
