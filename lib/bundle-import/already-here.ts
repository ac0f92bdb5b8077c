import { wordsKey } from "@/lib/annotations/live-twin";
import type { Prisma } from "@/lib/db/client";
import type { BundleReader } from "./apply";
import type { IdMap } from "./ids";
import type { Bundle, BundleAnnotation } from "./schema";

type Client = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * What a bundle holds that is already here, on the articles it shares with
 * this workspace (plan.ts's reused articles: the same text), so that importing
 * it again adds nothing and the one-highlight-per-span rule the API keeps
 * (lib/annotations/live-twin.ts) holds after an import too:
 *
 * - a highlight on words a live highlight here already marks (the same
 *   start and end; an orphan, the same quote) is left out, as the annotation
 *   import leaves such spans out;
 * - a claim with a highlight left out so, whose words here are a claim's
 *   mention, is that claim (the first one in the bundle's order, if its
 *   highlights' words are several claims' here): it isn't created, and
 *   neither are its sources, history and comments (the claim here is kept as
 *   it is); its highlights on other words become that claim's mentions, so
 *   one claim's mentions stay one claim across imports, as with the
 *   annotation import. Links between claims are made between the claims
 *   here and the new ones; a link both of whose claims are already here
 *   isn't made again.
 *
 * A claim whose words here are only marked by highlights with no claim is
 * created, without those highlights; a claim with no highlight at all is
 * created each time (nothing says it is already here).
 */
export interface AlreadyHere {
  /** Bundle annotations (their numbers, ids.ts) left out. */
  annotations: Set<number>;
  /** Bundle claim (number) → the claim here it already is. */
  claims: Map<number, string>;
  /** The other rows left out with those claims (the dry run's counts). */
  left: { sources: number; relations: number; events: number; comments: number };
}

export const NOTHING_HERE: AlreadyHere = { annotations: new Set(), claims: new Map(), left: { sources: 0, relations: 0, events: 0, comments: 0 } };

/** The key of a bundle highlight as apply.ts writes it (its position selector, when it has one). */
export function bundleWordsKey(a: BundleAnnotation): string {
  const quote = a.selectors.find((s) => s.type === "TextQuoteSelector")!;
  const position = a.selectors.find((s) => s.type === "TextPositionSelector");
  return wordsKey(position?.start ?? null, position?.end ?? null, quote);
}

/**
 * Reads the bundle's highlights (and, when some claims are already here, the
 * sections hanging off claims) against the live highlights of the reused
 * articles. With `lock`, those articles are locked first (FOR UPDATE), as every
 * write of an article's highlights does, so no highlight lands on them between
 * this reading and the import's commit.
 */
export async function findAlreadyHere(client: Client, reused: Map<string, { id: string }>, ids: IdMap, read: BundleReader, lock: boolean): Promise<AlreadyHere> {
  if (!reused.size) return NOTHING_HERE;
  const articleIds = [...new Set([...reused.values()].map((r) => r.id))];
  if (lock) await client.$queryRaw`SELECT "id" FROM "Article" WHERE "id" = ANY(${articleIds}::text[]) ORDER BY "id" FOR UPDATE`;
  // The oldest highlight on the words first: its claim is the one a claim already here becomes.
  const live = await client.$queryRaw<{ articleId: string; start: number | null; end: number | null; exact: string; prefix: string; suffix: string; claimId: string | null }[]>`
    SELECT a."articleId", a."start", a."end", a."exact", a."prefix", a."suffix", c."id" AS "claimId"
    FROM "Annotation" a LEFT JOIN "Claim" c ON c."id" = a."claimId" AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
    WHERE a."articleId" = ANY(${articleIds}::text[]) AND a."deletedAt" IS NULL
    ORDER BY a."createdAt", a."id"`;
  if (!live.length) return NOTHING_HERE;
  const marked = new Map<string, Map<string, string | null>>();
  for (const h of live) {
    const words = marked.get(h.articleId) ?? new Map<string, string | null>();
    const key = wordsKey(h.start, h.end, h);
    // A later highlight on the same words (re-anchoring can bring two together) doesn't replace the first one's claim.
    if (!words.has(key) || (words.get(key) === null && h.claimId)) words.set(key, h.claimId);
    marked.set(h.articleId, words);
  }

  const annotations = new Set<number>();
  const claims = new Map<number, string>();
  for await (const batch of read(["annotations"])) {
    for (const { value } of batch) {
      const a = value as BundleAnnotation;
      const here = marked.get(reused.get(a.articleId)?.id ?? "")?.get(bundleWordsKey(a));
      if (here === undefined) continue;
      annotations.add(ids.number(a.id));
      if (here !== null && a.claimId !== null && !claims.has(ids.number(a.claimId))) claims.set(ids.number(a.claimId), here);
    }
  }

  const left = { sources: 0, relations: 0, events: 0, comments: 0 };
  if (claims.size) {
    const made = new Set<string>();
    for await (const batch of read(["sources", "relations", "events", "comments"])) {
      for (const { section, value } of batch) {
        if (section === "relations") {
          if (!relationWritten(value as Bundle["relations"][number], ids, claims, made)) left.relations++;
        } else if (claims.has(ids.number((value as { claimId: string }).claimId))) left[section as "sources" | "events" | "comments"]++;
      }
    }
  }
  return { annotations, claims, left };
}

/**
 * Whether a link between claims is made, its ends being the claims here where
 * they are already here: not when both are, nor when it would repeat one made
 * earlier in this import (two claims already here as the same claim), which
 * the table's unique (from, to, type) would refuse. `made` collects the
 * links made with an end already here.
 */
export function relationWritten(r: { fromId: string; toId: string; type: string }, ids: IdMap, claims: Map<number, string>, made: Set<string>): boolean {
  const from = claims.get(ids.number(r.fromId));
  const to = claims.get(ids.number(r.toId));
  if (from === undefined && to === undefined) return true;
  if (from !== undefined && to !== undefined) return false;
  const key = `${from ?? ids.get(r.fromId)}\u0000${to ?? ids.get(r.toId)}\u0000${r.type}`;
  if (made.has(key)) return false;
  made.add(key);
  return true;
}
