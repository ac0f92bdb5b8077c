import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { pairView, type GlossaryPairView } from "./view";

/** Pairs listed at once; a longer glossary is searched (q). */
export const GLOSSARY_PAGE = 500;

/** The workspace glossary, alphabetically by term; `q` finds pairs whose term or English side contains it. */
export async function listGlossary(access: Access, q?: string): Promise<{ items: GlossaryPairView[]; truncated: boolean }> {
  assertCan(access, "workspace.update", "Only admins can see the glossary.");
  const search = q?.trim();
  const rows = await db.glossaryPair.findMany({
    where: {
      workspaceId: access.workspace.id,
      ...(search ? { OR: [{ term: { contains: search, mode: "insensitive" } }, { english: { contains: search, mode: "insensitive" } }] } : {}),
    },
    orderBy: [{ term: "asc" }, { id: "asc" }],
    take: GLOSSARY_PAGE + 1,
  });
  return { items: rows.slice(0, GLOSSARY_PAGE).map(pairView), truncated: rows.length > GLOSSARY_PAGE };
}
