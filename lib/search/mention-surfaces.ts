import { db } from "@/lib/db/client";
import type { Surface } from "./readable-reasons";

/**
 * The words a claim's mentions write for lexemes its statement and claimant
 * don't have (finding X34). A suggestion can match a term only in a mention's
 * quote (a Ukrainian article quoting «санкции», read 'санкци'); the ranking query
 * reads the reasons' words from the statement and claimant only, so such a term
 * was shown as its stem. This reads them from the claim's first mentions, each
 * in its article's language, with the same search_surfaces, in one query for
 * the whole list and only when some term is unspelled.
 */

/** Mentions read per claim: a term is in one of the first few if the claim matched on it. */
const MENTIONS_READ = 20;
/** Positions of a quote's words start here (times the quote's number), so they never sit next to the statement's. */
const QUOTE_STRIDE = 100_000;

/** Signals and words need a surface; name keys (0k…, 0f…) are never shown unspelled anyway. */
const NAME_KEY = /^0[kf]/;

export interface Unspelled {
  claimId: string;
  lexemes: string[];
}

/** The lexemes of each suggestion that neither the selection's nor the claim's surfaces spell. */
export function unspelled(rows: { claimId: string; matched: [string, string][]; selectionSurfaces: Surface[]; claimSurfaces: Surface[] }[]): Unspelled[] {
  return rows.flatMap((r) => {
    const spelled = new Set([...r.selectionSurfaces, ...r.claimSurfaces].map(([lexeme]) => lexeme));
    const lexemes = [...new Set(r.matched.filter(([kind, l]) => kind !== "glossary" && kind !== "alias" && !NAME_KEY.test(l) && !spelled.has(l)).map(([, l]) => l))];
    return lexemes.length ? [{ claimId: r.claimId, lexemes }] : [];
  });
}

/** Surfaces of the wanted lexemes in each claim's mention quotes, by claim. */
export async function mentionSurfaces(wanted: Unspelled[]): Promise<Map<string, Surface[]>> {
  const out = new Map<string, Surface[]>();
  if (!wanted.length) return out;
  const rows = await db.$queryRaw<{ claimId: string; lexeme: string; surface: string; pos: number }[]>`
    SELECT q.id AS "claimId", x.lexeme, x.surface, x.pos::int AS pos
    FROM jsonb_to_recordset(${JSON.stringify(wanted.map((w) => ({ id: w.claimId, lexemes: w.lexemes })))}::jsonb) AS q(id text, lexemes text[])
    CROSS JOIN LATERAL (
      SELECT DISTINCT ON (s.lexeme) s.lexeme, s.surface, m.n * ${QUOTE_STRIDE} + s.pos AS pos
      FROM (SELECT a."exact", ar."language", row_number() OVER (ORDER BY a."createdAt", a."id") AS n
              FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
             WHERE a."claimId" = q.id AND a."deletedAt" IS NULL
             ORDER BY a."createdAt", a."id" LIMIT ${MENTIONS_READ}) m
      CROSS JOIN LATERAL "search_surfaces"(m."exact", m."language", q.lexemes) s
      ORDER BY s.lexeme, m.n, s.pos
    ) x`;
  for (const r of rows) out.set(r.claimId, [...(out.get(r.claimId) ?? []), [r.lexeme, r.surface, r.pos]]);
  return out;
}
